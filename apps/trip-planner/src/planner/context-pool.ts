/**
 * A warm pool of Dana contexts with the planning modules already imported.
 *
 * Why not one fresh context per request: the gateway terminates a worker sandbox when its context closes, and
 * starting one (a thread plus the interpreter) costs ~100 ms of CPU here, which caps a 2-core machine at about a
 * dozen plans a second. So a context is *leased* to one request at a time — never shared by two requests at
 * once, because cancelling a request cancels whatever its context runs — and returned afterwards. The planning
 * modules keep no state between calls (no module-level variables are written), and a context is retired after
 * `maxRequestsPerContext` requests, or at once after a timeout, a cancellation or any gateway failure, so a
 * sandbox that may be mid-program or damaged is never handed out again.
 *
 * Every wait is bounded: `acquire` fails with `ContextPoolTimeoutError` after `acquireTimeoutMs`.
 */
import type { DanaContext, DanaContextOptions, DanaRuntime } from "@dana-gateway/core";

export interface ContextPoolOptions {
  readonly runtime: DanaRuntime;
  /** Options of every context (isolation, host functions, limits). */
  readonly contextOptions: DanaContextOptions;
  /** Modules imported when a context is created, so the first request does not pay for parsing them. */
  readonly preloadModules: readonly string[];
  /** Contexts kept ready. */
  readonly warmContexts: number;
  /** Contexts alive at once (idle, starting and leased). */
  readonly maxContexts: number;
  readonly acquireTimeoutMs: number;
  readonly maxRequestsPerContext: number;
}

export class ContextPoolTimeoutError extends Error {
  override readonly name = "ContextPoolTimeoutError";
}

export class ContextPoolClosedError extends Error {
  override readonly name = "ContextPoolClosedError";
}

interface PooledContext {
  readonly context: DanaContext;
  uses: number;
}

interface Waiter {
  resolve(context: PooledContext): void;
  reject(error: unknown): void;
  cleanup(): void;
}

export interface ContextLease {
  readonly context: DanaContext;
  /** Returns the context; `healthy: false` retires it (after a timeout, cancellation or crash). Idempotent. */
  release(healthy: boolean): void;
}

export interface ContextPoolStats {
  idle: number;
  busy: number;
  starting: number;
  waiting: number;
}

export class ContextPool {
  readonly #options: ContextPoolOptions;
  readonly #idle: PooledContext[] = [];
  readonly #waiters: Waiter[] = [];
  readonly #closing = new Set<Promise<void>>();
  #busy = 0;
  #starting = 0;
  #closed = false;

  constructor(options: ContextPoolOptions) {
    if (options.warmContexts > options.maxContexts) throw new RangeError("warmContexts cannot exceed maxContexts");
    this.#options = options;
    this.#refill();
  }

  stats(): ContextPoolStats {
    return { idle: this.#idle.length, busy: this.#busy, starting: this.#starting, waiting: this.#waiters.length };
  }

  acquire(signal?: AbortSignal): Promise<ContextLease> {
    if (this.#closed) return Promise.reject(new ContextPoolClosedError("the planner is shutting down"));
    const ready = this.#idle.pop();
    if (ready !== undefined) return Promise.resolve(this.#lease(ready));
    return new Promise<ContextLease>((resolve, reject) => {
      const timer = setTimeout(() => {
        remove();
        reject(
          new ContextPoolTimeoutError(
            `no planning context became free within ${this.#options.acquireTimeoutMs} ms; the server is overloaded`,
          ),
        );
      }, this.#options.acquireTimeoutMs);
      const onAbort = () => {
        remove();
        reject(signal?.reason ?? new Error("aborted"));
      };
      const waiter: Waiter = {
        resolve: (pooled) => resolve(this.#lease(pooled)),
        reject,
        cleanup: () => {
          clearTimeout(timer);
          signal?.removeEventListener("abort", onAbort);
        },
      };
      const remove = () => {
        waiter.cleanup();
        const index = this.#waiters.indexOf(waiter);
        if (index >= 0) this.#waiters.splice(index, 1);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.#waiters.push(waiter);
      this.#grow();
    });
  }

  #lease(pooled: PooledContext): ContextLease {
    this.#busy++;
    let released = false;
    return {
      context: pooled.context,
      release: (healthy) => {
        if (released) return;
        released = true;
        this.#busy--;
        pooled.uses++;
        if (!healthy || this.#closed || pooled.uses >= this.#options.maxRequestsPerContext) {
          this.#retire(pooled);
          this.#refill();
          this.#grow();
        } else {
          this.#handOut(pooled);
        }
      },
    };
  }

  #handOut(pooled: PooledContext): void {
    const waiter = this.#waiters.shift();
    if (waiter === undefined) {
      this.#idle.push(pooled);
      return;
    }
    waiter.cleanup();
    waiter.resolve(pooled);
  }

  #alive(): number {
    return this.#idle.length + this.#busy + this.#starting;
  }

  /** Starts contexts for waiters that no idle or starting context will serve. */
  #grow(): void {
    while (!this.#closed && this.#waiters.length > this.#starting && this.#alive() < this.#options.maxContexts) {
      this.#start();
    }
  }

  #refill(): void {
    while (
      !this.#closed &&
      this.#idle.length + this.#starting < this.#options.warmContexts &&
      this.#alive() < this.#options.maxContexts
    ) {
      this.#start();
    }
  }

  #start(): void {
    this.#starting++;
    const context = this.#options.runtime.createContext(this.#options.contextOptions);
    const ready = (async () => {
      for (const name of this.#options.preloadModules) await context.importModule(name);
    })();
    ready.then(
      () => {
        this.#starting--;
        const pooled = { context, uses: 0 };
        if (this.#closed) this.#retire(pooled);
        else this.#handOut(pooled);
      },
      (error: unknown) => {
        this.#starting--;
        void context.close().catch(() => {});
        // A start failure goes to the oldest waiter instead of being retried in a loop.
        const waiter = this.#waiters.shift();
        if (waiter !== undefined) {
          waiter.cleanup();
          waiter.reject(error);
        }
      },
    );
  }

  #retire(pooled: PooledContext): void {
    const closing = pooled.context.close().catch(() => {});
    this.#closing.add(closing);
    void closing.finally(() => this.#closing.delete(closing));
  }

  /** Rejects waiters, closes idle contexts and waits for leased ones to come back closed. Idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const waiter of this.#waiters.splice(0)) {
      waiter.cleanup();
      waiter.reject(new ContextPoolClosedError("the planner is shutting down"));
    }
    for (const pooled of this.#idle.splice(0)) this.#retire(pooled);
    await Promise.allSettled([...this.#closing]);
  }
}
