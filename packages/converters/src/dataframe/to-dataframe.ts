/**
 * A Dana table → a danfojs DataFrame with the same columns (in order), dtypes and index. A table that came in
 * unchanged goes back as the very DataFrame that came in. Columns keep the dtype they came with; columns
 * computed in Dana get int → int32, float → float32, str → string, bool → boolean. None cells become null.
 */
import { DanaFloat, type Value } from "@dana-gateway/lang";
import { type DanaTable, PlainColumn, type PlainScalar, type TableColumn } from "../table/index.js";
import type { DanfoDataFrame, DanfoModule } from "./danfo.js";

const dtypesByKind: Readonly<Record<string, string>> = Object.assign(Object.create(null), {
  int: "int32",
  float: "float32",
  str: "string",
  bool: "boolean",
  none: "string",
});

export class DataFrameCellError extends Error {
  override readonly name = "DataFrameCellError";
}

export function toDataFrame(table: DanaTable, danfo: DanfoModule): DanfoDataFrame {
  if (table.original !== null && table.original instanceof danfo.DataFrame) return table.original as DanfoDataFrame;
  // danfojs accepts only plain objects; names are defined as data so `__proto__` stays an ordinary column.
  const data: Record<string, unknown[]> = {};
  const dtypes: string[] = [];
  for (const column of table.columns) {
    const dtype = typeof column.source === "string" ? column.source : dtypesByKind[column.kind];
    if (dtype === undefined) {
      throw new DataFrameCellError(`column '${column.name}' of type ${column.kind} cannot be a DataFrame column`);
    }
    Object.defineProperty(data, column.name, {
      value: cells(column),
      enumerable: true,
      writable: true,
      configurable: true,
    });
    dtypes.push(dtype);
  }
  const index = table.index === null ? undefined : (cells(table.index) as (string | number)[]);
  const names = table.columns.map((column) => column.name);
  const options = { columns: names, dtypes, ...(index === undefined ? {} : { index }) };
  // JavaScript orders integer-like keys ("0", "7") first in an object, and danfojs pairs the object's values
  // with `columns` by position: with such names, pass rows instead (a transposition, but the order is right).
  if (names.some((name) => arrayIndexPattern.test(name))) return new danfo.DataFrame(rowsOf(names, data), options);
  return new danfo.DataFrame(data, options);
}

const arrayIndexPattern = /^(?:0|[1-9]\d*)$/;

function rowsOf(names: readonly string[], data: Record<string, unknown[]>): unknown[][] {
  const columns = names.map((name) => data[name] as unknown[]);
  const rowCount = columns[0]?.length ?? 0;
  return Array.from({ length: rowCount }, (_, row) => columns.map((column) => column[row]));
}

function cells(column: TableColumn): PlainScalar[] {
  if (column instanceof PlainColumn) return Array.from(column.values);
  const values: PlainScalar[] = new Array(column.length);
  for (let row = 0; row < column.length; row++) values[row] = cell(column, row);
  return values;
}

function cell(column: TableColumn, row: number): PlainScalar {
  const value: Value = column.value(row);
  if (value instanceof DanaFloat) return value.value;
  if (typeof value === "bigint") {
    throw new DataFrameCellError(
      `column '${column.name}' row ${row}: ${value} is beyond the safe integer range of a DataFrame`,
    );
  }
  if (value !== null && typeof value === "object") {
    throw new DataFrameCellError(`column '${column.name}' row ${row}: a ${value.kind} cannot be a DataFrame cell`);
  }
  return value;
}
