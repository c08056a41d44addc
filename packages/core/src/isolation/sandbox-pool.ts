/**
 * A warm pool of started sandboxes, so that `createContext` in worker or process mode takes one that is already
 * running instead of paying its start (~20-30 ms for a worker, more for a process).
 *
 * Contexts never share a sandbox: a released sandbox is terminated, not reused, and the pool starts a fresh one in
 * the background to stay at `minIdle`. Every wait is bounded: `acquire` ends by its timeout, its signal, the pool
 * closing, or a start failure (which is handed to the waiter instead of being retried forever).
 */
import { ResourceError } from "../errors/classes.js";
import { checkCount, checkDuration, type DeadlineTimer, startDeadline } from "./deadline.js";

export interface Poolable {
  /** False once the sandbox has died; a dead idle sandbox is discarded instead of handed out. */
  readonly alive: boolean;
  terminate(): Promise<unknown>;
}

export interface SandboxPoolOptions {
  /** Started sandboxes kept waiting for a context. Default 1. */
  readonly minIdle?: number;
  /** Sandboxes alive at once: idle, starting and in use. Default 8. */
  readonly maxSize?: number;
  /** Longest wait in `acquire` for a sandbox to become available. Default 10 000 ms. */
  readonly acquireTimeoutMs?: number;
}

export interface AcquireOptions {
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
}

interface Waiter<T> {
  resolve(member: T): void;
  reject(error: unknown): void;
  timer: DeadlineTimer;
  detach(): void;
}

export class SandboxPool<T extends Poolable> {
  readonly minIdle: number;
  readonly maxSize: number;
  readonly acquireTimeoutMs: number;
  private readonly idle: T[] = [];
  private readonly waiters: Waiter<T>[] = [];
  private readonly pendingWork = new Set<Promise<unknown>>();
  private starting = 0;
  private inUse = 0;
  private terminating = 0;
  private closed = false;
  /** Set when a background start failed; refilling then waits for the next `acquire` instead of looping. */
  private refillPaused = false;
  private refillScheduled = false;

  constructor(
    private readonly name: string,
    private readonly start: () => Promise<T>,
    options: SandboxPoolOptions = {},
  ) {
    this.minIdle = checkCount(options.minIdle ?? 1, "minIdle", 0);
    this.maxSize = checkCount(options.maxSize ?? 8, "maxSize", 1);
    this.acquireTimeoutMs = checkDuration(options.acquireTimeoutMs, "acquireTimeoutMs") ?? 10_000;
    if (this.minIdle > this.maxSize) throw new TypeError("minIdle cannot exceed maxSize");
    this.refill();
  }

  /** Sandboxes alive or on their way: the figure `maxSize` caps. */
  get size(): number {
    return this.idle.length + this.starting + this.inUse + this.terminating;
  }

  get idleCount(): number {
    return this.idle.length;
  }

  /** Resolves when the pool has finished its current starts (for tests and benchmarks that want a warm pool). */
  async warm(): Promise<void> {
    while (this.starting > 0 || this.refillScheduled) {
      if (this.refillScheduled) await new Promise((resolve) => setImmediate(resolve));
      else await Promise.allSettled([...this.pendingWork]);
    }
  }

  acquire(options: AcquireOptions = {}): Promise<T> {
    if (this.closed) return Promise.reject(closedError(this.name));
    options.signal?.throwIfAborted();
    this.refillPaused = false;
    while (this.idle.length > 0) {
      const member = this.idle.pop()!;
      if (member.alive) {
        this.inUse++;
        // Starting the replacement costs the host a few milliseconds of synchronous work (a new Worker or a
        // fork): do it after the caller has its sandbox, not on its path.
        this.scheduleRefill();
        return Promise.resolve(member);
      }
      this.discard(member);
    }
    const timeoutMs = checkDuration(options.timeoutMs, "timeoutMs") ?? this.acquireTimeoutMs;
    return new Promise<T>((resolve, reject) => {
      const { signal } = options;
      const onAbort = () => {
        waiter.detach();
        reject(signal!.reason);
      };
      const waiter: Waiter<T> = {
        resolve: (member) => {
          waiter.detach();
          this.inUse++;
          resolve(member);
        },
        reject: (error) => {
          waiter.detach();
          reject(error);
        },
        timer: startDeadline(timeoutMs, () => {
          waiter.detach();
          reject(
            new ResourceError(
              this.name,
              `no ${this.name} sandbox became available within ${timeoutMs} ms ` +
                `(maxSize ${this.maxSize}, all in use or starting); close unused contexts or raise maxSize`,
            ),
          );
        }),
        detach: () => {
          waiter.timer.cancel();
          signal?.removeEventListener("abort", onAbort);
          const index = this.waiters.indexOf(waiter);
          if (index >= 0) this.waiters.splice(index, 1);
        },
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.waiters.push(waiter);
      this.refill();
    });
  }

  /** Gives back a sandbox taken with `acquire`. It is terminated (contexts never share one) and replaced. */
  release(member: T): Promise<void> {
    this.inUse--;
    return this.discard(member);
  }

  /** Rejects waiting and future `acquire` calls and terminates idle sandboxes; ones in use end with their context. */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of [...this.waiters]) waiter.reject(closedError(this.name));
    for (const member of this.idle.splice(0)) this.discard(member);
    while (this.pendingWork.size > 0) await Promise.allSettled([...this.pendingWork]);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  private scheduleRefill(): void {
    if (this.refillScheduled) return;
    this.refillScheduled = true;
    setImmediate(() => {
      this.refillScheduled = false;
      this.refill();
    });
  }

  /** Starts sandboxes for waiters first, then up to `minIdle` spare ones, within `maxSize`. */
  private refill(): void {
    while (!this.closed && this.size < this.maxSize) {
      const wanted = this.waiters.length + (this.refillPaused ? 0 : this.minIdle) - this.idle.length;
      if (this.starting >= wanted) return;
      this.startOne();
    }
  }

  private startOne(): void {
    this.starting++;
    const work = this.start().then(
      (member) => {
        this.starting--;
        if (this.closed) {
          this.discard(member);
          return;
        }
        const waiter = this.waiters.shift();
        if (waiter) waiter.resolve(member);
        else this.idle.push(member);
      },
      (error: unknown) => {
        this.starting--;
        const waiter = this.waiters.shift();
        if (waiter) waiter.reject(error);
        else this.refillPaused = true;
        // Remaining waiters each still get a start of their own (and its failure, if it fails too).
        this.refill();
      },
    );
    this.track(work);
  }

  /** Capacity is freed only once the sandbox is gone, so replacements never exceed `maxSize`. */
  private discard(member: T): Promise<void> {
    this.terminating++;
    const work = member
      .terminate()
      .catch(() => {})
      .then(() => {
        this.terminating--;
        this.refill();
      });
    this.track(work);
    return work;
  }

  private track(work: Promise<unknown>): void {
    this.pendingWork.add(work);
    work.finally(() => this.pendingWork.delete(work));
  }
}

function closedError(name: string): ResourceError {
  return new ResourceError(name, `the ${name} sandbox pool is closed; create a new DanaRuntime`);
}
