/**
 * Entry script of a child-process sandbox (runs as compiled JavaScript: dist/isolation/child-entry.js).
 */
import type { HostToSandboxMessage } from "../protocol/messages.js";
import { coerceField } from "../runtime/field-coercion.js";
import { closeInheritedDescriptors } from "./inherited-descriptors.js";
import { FileProbe, interruptFileName } from "./interrupt-probe.js";
import { languageInterpreter } from "./probed-interpreter.js";
import { runSandboxEntry } from "./sandbox-entry.js";

if (typeof process.send !== "function") {
  throw new Error("child-entry.js runs only as a child process started by @dana-gateway/core");
}
const send = process.send.bind(process);

closeInheritedDescriptors();
// The host is gone (or closed the channel): nothing can reach this sandbox any more.
process.on("disconnect", () => process.exit(0));

runSandboxEntry(
  {
    post: (message) => send(message),
    onMessage: (listener) => process.on("message", (message) => listener(message as HostToSandboxMessage)),
  },
  {
    probe: () => new FileProbe(interruptFileName),
    createInterpreter: languageInterpreter,
    coerceField,
  },
);
