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

function decodeColumn(column: WireColumn): PlainColumn {
  return new PlainColumn(column.name, column.kind, column.values, column.source);
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
    const wire = data as WireTable;
    const index = wire.index === null ? null : decodeColumn(wire.index);
    return new DanaTable(wire.columns.map(decodeColumn), wire.rowCount, wire.origin, index);
  },
};

registerNativeCodec(columnTableCodec);
