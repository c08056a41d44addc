/**
 * `t.group_by(keys, aggregations)`: rows grouped by the Dana equality of their key cells, each group aggregated
 * over a selection view of its rows (no cell is copied to group).
 */
import { DanaDict, DanaException, DanaList, DanaTuple, hashKey, type Value } from "@dana-gateway/lang";
import { type AggregationName, aggregate, aggregationNames } from "./aggregate.js";
import type { ColumnKind, TableColumn } from "./column.js";
import { DanaTable } from "./dana-table.js";
import { SelectedColumn } from "./selected-column.js";
import { ValueColumn } from "./value-column.js";

/**
 * `group_by(keys, {"column": "sum" | ["sum", "mean"], …})`: one row per distinct key (in order of first
 * appearance), the key columns first, then one column per aggregation — named after its column, or
 * `column_aggregation` when a column lists several.
 */
export function groupBy(table: DanaTable, keyNames: readonly string[], aggregations: Value): DanaTable {
  if (!(aggregations instanceof DanaDict)) {
    throw new DanaException(
      "TypeError",
      "group_by() aggregations must be a dict of column name to aggregation name(s)",
    );
  }
  const keyColumns = keyNames.map((name) => table.requireColumn(name));
  const groups = new Map<unknown, number[]>();
  for (let row = 0; row < table.rowCount; row++) {
    const key =
      keyColumns.length === 1
        ? hashKey(keyColumns[0]!.value(row))
        : hashKey(new DanaTuple(keyColumns.map((column) => column.value(row))));
    const rows = groups.get(key);
    if (rows === undefined) groups.set(key, [row]);
    else rows.push(row);
  }
  const selections = [...groups.values()].map((rows) => Int32Array.from(rows));
  const firstRows = selections.map((rows) => rows[0] as number);
  const columns: TableColumn[] = keyColumns.map(
    (column) =>
      new ValueColumn(
        column.name,
        column.kind,
        firstRows.map((row) => column.value(row)),
        column.source,
      ),
  );
  for (const [name, requested] of aggregations.entries()) {
    if (typeof name !== "string")
      throw new DanaException("TypeError", "group_by() aggregation keys must be column names");
    const column = table.requireColumn(name);
    const list =
      typeof requested === "string"
        ? null
        : requested instanceof DanaList || requested instanceof DanaTuple
          ? requested.items
          : undefined;
    if (list === undefined)
      throw new DanaException("TypeError", `group_by() aggregation for '${name}' must be a str or a list of str`);
    for (const aggregation of list ?? [requested]) {
      if (typeof aggregation !== "string" || !(aggregationNames as readonly string[]).includes(aggregation)) {
        throw new DanaException(
          "ValueError",
          `group_by() aggregation must be one of ${aggregationNames.join(", ")}; got ${String(aggregation)}`,
        );
      }
      const values = selections.map((rows) =>
        aggregate(SelectedColumn.of(column, rows), aggregation as AggregationName),
      );
      const kind = resultKind(column.kind, aggregation as AggregationName);
      const source = aggregation === "min" || aggregation === "max" ? column.source : null;
      columns.push(new ValueColumn(list === null ? name : `${name}_${aggregation}`, kind, values, source));
    }
  }
  return new DanaTable(columns, selections.length, table.origin, null);
}

function resultKind(kind: ColumnKind, aggregation: AggregationName): ColumnKind {
  switch (aggregation) {
    case "count":
      return "int";
    case "mean":
      return "float";
    case "sum":
      return kind === "float" ? "float" : "int";
    default:
      return kind;
  }
}
