/** Helpers for Arrow round trips: through a derived table (forcing every cell to be rebuilt) and through IPC. */

import { DanaList, type Value } from "@dana-gateway/lang";
import type { RecordBatch, Table } from "apache-arrow";
import { fromArrow } from "../../src/arrow/from-arrow.js";
import { toArrow } from "../../src/arrow/to-arrow.js";
import { arrowTableCodec } from "../../src/arrow/wire-codec.js";
import type { DanaTable } from "../../src/table/index.js";

/** Arrow → Dana table → `where(all rows)` (cells read as Dana values) → Arrow again. */
export function rebuiltThroughDana(table: Table | RecordBatch): Table {
  const dana = fromArrow(table);
  const mask = new DanaList(Array.from({ length: dana.rowCount }, () => true));
  const derived = dana.callMethod("where", [mask], new Map()) as DanaTable;
  return toArrow(derived) as Table;
}

/** What a worker or child process would receive: encoded by the codec, structured-cloned, decoded. */
export function throughWire(table: DanaTable): DanaTable {
  const data = structuredClone(arrowTableCodec.encode(table, []));
  return arrowTableCodec.decode(data) as DanaTable;
}

/** Every cell of the first column, read as Dana values. */
export function danaCells(table: Table, column = 0): Value[] {
  const dana = fromArrow(table);
  const values: Value[] = [];
  for (let row = 0; row < dana.rowCount; row++) values.push(dana.columns[column]!.value(row));
  return values;
}
