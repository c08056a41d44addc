/**
 * The host side of a worker or child-process sandbox: a `SandboxBackend` over a `SandboxPort`.
 *
 * Requests are matched to responses by the id the gateway gives them. A watchdog terminates a sandbox that has
 * work in flight but stays silent longer than the largest pending `timeoutMs` plus a grace period, while time
 * the sandbox spends waiting for the host (reason, host functions, module reads) does not count, as in the
 * interpreter's own deadline. The interpreter's deadline normally ends a long program first, with a clean
 * `DanaTimeoutError`; the watchdog is for what the interpreter cannot interrupt (one enormous big-integer
 * operation, a bug). When the sandbox ends, every pending request rejects and the gateway hears `onCrash`.
 */
import { defaultLimits } from "@dana-gateway/lang";
import type { DanaCrashedError } from "../errors/classes.js";
import { DanaError } from "../errors/dana-error.js";
import type { SandboxBackend, SandboxBackendEvents, SandboxRequestOptions } from "../protocol/backend.js";
import type {
  HostResponseMessage,
  SandboxInit,
  SandboxNotice,
  SandboxRequest,
  SandboxResponse,
  SandboxToHostMessage,
} from "../protocol/messages.js";
import { startDeadline } from "./deadline.js";
import { OutgoingBatch, unbatch } from "./message-batch.js";
import { crashError, requestError, type TerminationReason } from "./sandbox-failure.js";
import { checkSandboxMessage } from "./sandbox-message-check.js";
import type { SandboxExit, SandboxPort } from "./sandbox-port.js";

export interface IsolatedBackendOptions {
  /** Added to a request's `timeoutMs` before the watchdog terminates a silent sandbox. */
  readonly watchdogGraceMs: number;
  /** How long a cancelled request may take to stop before its sandbox is terminated. */
  readonly cancelGraceMs: number;
  /** Longest wait for the answer to `init`. */
  readonly initTimeoutMs: number;
  /** Requests in flight at once; more wait in a queue on the host (backpressure on the channel). */
  readonly maxInFlight: number;
  /** Called once the sandbox has ended (closed, crashed or killed): the pool frees its slot. */
  readonly onEnded: () => void;
}

/** The gateway numbers requests from 1; `init` takes an id it never uses. */
const initRequestId = -1;

interface PendingRequest {
  readonly resolve: (response: SandboxResponse) => void;
  readonly reject: (error: unknown) => void;
  /** Interpreter time this request may use; the watchdog allows it plus the grace period. */
  readonly budgetMs: number;
  cleanup: (() => void) | null;
}

export class IsolatedBackend implements SandboxBackend {
  readonly isolation: "worker" | "process";
  private readonly pending = new Map<number, PendingRequest>();
  private readonly queued: { message: SandboxRequest; transfer: readonly ArrayBuffer[] | undefined }[] = [];
  /** Host requests the sandbox is waiting on; while any is outstanding, its silence is the host's doing. */
  private waitingOnHost = 0;
  /** When the sandbox last showed life (any message), or became busy. */
  private lastActivity = 0;
  private watchdog: ReturnType<typeof setTimeout> | null = null;
  private terminationReason: TerminationReason | null = null;
  private failure: DanaError | null = null;
  private ending: Promise<void> | null = null;
  private readonly defaultBudgetMs: number;
  private readonly outgoing: OutgoingBatch;
  /** Set while the answer to `init` is outstanding. */
  private initTimer: { cancel(): void } | null = null;

  private constructor(
    private readonly port: SandboxPort,
    init: SandboxInit,
    private readonly events: SandboxBackendEvents,
    private readonly options: IsolatedBackendOptions,
  ) {
    this.isolation = port.kind;
    this.defaultBudgetMs = init.limits.timeoutMs ?? defaultLimits.timeoutMs;
    this.outgoing = new OutgoingBatch((message, transfer) => port.post(message, transfer));
    port.setMessageListener((delivery) => this.deliver(delivery));
    port.onExit((exit) => this.ended(exit));
  }

  /**
   * Wraps a started sandbox and sends `init` without waiting for its answer: messages arrive in order, so requests
   * sent next are served after the interpreter is built, and taking a context from a warm pool costs no round
   * trip. If `init` fails (or is not answered within `initTimeoutMs`), the sandbox is ended and every request
   * rejects with that failure.
   */
  static connect(
    port: SandboxPort,
    init: SandboxInit,
    events: SandboxBackendEvents,
    options: IsolatedBackendOptions,
  ): IsolatedBackend {
    const backend = new IsolatedBackend(port, init, events, options);
    backend.initTimer = startDeadline(options.initTimeoutMs, () => {
      backend.fail(new DanaError(`the ${port.kind} sandbox did not initialise within ${options.initTimeoutMs} ms`));
    });
    backend.outgoing.push({ type: "init", id: initRequestId, init });
    return backend;
  }

  /** Thread id or process id of the sandbox. */
  get sandboxId(): number {
    return this.port.sandboxId;
  }

  get alive(): boolean {
    return this.failure === null;
  }

  request(message: SandboxRequest, options: SandboxRequestOptions = {}): Promise<SandboxResponse> {
    if (this.failure !== null) return Promise.reject(this.failure);
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (message.type === "close") {
      // A sandbox serves one context and is terminated right after `close`, so there is nothing for it to tidy up;
      // answering here means closing never waits behind a program that is still running in the sandbox.
      this.terminationReason ??= { kind: "closed" };
      return Promise.resolve({ type: "response", id: message.id, ok: true, value: null });
    }
    return new Promise<SandboxResponse>((resolve, reject) => {
      const limits = "limits" in message ? message.limits : undefined;
      const entry: PendingRequest = {
        resolve,
        reject,
        budgetMs: limits?.timeoutMs ?? this.defaultBudgetMs,
        cleanup: null,
      };
      if (signal) entry.cleanup = this.watchSignal(message.id, signal);
      if (this.pending.size === 0) {
        this.lastActivity = performance.now();
        this.port.keepAlive(true);
      }
      this.pending.set(message.id, entry);
      if (this.pending.size > this.options.maxInFlight) this.queued.push({ message, transfer: options.transfer });
      else this.outgoing.push(message, options.transfer);
      if (this.watchdog === null) this.armWatchdog(entry.budgetMs + this.options.watchdogGraceMs);
    });
  }

  notify(notice: SandboxNotice): void {
    if (this.failure !== null) return;
    if (notice.type === "cancel") {
      this.port.interrupt();
      this.checkCancelHeard();
    }
    this.outgoing.push(notice);
  }

  respond(message: HostResponseMessage): void {
    if (this.failure !== null) return;
    this.waitingOnHost--;
    this.lastActivity = performance.now();
    this.outgoing.push(message);
  }

  /** Ends the sandbox; pending requests reject with `DanaCrashedError`. Idempotent. */
  close(): Promise<void> {
    return this.terminate({ kind: "closed" });
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  /** Checks each message before acting on it; a malformed one ends the sandbox (it is broken or hostile). */
  private deliver(delivery: unknown): void {
    // Nothing a sandbox says after it failed, or while it is being ended, is acted on.
    if (this.failure !== null || this.ending !== null) return;
    const messages: SandboxToHostMessage[] = [];
    let problem: string | null = null;
    try {
      unbatch(delivery, (item) => {
        const checked = checkSandboxMessage(item);
        if (typeof checked === "string") throw new TypeError(checked);
        messages.push(checked);
      });
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
    for (const message of messages) this.receive(message);
    if (problem !== null) void this.terminate({ kind: "violation", problem });
  }

  private receive(message: SandboxToHostMessage): void {
    this.lastActivity = performance.now();
    switch (message.type) {
      case "response": {
        if (message.id === initRequestId) {
          // Handled here, synchronously: answers to requests sent after `init` may arrive in the same tick.
          this.initTimer?.cancel();
          this.initTimer = null;
          if (!message.ok) this.fail(initError(message.error));
          return;
        }
        const entry = this.pending.get(message.id);
        if (entry === undefined) return;
        this.pending.delete(message.id);
        if (this.pending.size === 0) this.port.keepAlive(false);
        entry.cleanup?.();
        entry.resolve(message);
        const next = this.queued.shift();
        if (next !== undefined) this.outgoing.push(next.message, next.transfer);
        return;
      }
      case "stdout":
        this.events.onStdout(message.text);
        return;
      case "host-request":
        this.waitingOnHost++;
        this.events.onHostRequest(message);
        return;
    }
  }

  /** Aborting sends a cancel (notice and interrupt), as `notify` does. */
  private watchSignal(requestId: number, signal: AbortSignal): () => void {
    const onAbort = () => {
      this.notify({ type: "cancel", requestId, reason: String(signal.reason?.message ?? signal.reason ?? "") });
    };
    signal.addEventListener("abort", onAbort, { once: true });
    return () => signal.removeEventListener("abort", onAbort);
  }

  /**
   * A sandbox that says nothing for `cancelGraceMs` after a cancellation, with work in flight and without waiting
   * on the host, did not hear it (stuck in one operation the interpreter cannot interrupt): it is terminated.
   * Any message since the cancellation shows it is still responsive; the watchdog remains for the rest.
   */
  private checkCancelHeard(): void {
    const cancelledAt = performance.now();
    startDeadline(this.options.cancelGraceMs, () => {
      if (this.failure !== null || this.pending.size === 0 || this.waitingOnHost > 0) return;
      if (this.lastActivity > cancelledAt) return;
      void this.terminate({ kind: "cancelled", graceMs: this.options.cancelGraceMs });
    });
  }

  /** One timer per sandbox, re-armed lazily: each request costs a clock read, never a timer. */
  private armWatchdog(delayMs: number): void {
    this.watchdog = setTimeout(() => this.checkWatchdog(), delayMs);
    this.watchdog.unref();
  }

  private checkWatchdog(): void {
    this.watchdog = null;
    if (this.failure !== null || this.pending.size === 0) return;
    let budgetMs = 0;
    for (const entry of this.pending.values()) budgetMs = Math.max(budgetMs, entry.budgetMs);
    const allowedMs = budgetMs + this.options.watchdogGraceMs;
    if (this.waitingOnHost > 0) {
      this.armWatchdog(allowedMs);
      return;
    }
    const silentForMs = performance.now() - this.lastActivity;
    if (silentForMs < allowedMs) {
      this.armWatchdog(allowedMs - silentForMs);
      return;
    }
    void this.terminate({ kind: "watchdog", silentForMs, budgetMs });
  }

  /** The sandbox cannot serve this context: every request, pending or future, rejects with `error`. */
  private fail(error: DanaError): void {
    if (this.failure !== null) return;
    this.failure = error;
    for (const entry of this.pending.values()) {
      entry.cleanup?.();
      entry.reject(error);
    }
    this.pending.clear();
    this.queued.length = 0;
    void this.terminate({ kind: "closed" });
  }

  private terminate(reason: TerminationReason): Promise<void> {
    if (this.ending !== null) return this.ending;
    this.terminationReason ??= reason;
    this.ending = this.port.terminate().then(() => {});
    return this.ending;
  }

  private ended(exit: SandboxExit): void {
    this.initTimer?.cancel();
    if (this.watchdog !== null) clearTimeout(this.watchdog);
    this.watchdog = null;
    const reason = this.terminationReason;
    const crash: DanaCrashedError = crashError(this.port.kind, exit, reason);
    const error = requestError(crash, reason);
    this.failure ??= reason?.kind === "closed" ? crash : error;
    const pending = [...this.pending.values()];
    this.pending.clear();
    this.queued.length = 0;
    for (const entry of pending) {
      entry.cleanup?.();
      entry.reject(error);
    }
    if (reason?.kind !== "closed") this.events.onCrash(crash);
    this.ending ??= Promise.resolve();
    this.options.onEnded();
  }
}

/** A sandbox's own account of why `init` failed; its text is shown, never trusted to rebuild any class. */
function initError(error: { readonly name: string; readonly message: string }): DanaError {
  return new DanaError(`the sandbox could not initialise: ${error.message}`);
}
