import { LLMAbortError, LLMError, LLMTimeoutError, PoolAcquireTimeoutError, PoolClosedError } from "../errors.js";
import { createLanguageModel, isLanguageModel, type LanguageModelOptions } from "../language-model.js";
import { durationMs, type Environment, environmentOf, positiveInteger, readVariable } from "../settings.js";
import type {
  CallOptions,
  GenerateRequest,
  GenerateResult,
  LanguageModel,
  ModelId,
  StreamPart,
  Usage,
} from "../types.js";
import { emptyTotals, type PoolStats } from "./pool-stats.js";
import { Lease, type LeaseOwner, type PooledLLM } from "./pooled-language-model.js";
import { type Waiter, WaiterQueue } from "./waiter-queue.js";

export type LanguageModelFactory = () => LanguageModel | Promise<LanguageModel>;

export interface LLMPoolOptions extends LanguageModelOptions {
  /** A `"provider:model"` id, a model object (shared by all slots), or a factory called once per slot. Default: from the environment. */
  model?: string | LanguageModel | LanguageModelFactory;
  /** At most this many calls run at once. Default `DANA_LLM_POOL_SIZE`, else 4. */
  maxSize?: number;
  /** How long `acquire()` waits for a free model. Default 30000. */
  acquireTimeoutMs?: number;
  /** How long `close()` waits for leases still in use. Default 30000. */
  closeTimeoutMs?: number;
  /** Shown as `modelId` for a factory pool before its first model exists. */
  modelId?: ModelId;
  env?: Environment;
}

export interface LLMPool extends AsyncDisposable {
  readonly modelId: ModelId;
  acquire(options?: CallOptions): Promise<PooledLLM>;
  /** Acquires, runs `fn`, releases on every path (return, throw, abort). */
  withLLM<T>(fn: (llm: PooledLLM) => Promise<T>, options?: CallOptions): Promise<T>;
  /** Acquire + generate + release. The request's `timeoutMs` covers the wait for a model too. */
  generate<T = unknown>(request: GenerateRequest<T>): Promise<GenerateResult<T>>;
  /** Acquire + stream + release (also when the consumer breaks out of the loop). */
  stream(request: GenerateRequest): AsyncIterable<StreamPart>;
  stats(): PoolStats;
  /** Rejects waiters with PoolClosedError, waits for leases in use (up to `closeTimeoutMs`). Idempotent. */
  close(): Promise<void>;
}

export const defaultPoolSize = 4;
export const defaultAcquireTimeoutMs = 30_000;

interface PendingAcquire extends Waiter<PooledLLM> {
  timer?: ReturnType<typeof setTimeout>;
  signal?: AbortSignal;
  onAbort?: () => void;
}

class Pool implements LLMPool, LeaseOwner {
  readonly #factory: LanguageModelFactory;
  readonly #maxSize: number;
  readonly #acquireTimeoutMs: number;
  readonly #closeTimeoutMs: number;
  #modelId: ModelId;
  #knowsModelId: boolean;
  readonly #idle: LanguageModel[] = [];
  readonly #waiters = new WaiterQueue<PooledLLM>();
  #inUse = 0;
  #creating = 0;
  readonly #totals = emptyTotals();
  readonly #usage: Usage = { inputTokens: 0, outputTokens: 0 };
  #closing: Promise<void> | undefined;
  #onDrained: (() => void) | undefined;

  constructor(options: LLMPoolOptions, factory: LanguageModelFactory, firstModel: LanguageModel | undefined) {
    const env = environmentOf(options.env);
    this.#factory = factory;
    this.#maxSize =
      options.maxSize !== undefined
        ? positiveInteger(options.maxSize, "maxSize")
        : positiveInteger(readVariable(env, "DANA_LLM_POOL_SIZE") ?? defaultPoolSize, "DANA_LLM_POOL_SIZE");
    this.#acquireTimeoutMs = durationMs(options.acquireTimeoutMs ?? defaultAcquireTimeoutMs, "acquireTimeoutMs");
    this.#closeTimeoutMs = durationMs(options.closeTimeoutMs ?? defaultAcquireTimeoutMs, "closeTimeoutMs");
    this.#knowsModelId = firstModel !== undefined || options.modelId !== undefined;
    this.#modelId = firstModel?.modelId ?? options.modelId ?? "custom:factory";
    if (firstModel !== undefined) {
      this.#idle.push(firstModel);
      this.#totals.created++;
    }
  }

  get modelId(): ModelId {
    return this.#modelId;
  }

  acquire(options?: CallOptions): Promise<PooledLLM> {
    if (this.#closing) return Promise.reject(new PoolClosedError());
    const signal = options?.signal;
    if (signal?.aborted) {
      this.#totals.aborted++;
      return Promise.reject(
        new LLMAbortError({ message: "acquire() was aborted by its AbortSignal.", cause: signal.reason }),
      );
    }
    // Fast path, no timer and no listener: a model is idle and nobody is ahead in the queue.
    if (this.#waiters.size === 0 && this.#idle.length > 0) {
      return Promise.resolve(this.#lend(this.#idle.pop()!));
    }
    let timeoutMs: number;
    try {
      timeoutMs =
        options?.timeoutMs === undefined ? this.#acquireTimeoutMs : durationMs(options.timeoutMs, "timeoutMs");
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<PooledLLM>((resolve, reject) => {
      const waiter: PendingAcquire = { settled: false, resolve, reject };
      const settle = (error: LLMError) => {
        if (waiter.settled) return;
        this.#unhook(waiter);
        this.#waiters.forget();
        reject(error);
      };
      waiter.timer = setTimeout(() => {
        this.#totals.timedOut++;
        settle(
          new PoolAcquireTimeoutError({
            timeoutMs,
            message: `No ${this.#modelId} model became free within ${timeoutMs} ms (maxSize ${this.#maxSize}, ${this.#inUse} in use, ${this.#waiters.size} waiting). Release leases sooner, or raise maxSize or acquireTimeoutMs.`,
          }),
        );
      }, timeoutMs);
      if (signal) {
        waiter.signal = signal;
        waiter.onAbort = () => {
          this.#totals.aborted++;
          settle(new LLMAbortError({ message: "acquire() was aborted by its AbortSignal.", cause: signal.reason }));
        };
        signal.addEventListener("abort", waiter.onAbort, { once: true });
      }
      this.#waiters.push(waiter);
      this.#dispatch();
    });
  }

  /** Marks a waiter settled and frees its timer and abort listener. */
  #unhook(waiter: PendingAcquire): void {
    waiter.settled = true;
    if (waiter.timer !== undefined) clearTimeout(waiter.timer);
    if (waiter.onAbort) waiter.signal?.removeEventListener("abort", waiter.onAbort);
  }

  #lend(model: LanguageModel): PooledLLM {
    this.#inUse++;
    this.#totals.acquired++;
    return new Lease(this, model);
  }

  /** Hands idle models to waiters, then starts as many creations as waiters still need and the bound allows. */
  #dispatch(): void {
    while (this.#idle.length > 0 && this.#waiters.size > 0) {
      const waiter = this.#waiters.shift() as PendingAcquire;
      this.#unhook(waiter);
      waiter.resolve(this.#lend(this.#idle.pop()!));
    }
    let needed = this.#waiters.size - this.#creating;
    while (needed > 0 && this.#idle.length + this.#inUse + this.#creating < this.#maxSize) {
      needed--;
      this.#create();
    }
  }

  #create(): void {
    this.#creating++;
    let finished = false;
    const finish = (model: LanguageModel | undefined, error: unknown) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      this.#creating--;
      if (model !== undefined) this.#adopt(model);
      else this.#creationFailed(error);
    };
    // A factory that never settles must not hold a slot for ever. Waiters are not failed for it: each has
    // its own timeout, and the freed slot lets the next creation try again. A model that arrives late is dropped.
    const timer = setTimeout(() => {
      this.#totals.failed++;
      finish(undefined, undefined);
    }, this.#acquireTimeoutMs);
    // Through a promise so that a factory that throws synchronously is handled like one that rejects.
    Promise.resolve()
      .then(this.#factory)
      .then(
        (model) =>
          isLanguageModel(model)
            ? finish(model, undefined)
            : finish(undefined, new TypeError("the factory did not return a LanguageModel")),
        (error: unknown) => finish(undefined, error ?? new Error("the factory failed")),
      );
  }

  #adopt(model: LanguageModel): void {
    this.#totals.created++;
    if (!this.#knowsModelId) {
      this.#modelId = model.modelId;
      this.#knowsModelId = true;
    }
    if (this.#closing) return;
    this.#idle.push(model);
    this.#dispatch();
  }

  /** `error` is undefined when the factory timed out (already counted). */
  #creationFailed(error: unknown): void {
    if (error !== undefined) {
      this.#totals.failed++;
      // The oldest waiter learns why: without this, a failing factory would leave it waiting for its timeout.
      const waiter = this.#waiters.shift() as PendingAcquire | undefined;
      if (waiter) {
        this.#unhook(waiter);
        waiter.reject(
          LLMError.isInstance(error)
            ? error
            : new LLMError({ message: `The pool could not create a language model: ${String(error)}`, cause: error }),
        );
      }
    }
    if (!this.#closing) this.#dispatch();
  }

  returnModel(model: LanguageModel): void {
    this.#inUse--;
    this.#totals.released++;
    if (this.#closing) {
      if (this.#inUse === 0) this.#onDrained?.();
      return;
    }
    this.#idle.push(model);
    if (this.#waiters.size > 0) this.#dispatch();
  }

  recordCall(usage: Usage | undefined, failed: boolean): void {
    this.#totals.calls++;
    if (failed) this.#totals.callErrors++;
    if (usage) {
      this.#usage.inputTokens += usage.inputTokens;
      this.#usage.outputTokens += usage.outputTokens;
    }
  }

  async withLLM<T>(fn: (llm: PooledLLM) => Promise<T>, options?: CallOptions): Promise<T> {
    const lease = await this.acquire(options);
    try {
      return await fn(lease);
    } finally {
      lease.release();
    }
  }

  /** The wait for a model counts against the request's `timeoutMs`; the call gets what is left. */
  #split(request: GenerateRequest<unknown>): { acquire: CallOptions; remaining: () => number | undefined } {
    if (request.timeoutMs === undefined) return { acquire: { signal: request.signal }, remaining: () => undefined };
    const budget = durationMs(request.timeoutMs, "timeoutMs");
    const started = performance.now();
    return {
      acquire: { signal: request.signal, timeoutMs: Math.min(budget, this.#acquireTimeoutMs) },
      remaining: () => Math.max(0, budget - (performance.now() - started)),
    };
  }

  async generate<T = unknown>(request: GenerateRequest<T>): Promise<GenerateResult<T>> {
    const { acquire, remaining } = this.#split(request);
    const lease = await this.acquire(acquire);
    try {
      const timeoutMs = remaining();
      return await lease.generate(timeoutMs === undefined ? request : { ...request, timeoutMs });
    } finally {
      lease.release();
    }
  }

  async *stream(request: GenerateRequest): AsyncGenerator<StreamPart, void, undefined> {
    let lease: PooledLLM;
    let timeoutMs: number | undefined;
    try {
      const { acquire, remaining } = this.#split(request);
      lease = await this.acquire(acquire);
      timeoutMs = remaining();
    } catch (error) {
      yield {
        type: "error",
        error: LLMError.isInstance(error) ? error : new LLMError({ message: String(error), cause: error }),
      };
      return;
    }
    try {
      yield* lease.stream(timeoutMs === undefined ? request : { ...request, timeoutMs });
    } finally {
      lease.release();
    }
  }

  stats(): PoolStats {
    return {
      modelId: this.#modelId,
      maxSize: this.#maxSize,
      inUse: this.#inUse,
      idle: this.#idle.length,
      waiting: this.#waiters.size,
      creating: this.#creating,
      totals: { ...this.#totals },
      usage: { ...this.#usage },
    };
  }

  close(): Promise<void> {
    this.#closing ??= this.#drain();
    return this.#closing;
  }

  async #drain(): Promise<void> {
    for (const waiter of this.#waiters.drain() as PendingAcquire[]) {
      this.#unhook(waiter);
      waiter.reject(new PoolClosedError({ message: "The LLM pool was closed while this acquire() was waiting." }));
    }
    this.#idle.length = 0;
    if (this.#inUse === 0) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#onDrained = undefined;
        reject(
          new LLMTimeoutError({
            timeoutMs: this.#closeTimeoutMs,
            message: `close() waited ${this.#closeTimeoutMs} ms and ${this.#inUse} lease(s) are still in use; release them (await using, withLLM) or raise closeTimeoutMs.`,
          }),
        );
      }, this.#closeTimeoutMs);
      this.#onDrained = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}

/**
 * A bounded pool of language models: at most `maxSize` calls at once, a FIFO
 * queue with a timeout for the rest. With a model id (or nothing, meaning the
 * environment decides) the first model is created now, so a configuration
 * error (missing key, bad id) surfaces here rather than at the first call.
 */
export function createLLMPool(options: LLMPoolOptions = {}): LLMPool {
  const {
    model,
    maxSize: _maxSize,
    acquireTimeoutMs: _acquire,
    closeTimeoutMs: _close,
    modelId: _id,
    ...modelOptions
  } = options;
  if (typeof model === "function") return new Pool(options, model, undefined);
  const first = createLanguageModel(model, modelOptions);
  const factory = isLanguageModel(model) ? () => model : () => createLanguageModel(first.modelId, modelOptions);
  return new Pool(options, factory, first);
}
