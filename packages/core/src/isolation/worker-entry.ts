/**
 * Entry script of a worker-thread sandbox (runs as compiled JavaScript: dist/isolation/worker-entry.js).
 */
import { parentPort, workerData } from "node:worker_threads";
import type { HostToSandboxMessage } from "../protocol/messages.js";
import { coerceField } from "../runtime/field-coercion.js";
import { SharedMemoryProbe } from "./interrupt-probe.js";
import { languageInterpreter } from "./probed-interpreter.js";
import { runSandboxEntry } from "./sandbox-entry.js";
import type { WorkerEntryData } from "./worker-launcher.js";

const port = parentPort;
if (port === null) throw new Error("worker-entry.js runs only as a worker thread started by @dana-gateway/core");
const data = workerData as WorkerEntryData;

runSandboxEntry(
  {
    post: (message, transfer) => port.postMessage(message, transfer as ArrayBuffer[] | undefined),
    onMessage: (listener) => port.on("message", (message: HostToSandboxMessage) => listener(message)),
  },
  {
    probe: () => new SharedMemoryProbe(data.interruptCounter),
    createInterpreter: languageInterpreter,
    coerceField,
  },
);
