import { LLMError } from "../errors.js";
import type { GenerateRequest, GenerateResult, LanguageModel, ModelId, StreamPart, Usage } from "../types.js";

/** A language model borrowed from a pool. Release it (or let `await using` do it); release is idempotent. */
export interface PooledLLM extends LanguageModel, AsyncDisposable {
  /** As `LanguageModel.generate`, with `value` typed by a zod `schema`. */
  generate<T = unknown>(request: GenerateRequest<T>): Promise<GenerateResult<T>>;
  release(): void;
  /** False once released; calls after that fail with an LLMError that says what to do. */
  readonly alive: boolean;
}

/** The pool side of a lease: what a lease reports back. */
export interface LeaseOwner {
  returnModel(model: LanguageModel): void;
  recordCall(usage: Usage | undefined, failed: boolean): void;
}

function releasedError(modelId: ModelId): LLMError {
  return new LLMError({
    message: `This pooled ${modelId} model was already released. Acquire a new one with pool.acquire() or use pool.withLLM().`,
  });
}

export class Lease implements PooledLLM {
  readonly #owner: LeaseOwner;
  readonly #model: LanguageModel;
  #released = false;

  constructor(owner: LeaseOwner, model: LanguageModel) {
    this.#owner = owner;
    this.#model = model;
  }

  get provider(): string {
    return this.#model.provider;
  }

  get modelId(): ModelId {
    return this.#model.modelId;
  }

  get alive(): boolean {
    return !this.#released;
  }

  release(): void {
    if (this.#released) return;
    this.#released = true;
    this.#owner.returnModel(this.#model);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.release();
  }

  async generate<T = unknown>(request: GenerateRequest<T>): Promise<GenerateResult<T>> {
    if (this.#released) throw releasedError(this.modelId);
    try {
      const result = await this.#model.generate(request);
      this.#owner.recordCall(result.usage, false);
      // The model validated `value` against the schema, whose output type is T.
      return result as GenerateResult<T>;
    } catch (error) {
      this.#owner.recordCall(undefined, true);
      throw error;
    }
  }

  async *stream(request: GenerateRequest): AsyncGenerator<StreamPart, void, undefined> {
    if (this.#released) {
      yield { type: "error", error: releasedError(this.modelId) };
      return;
    }
    let usage: Usage | undefined;
    let failed = false;
    try {
      for await (const part of this.#model.stream(request)) {
        if (part.type === "usage") usage = part.usage;
        else if (part.type === "error") failed = true;
        yield part;
      }
    } finally {
      // Also counted when the consumer breaks out early: the tokens were spent all the same.
      this.#owner.recordCall(usage, failed);
    }
  }
}
