/** The far side of the raw worker peer: answers every message with itself, doing no work. */
import { parentPort } from "node:worker_threads";

parentPort?.on("message", (message: unknown) => parentPort?.postMessage(message));
