/**
 * The methods of a Dana table (`t.head(3)`, `t.group_by("city", {"price": "mean"})`, …). Each checks its
 * arguments like a Dana builtin, and returns a Dana value or a new table; none mutates its table.
 */
import {
  compare,
  contains,
  DanaDict,
  DanaException,
  DanaFloat,
  DanaList,
  isTruthy,
  iterate,
  type KeywordArguments,
  type OrderingOperator,
  pythonEquals,
  type Value,
} from "@dana-gateway/lang";
import { aggregate, aggregationNames } from "./aggregate.js";
import { MethodArguments } from "./arguments.js";
import type { TableColumn } from "./column.js";
import { columnValues, DanaColumn } from "./dana-column.js";
import { DanaTable } from "./dana-table.js";
import { groupBy } from "./group-by.js";
import { type RowSelection, SelectedColumn } from "./selected-column.js";
import { inferKind, ValueColumn } from "./value-column.js";

type TableMethod = (table: DanaTable, call: (names: readonly string[]) => MethodArguments) => Value;

const methodList: Record<string, TableMethod> = {
  rows: (table, call) => {
    call([]);
    return new DanaList(Array.from({ length: table.rowCount }, (_, row) => table.row(row)));
  },
  to_dict: (table, call) => {
    call([]);
    const dict = new DanaDict();
    for (const column of table.columns)
      if (!dict.has(column.name)) dict.set(column.name, new DanaList(columnValues(column)));
    return dict;
  },
  column: (table, call) => new DanaColumn(table.requireColumn(call(["name"]).string(0))),
  head: (table, call) => {
    const count = clampCount(call(["n"]).integer(0, 5), table.rowCount);
    return selectRows(table, { start: 0, length: count });
  },
  tail: (table, call) => {
    const count = clampCount(call(["n"]).integer(0, 5), table.rowCount);
    return selectRows(table, { start: table.rowCount - count, length: count });
  },
  select: (table, call) => {
    const names = call(["columns"]).strings(0);
    return derive(
      table,
      names.map((name) => table.requireColumn(name)),
      table.rowCount,
      table.index,
    );
  },
  where: (table, call) => {
    const mask = call(["mask"]).required(0);
    const rows: number[] = [];
    let row = 0;
    const iterator = iterate(mask);
    for (let step = iterator.next(); !step.done; step = iterator.next(), row++) {
      if (isTruthy(step.value)) rows.push(row);
    }
    if (row !== table.rowCount) {
      throw new DanaException("ValueError", `where() mask has ${row} items, the table has ${table.rowCount} rows`);
    }
    return selectRows(table, Int32Array.from(rows));
  },
  filter: (table, call) => {
    const args = call(["column", "op", "value"]);
    const column = table.requireColumn(args.string(0));
    const matches = cellTest(args.string(1), args.required(2));
    const rows: number[] = [];
    for (let row = 0; row < table.rowCount; row++) if (matches(column.value(row))) rows.push(row);
    return selectRows(table, Int32Array.from(rows));
  },
  sort_by: (table, call) => {
    const args = call(["columns", "descending"]);
    const columns = args.strings(0).map((name) => table.requireColumn(name));
    const descending = args.boolean(1, false);
    return selectRows(table, sortedRows(columns, table.rowCount, descending));
  },
  with_column: (table, call) => {
    const args = call(["name", "values"]);
    const name = args.string(0);
    const column = newColumn(name, args.required(1), table.rowCount);
    const columns = table.columns.some((item) => item.name === name)
      ? table.columns.map((item) => (item.name === name ? column : item))
      : [...table.columns, column];
    return derive(table, columns, table.rowCount, table.index);
  },
  group_by: (table, call) => {
    const args = call(["keys", "aggregations"]);
    return groupBy(table, args.strings(0), args.required(1));
  },
};

// Null prototype: a Dana method name such as `constructor` or `__proto__` must find nothing.
const methods: Record<string, TableMethod | undefined> = Object.assign(Object.create(null), methodList);

for (const name of aggregationNames) {
  methods[name] = (table, call) => aggregate(table.requireColumn(call(["column"]).string(0)), name);
}

export function callTableMethod(
  table: DanaTable,
  name: string,
  positional: readonly Value[],
  keywords: KeywordArguments,
): Value | undefined {
  const method = methods[name];
  if (method === undefined) return undefined;
  return method(table, (names) => new MethodArguments(`Table.${name}`, positional, keywords, names));
}

function clampCount(count: number, rowCount: number): number {
  // Python slicing: head(-2) is every row but the last two.
  return count < 0 ? Math.max(0, rowCount + count) : Math.min(count, rowCount);
}

function derive(
  table: DanaTable,
  columns: readonly TableColumn[],
  rowCount: number,
  index: TableColumn | null,
): DanaTable {
  return new DanaTable(columns, rowCount, table.origin, index);
}

function selectRows(table: DanaTable, rows: RowSelection): DanaTable {
  const columns = table.columns.map((column) => SelectedColumn.of(column, rows));
  const index = table.index === null ? null : SelectedColumn.of(table.index, rows);
  return derive(table, columns, rows.length, index);
}

const orderingOperators = new Set(["<", "<=", ">", ">="]);

/** `filter(column, op, value)`: a None cell matches only `==` None and `!=` anything else. */
function cellTest(operator: string, value: Value): (cell: Value) => boolean {
  if (operator === "==") return (cell) => pythonEquals(cell, value);
  if (operator === "!=") return (cell) => !pythonEquals(cell, value);
  if (operator === "in") return (cell) => contains(value, cell);
  if (operator === "not in") return (cell) => !contains(value, cell);
  if (orderingOperators.has(operator)) {
    return (cell) => cell !== null && compare(operator as OrderingOperator, cell, value);
  }
  throw new DanaException(
    "ValueError",
    `filter() op must be one of ==, !=, <, <=, >, >=, in, not in; got '${operator}'`,
  );
}

/** A stable sort of row numbers; None last in both directions. */
function sortedRows(columns: readonly TableColumn[], rowCount: number, descending: boolean): Int32Array {
  const keys = columns.map((column) => columnValues(column));
  const rows = Array.from({ length: rowCount }, (_, row) => row);
  rows.sort((left, right) => {
    for (const values of keys) {
      const a = values[left] as Value;
      const b = values[right] as Value;
      if (a === null || b === null) {
        if (a === b) continue;
        return a === null ? 1 : -1;
      }
      const order = compare("<", a, b) ? -1 : compare(">", a, b) ? 1 : 0;
      if (order !== 0) return descending ? -order : order;
    }
    return 0;
  });
  return Int32Array.from(rows);
}

function newColumn(name: string, values: Value, rowCount: number): TableColumn {
  if (values instanceof DanaColumn) {
    const source = values.column;
    if (source.length !== rowCount) throw lengthMismatch(source.length, rowCount);
    return new ValueColumn(name, source.kind, columnValues(source), source.source);
  }
  const items: Value[] = [];
  const iterator = iterate(values);
  for (let step = iterator.next(); !step.done; step = iterator.next()) items.push(step.value);
  if (items.length !== rowCount) throw lengthMismatch(items.length, rowCount);
  const kind = inferKind(items);
  if (kind === "any") {
    throw new DanaException("TypeError", "with_column() values must share one type (ints and floats mix as float)");
  }
  return new ValueColumn(name, kind, kind === "float" ? items.map(asFloat) : items);
}

function asFloat(value: Value): Value {
  return typeof value === "number" || typeof value === "bigint" ? new DanaFloat(Number(value)) : value;
}

function lengthMismatch(given: number, rowCount: number): DanaException {
  return new DanaException("ValueError", `with_column() got ${given} values for a table of ${rowCount} rows`);
}
