/**
 * A Dana table → an Arrow Table. A table that came in unchanged goes back as the very object that came in
 * (Table or RecordBatch). Otherwise untouched Arrow columns are reused as they are, row ranges of them are
 * zero-copy slices, and other columns are built with the type of the field they came from — or, for columns
 * computed in Dana, int → Int64, float → Float64, bool → Bool, str → Utf8, None → Null, lists/dicts inferred.
 */

import { DanaDict, DanaFloat, DanaList, DanaTuple, type Value } from "@dana-gateway/lang";
import {
  Bool as ArrowBool,
  type DataType,
  DateDay,
  Field,
  Float64,
  Int64,
  makeData,
  makeVector,
  Null,
  RecordBatch,
  Schema,
  Struct,
  Table,
  TimestampMicrosecond,
  Type,
  Utf8,
  type Vector,
  vectorFromArray,
} from "apache-arrow";
import { type DanaTable, SelectedColumn, type TableColumn } from "../table/index.js";
import { CellConversionError, danaToArrow } from "./arrow-cells.js";
import { ArrowColumn } from "./arrow-column.js";
import { parseTimestamp, type TimeUnitIndex } from "./temporal.js";

export function toArrow(table: DanaTable): Table | RecordBatch {
  if (table.original instanceof Table || table.original instanceof RecordBatch) return table.original;
  const fields: Field[] = [];
  const vectors: Vector[] = [];
  for (const column of table.columns) {
    const field = fieldFor(column);
    fields.push(field);
    vectors.push(vectorFor(column, field.type));
  }
  const metadata = table.origin.metadata as readonly (readonly [string, string])[] | undefined;
  const schema = new Schema(fields, metadata === undefined ? undefined : new Map(metadata));
  if (vectors.length === 0) return new Table(schema);
  // `new Table({...})` aligns differently chunked vectors into record batches; the batches are then rewrapped
  // with the real schema (duplicate names, nullability and metadata included).
  const aligned = new Table(Object.fromEntries(vectors.map((vector, index) => [`c${index}`, vector])));
  const batches = aligned.batches.map(
    (batch) =>
      new RecordBatch(
        schema,
        makeData({ type: new Struct(fields), length: batch.numRows, nullCount: 0, children: batch.data.children }),
      ),
  );
  return new Table(schema, batches);
}

function fieldFor(column: TableColumn): Field {
  const source = column.source;
  if (source instanceof Field) {
    return source.name === column.name ? source : new Field(column.name, source.type, source.nullable, source.metadata);
  }
  return new Field(column.name, typeForKind(column), true);
}

function typeForKind(column: TableColumn): DataType {
  switch (column.kind) {
    case "int":
      return new Int64();
    case "float":
      return new Float64();
    case "bool":
      return new ArrowBool();
    case "str":
      return new Utf8();
    case "date":
      return new DateDay();
    case "timestamp":
      return new TimestampMicrosecond();
    case "none":
      return new Null();
  }
  // Lists and dicts computed in Dana: let Arrow infer the nested type from the values.
  const values: unknown[] = [];
  for (let row = 0; row < column.length; row++) values.push(plain(column.value(row)));
  return vectorFromArray(values).type;
}

function plain(value: Value): unknown {
  if (value instanceof DanaFloat) return value.value;
  if (value instanceof DanaList || value instanceof DanaTuple) return value.items.map(plain);
  if (value instanceof DanaDict) {
    const record: Record<string, unknown> = Object.create(null);
    for (const [key, item] of value.entries()) record[String(key)] = plain(item);
    return record;
  }
  return value;
}

function vectorFor(column: TableColumn, type: DataType): Vector {
  if (column instanceof ArrowColumn) return column.vector;
  if (column instanceof SelectedColumn && column.base instanceof ArrowColumn && !(column.rows instanceof Int32Array)) {
    return column.base.vector.slice(column.rows.start, column.rows.start + column.rows.length);
  }
  if (type.typeId === Type.Timestamp) return exactTimestamps(column, type);
  const values: unknown[] = new Array(column.length);
  for (let row = 0; row < column.length; row++) values[row] = cell(column, type, row);
  return vectorFromArray(values, type);
}

function cell(column: TableColumn, type: DataType, row: number): unknown {
  try {
    return danaToArrow(type, column.value(row));
  } catch (error) {
    if (error instanceof CellConversionError)
      throw new CellConversionError(`column '${column.name}' row ${row}: ${error.message}`);
    throw error;
  }
}

/** Timestamps are built from their 64-bit values directly: Arrow's builders would round them to milliseconds. */
function exactTimestamps(column: TableColumn, type: DataType): Vector {
  const unit = (type as DataType & { unit: TimeUnitIndex }).unit;
  const values = new BigInt64Array(column.length);
  const validity = new Uint8Array(Math.ceil(column.length / 8));
  let nullCount = 0;
  for (let row = 0; row < column.length; row++) {
    const value = column.value(row);
    if (value === null) {
      nullCount++;
      continue;
    }
    const parsed = typeof value === "string" ? parseTimestamp(value, unit) : undefined;
    if (parsed === undefined) {
      throw new CellConversionError(`column '${column.name}' row ${row}: expected an ISO 8601 UTC timestamp`);
    }
    values[row] = parsed;
    validity[row >> 3]! |= 1 << (row & 7);
  }
  return makeVector(
    makeData({
      type,
      length: column.length,
      nullCount,
      nullBitmap: nullCount > 0 ? validity : null,
      data: values,
    } as never),
  );
}
