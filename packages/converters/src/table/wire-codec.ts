/**
 * How tables that did not come from Arrow (DataFrames and what Dana derives from them) cross a worker or
 * process boundary: column by column, as plain arrays of scalars (numbers, bigints, strings, booleans, null)
 * — no Arrow, no danfojs needed in the sandbox. Importing this module registers the codec (the sandbox imports
 * it by URL when a request carries such a table).
 */
import { registerNativeCodec } from "@dana-gateway/core";
import { DanaFloat, type DanaNativeObject, type Value } from "@dana-gateway/lang";
import type { TableColumn } from "./column.js";
import { DanaTable, type TableOrigin } from "./dana-table.js";
import { compiledModuleUrl } from "./module-url.js";
import { PlainColumn, type PlainKind, type PlainScalar } from "./plain-column.js";
import { isRecord, malformed, requireCells, requireRowCount, requireString } from "./wire-shape.js";

export const columnTableCodecName = "@dana-gateway/converters/column-table";

interface WireColumn {
  readonly name: string;
  readonly kind: PlainKind;
  readonly values: ArrayLike<PlainScalar>;
  readonly source: unknown;
}

interface WireTable {
  readonly origin: TableOrigin;
  readonly rowCount: number;
  readonly columns: readonly WireColumn[];
  readonly index: WireColumn | null;
}

const plainKinds = new Set<string>(["int", "float", "bool", "str", "none"]);

function encodeColumn(column: TableColumn): WireColumn {
  if (!plainKinds.has(column.kind)) {
    throw new TypeError(`column '${column.name}' of type ${column.kind} cannot cross as plain values`);
  }
  if (column instanceof PlainColumn) return column; // already plain: sent as it is (structured clone copies it)
  const values: PlainScalar[] = new Array(column.length);
  for (let row = 0; row < column.length; row++) values[row] = plainScalar(column.value(row));
  return { name: column.name, kind: column.kind as PlainKind, values, source: column.source };
}

function plainScalar(value: Value): PlainScalar {
  if (value instanceof DanaFloat) return value.value;
  if (value !== null && typeof value === "object") throw new TypeError(`a ${value.kind} is not a plain table cell`);
  return value;
}

function isPlainScalar(cell: unknown): boolean {
  return cell === null || cell === undefined || ["number", "bigint", "string", "boolean"].includes(typeof cell);
}

function decodeColumn(column: unknown, rowCount: number): PlainColumn {
  if (!isRecord(column)) malformed("a column must be an object");
  const name = requireString(column.name, "a column name");
  const kind = requireString(column.kind, `the type of column '${name}'`);
  if (!plainKinds.has(kind)) malformed(`column '${name}' has the unknown type '${kind}'`);
  const values = requireCells(column.values, rowCount, `column '${name}'`);
  for (let row = 0; row < values.length; row++) {
    if (!isPlainScalar(values[row])) malformed(`column '${name}' row ${row} is not a scalar`);
  }
  const source = typeof column.source === "string" ? column.source : null;
  return new PlainColumn(name, kind as PlainKind, values as ArrayLike<PlainScalar>, source);
}

export const columnTableCodec = {
  name: columnTableCodecName,
  moduleUrl: compiledModuleUrl(import.meta.url, "table/wire-codec.js"),
  matches: (value: DanaNativeObject) => value instanceof DanaTable && value.origin.plugin !== "arrow",
  encode(value: DanaNativeObject): WireTable {
    const table = value as DanaTable;
    return {
      origin: table.origin,
      rowCount: table.rowCount,
      columns: table.columns.map(encodeColumn),
      index: table.index === null ? null : encodeColumn(table.index),
    };
  },
  decode(data: unknown): Value {
    if (!isRecord(data) || !isRecord(data.origin) || !Array.isArray(data.columns)) malformed("not a table");
    const rowCount = requireRowCount(data.rowCount);
    const origin: TableOrigin = { plugin: requireString(data.origin.plugin, "the origin") };
    const index = data.index === null ? null : decodeColumn(data.index, rowCount);
    const columns = data.columns.map((column) => decodeColumn(column, rowCount));
    return new DanaTable(columns, rowCount, origin, index);
  },
};

registerNativeCodec(columnTableCodec);
