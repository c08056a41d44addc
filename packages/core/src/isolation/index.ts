/**
 * Worker-thread and child-process isolation. Loaded by the gateway only when a context asks for
 * `isolation: "worker"` or `"process"`, so in-process users never load it.
 */
import type { SandboxBackend, SandboxBackendEvents } from "../protocol/backend.js";
import type { SandboxInit } from "../protocol/messages.js";
import { type IsolatedMode, IsolatedSandboxes, type IsolationOptions } from "./isolated-sandboxes.js";

// Building blocks for a custom sandbox entry script (another interpreter build, a test double): what
// worker-entry.js and child-entry.js are made of.
export { closeInheritedDescriptors } from "./inherited-descriptors.js";
export { FileProbe, type InterruptProbe, interruptFileName, SharedMemoryProbe } from "./interrupt-probe.js";
export { IsolatedBackend, type IsolatedBackendOptions } from "./isolated-backend.js";
export {
  baselineHeapBytes,
  defaultCancelGraceMs,
  defaultWatchdogGraceMs,
  type IsolatedMode,
  IsolatedSandboxes,
  type IsolationOptions,
  type SandboxRequirements,
} from "./isolated-sandboxes.js";
export { type EntryChannel, type EntryOptions, runSandboxEntry } from "./sandbox-entry.js";
export type { AcquireOptions, SandboxPoolOptions } from "./sandbox-pool.js";

let shared: IsolatedSandboxes | null = null;

/** The process-wide sandboxes used when a runtime is not given its own `backends`. */
export function sharedIsolatedSandboxes(): IsolatedSandboxes {
  shared ??= new IsolatedSandboxes();
  return shared;
}

/**
 * Replaces the process-wide sandboxes' settings (pool sizes, timeouts, granted environment); the previous ones
 * are closed. Contexts already created keep their sandboxes.
 */
export async function configureIsolation(options: IsolationOptions): Promise<IsolatedSandboxes> {
  const previous = shared;
  shared = new IsolatedSandboxes(options);
  await previous?.close();
  return shared;
}

/** What the gateway calls for a worker or process context (see `runtime/start-isolated.ts`). */
export function createIsolatedBackend(
  mode: IsolatedMode,
  init: SandboxInit,
  events: SandboxBackendEvents,
): Promise<SandboxBackend> {
  return sharedIsolatedSandboxes().createBackend(mode, init, events);
}
