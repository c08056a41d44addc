/**
 * How Arrow tables (and tables Dana derives from them) cross a worker or process boundary: as Arrow IPC stream
 * bytes, transferred to a worker thread (not copied) and read back without copying cells (`tableFromIPC` makes
 * views over the received buffer). Importing this module registers the codec — the sandbox imports it by URL
 * when a request carries an Arrow table — and the plain column codec that tables derived in Dana may need.
 */

import { registerNativeCodec } from "@dana-gateway/core";
import type { DanaNativeObject, Value } from "@dana-gateway/lang";
import { Field, makeData, RecordBatch, Schema, Struct, Table, tableFromIPC, tableToIPC } from "apache-arrow";
import { DanaTable } from "../table/dana-table.js";
import { compiledModuleUrl } from "../table/module-url.js";
import { isRecord, malformed } from "../table/wire-shape.js";
import "../table/wire-codec.js";
import { arrowPlugin, fromArrow } from "./from-arrow.js";
import { toArrow } from "./to-arrow.js";

export const arrowTableCodecName = "@dana-gateway/converters/arrow-table";

interface WireArrowTable {
  readonly bytes: Uint8Array;
  /** Field names as sent: apache-arrow's IPC reader turns an empty name into "null". */
  readonly names: readonly string[];
}

/** The table with its fields renamed (nothing else changes; the record batches are rewrapped, not copied). */
function withFieldNames(table: Table, names: readonly string[]): Table {
  if (table.schema.fields.every((field, index) => field.name === names[index])) return table;
  const fields = table.schema.fields.map(
    (field, index) => new Field(names[index] ?? field.name, field.type, field.nullable, field.metadata),
  );
  const schema = new Schema(fields, table.schema.metadata);
  const batches = table.batches.map(
    (batch) =>
      new RecordBatch(
        schema,
        makeData({ type: new Struct(fields), length: batch.numRows, nullCount: 0, children: batch.data.children }),
      ),
  );
  return new Table(schema, batches);
}

export const arrowTableCodec = {
  name: arrowTableCodecName,
  moduleUrl: compiledModuleUrl(import.meta.url, "arrow/wire-codec.js"),
  matches: (value: DanaNativeObject) => value instanceof DanaTable && value.origin.plugin === arrowPlugin,
  encode(value: DanaNativeObject, transfer: ArrayBuffer[]): WireArrowTable {
    const arrow = toArrow(value as DanaTable);
    const bytes = tableToIPC(arrow instanceof RecordBatch ? new Table(arrow) : arrow, "stream");
    // The writer allocates these bytes for this call alone, so moving them cannot detach anything else.
    transfer.push(bytes.buffer as ArrayBuffer);
    return { bytes, names: arrow.schema.fields.map((field) => field.name) };
  },
  decode(data: unknown): Value {
    if (!isRecord(data) || !(data.bytes instanceof Uint8Array)) malformed("expected Arrow IPC bytes");
    const names = Array.isArray(data.names) && data.names.every((name) => typeof name === "string") ? data.names : [];
    const table = tableFromIPC(data.bytes);
    if (names.length !== table.schema.fields.length) malformed("the field names do not match the schema");
    return fromArrow(withFieldNames(table, names));
  },
};

registerNativeCodec(arrowTableCodec);
