/**
 * Starts a sandbox in a `worker_threads` worker: a new V8 isolate with its own heap, capped by `resourceLimits`,
 * in the host's process. Terminating it never affects the host or other workers.
 */
import { Worker } from "node:worker_threads";
import { awaitReady } from "./await-ready.js";
import { entryScriptPath } from "./entry-script.js";
import { heapLimitMegabytes, type SandboxLaunchOptions } from "./launch-options.js";
import type { SandboxExit, SandboxPort } from "./sandbox-port.js";

/** `entryScript` is replaceable for tests (fixtures that crash, hang or report their surroundings). */
export async function launchWorker(
  options: SandboxLaunchOptions,
  entryScript: string = entryScriptPath("worker-entry.js"),
): Promise<SandboxPort> {
  const oldGenerationMegabytes = heapLimitMegabytes(options.heapLimitBytes);
  const interruptCounter = new SharedArrayBuffer(4);
  const workerData: WorkerEntryData = { interruptCounter };
  const worker = new Worker(entryScript, {
    workerData,
    resourceLimits: {
      maxOldGenerationSizeMb: oldGenerationMegabytes,
      // A young generation larger than a quarter of the heap would let one scavenge overshoot the limit.
      maxYoungGenerationSizeMb: Math.max(1, Math.min(16, Math.floor(oldGenerationMegabytes / 4))),
    },
    env: { ...options.environment },
    // The host's loader flags (vitest, tsx) must not leak into the sandbox.
    execArgv: [],
    // Dana output travels as protocol messages; nothing in the sandbox writes to its stdout, which is kept away from
    // the host's. Its stderr is the host's, so Node's own fatal reports stay visible. Neither stream is read here:
    // a reading listener would keep the host's event loop alive even when the worker is unreferenced.
    stdout: true,
  });
  return awaitReady(new WorkerPort(worker, new Int32Array(interruptCounter)), options.startTimeoutMs);
}

/** What the worker entry script receives as `workerData`. */
export interface WorkerEntryData {
  readonly interruptCounter: SharedArrayBuffer;
}

class WorkerPort implements SandboxPort {
  readonly kind = "worker";
  readonly sandboxId: number;
  private listener: (message: unknown) => void = () => {};
  private readonly exitListeners: ((exit: SandboxExit) => void)[] = [];
  private failure: Error | null = null;
  private exit: SandboxExit | null = null;
  private readonly exited: Promise<SandboxExit>;

  constructor(
    private readonly worker: Worker,
    private readonly interruptCounter: Int32Array,
  ) {
    this.sandboxId = worker.threadId;
    worker.on("message", (message) => this.listener(message));
    // 'error' precedes 'exit' for an uncaught exception or ERR_WORKER_OUT_OF_MEMORY.
    worker.on("error", (error) => {
      this.failure ??= error;
    });
    this.exited = new Promise((resolve) => {
      worker.once("exit", (exitCode) => {
        const code = (this.failure as NodeJS.ErrnoException | null)?.code;
        const exit: SandboxExit = {
          exitCode,
          signal: null,
          outOfMemory: code === "ERR_WORKER_OUT_OF_MEMORY",
          detail: this.failure?.message ?? "",
        };
        this.exit = exit;
        for (const listener of this.exitListeners.splice(0)) listener(exit);
        resolve(exit);
      });
    });
  }

  get alive(): boolean {
    return this.exit === null;
  }

  keepAlive(keep: boolean): void {
    if (keep) this.worker.ref();
    else this.worker.unref();
  }

  interrupt(): void {
    Atomics.add(this.interruptCounter, 0, 1);
  }

  post(message: unknown, transfer?: readonly ArrayBuffer[]): void {
    this.worker.postMessage(message, transfer as ArrayBuffer[] | undefined);
  }

  setMessageListener(listener: (message: unknown) => void): void {
    this.listener = listener;
  }

  onExit(listener: (exit: SandboxExit) => void): void {
    if (this.exit !== null) listener(this.exit);
    else this.exitListeners.push(listener);
  }

  async terminate(): Promise<SandboxExit> {
    if (this.exit === null) {
      // Someone is waiting for this end: hold the event loop until it comes.
      this.worker.ref();
      await this.worker.terminate();
    }
    return this.exited;
  }
}
