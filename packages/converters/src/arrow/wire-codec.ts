/**
 * How Arrow tables (and tables Dana derives from them) cross a worker or process boundary: as Arrow IPC stream
 * bytes, transferred to a worker thread (not copied) and read back without copying cells (`tableFromIPC` makes
 * views over the received buffer). Importing this module registers the codec — the sandbox imports it by URL
 * when a request carries an Arrow table — and the plain column codec that tables derived in Dana may need.
 */

import { registerNativeCodec } from "@dana-gateway/core";
import type { DanaNativeObject, Value } from "@dana-gateway/lang";
import { RecordBatch, Table, tableFromIPC, tableToIPC } from "apache-arrow";
import { DanaTable } from "../table/dana-table.js";
import { compiledModuleUrl } from "../table/module-url.js";
import "../table/wire-codec.js";
import { arrowPlugin, fromArrow } from "./from-arrow.js";
import { toArrow } from "./to-arrow.js";

export const arrowTableCodecName = "@dana-gateway/converters/arrow-table";

export const arrowTableCodec = {
  name: arrowTableCodecName,
  moduleUrl: compiledModuleUrl(import.meta.url, "arrow/wire-codec.js"),
  matches: (value: DanaNativeObject) => value instanceof DanaTable && value.origin.plugin === arrowPlugin,
  encode(value: DanaNativeObject, transfer: ArrayBuffer[]): Uint8Array {
    const arrow = toArrow(value as DanaTable);
    const bytes = tableToIPC(arrow instanceof RecordBatch ? new Table(arrow) : arrow, "stream");
    // The writer allocates these bytes for this call alone, so moving them cannot detach anything else.
    transfer.push(bytes.buffer as ArrayBuffer);
    return bytes;
  },
  decode(data: unknown): Value {
    return fromArrow(tableFromIPC(data as Uint8Array));
  },
};

registerNativeCodec(arrowTableCodec);
