/**
 * The host's view of one running sandbox (a worker thread or a child process): a message pipe plus a way to
 * learn how it ended. Everything above this (request ids, watchdog, pools) is the same for both kinds.
 */

/** How a sandbox ended. */
export interface SandboxExit {
  /** Process or thread exit code; null when a signal ended a child process. */
  readonly exitCode: number | null;
  /** The signal that ended a child process (e.g. "SIGKILL", "SIGABRT"); null for worker threads. */
  readonly signal: NodeJS.Signals | null;
  /** V8 ran out of heap: the worker's ERR_WORKER_OUT_OF_MEMORY, or a child's "heap out of memory" report. */
  readonly outOfMemory: boolean;
  /** The last lines the sandbox wrote to stderr, or the error it raised, for diagnostics. */
  readonly detail: string;
}

export interface SandboxPort {
  /** "worker" or "process", for messages. */
  readonly kind: "worker" | "process";
  /** Thread id or process id, for messages and tests. */
  readonly sandboxId: number;
  /** False once the sandbox has ended. */
  readonly alive: boolean;
  /**
   * Asks the sandbox to cancel what it is running even while it is busy in synchronous code, where it cannot
   * read messages: a counter the interpreter's clock check reads (shared memory for a worker, a small file for
   * a child process). See `interrupt-probe.ts`.
   */
  interrupt(): void;
  /**
   * Whether this sandbox keeps the host's event loop alive. Idle sandboxes (warm in a pool, or held by a context
   * with nothing in flight) do not, so a program exits when its work is done; a sandbox with requests in flight
   * does, so a top-level `await ctx.eval(...)` is not cut short.
   */
  keepAlive(keep: boolean): void;
  /** Sends one message; `transfer` lists buffers to move instead of copy (worker threads only). */
  post(message: unknown, transfer?: readonly ArrayBuffer[]): void;
  /** Replaces the one consumer of incoming messages (the start-up wait first, then the protocol link). */
  setMessageListener(listener: (message: unknown) => void): void;
  /** Each listener is called once, when the sandbox has ended for any reason (including `terminate`). */
  onExit(listener: (exit: SandboxExit) => void): void;
  /** Ends the sandbox at once (no clean-up inside it) and resolves when it is gone. Idempotent. */
  terminate(): Promise<SandboxExit>;
}
