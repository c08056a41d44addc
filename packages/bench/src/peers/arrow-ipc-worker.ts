/**
 * The far side of the raw Arrow transfer peer: receives Arrow IPC bytes (transferred, not copied), reads them
 * back into a Table as the worker sandbox does, and answers with the row count.
 */

import { parentPort } from "node:worker_threads";
import { tableFromIPC } from "apache-arrow";

parentPort?.on("message", (bytes: Uint8Array) => parentPort?.postMessage(tableFromIPC(bytes).numRows));
