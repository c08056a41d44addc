import { LLMAbortError, LLMError, LLMTimeoutError } from "./errors.js";
import { durationMs } from "./settings.js";
import type { CallOptions } from "./types.js";

/**
 * One call's cancellation: the caller's signal and the `timeoutMs` deadline
 * folded into a single signal handed to the SDK. The abort *reason* is our
 * error, so whoever notices the abort can tell a timeout from a user abort.
 */
export class CallScope {
  readonly #controller = new AbortController();
  readonly #userSignal: AbortSignal | undefined;
  readonly #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #onUserAbort = () => this.#controller.abort(new LLMAbortError({ cause: this.#userSignal?.reason }));

  constructor(options: CallOptions, what: string) {
    this.#userSignal = options.signal;
    if (options.signal?.aborted) {
      this.#onUserAbort();
    } else {
      options.signal?.addEventListener("abort", this.#onUserAbort, { once: true });
    }
    if (options.timeoutMs !== undefined && !this.#controller.signal.aborted) {
      const timeoutMs = durationMs(options.timeoutMs, "timeoutMs");
      this.#timer = setTimeout(
        () =>
          this.#controller.abort(
            new LLMTimeoutError({ message: `${what} timed out after ${timeoutMs} ms.`, timeoutMs }),
          ),
        timeoutMs,
      );
    }
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Our error if the scope was aborted (by the caller or the deadline), else undefined. */
  get abortError(): LLMError | undefined {
    if (!this.#controller.signal.aborted) return undefined;
    const reason: unknown = this.#controller.signal.reason;
    return LLMError.isInstance(reason) ? reason : new LLMAbortError({ cause: reason });
  }

  throwIfAborted(): void {
    const error = this.abortError;
    if (error) throw error;
  }

  /**
   * Settles with the promise, or rejects as soon as the scope aborts. The SDKs
   * sleep between retries without watching the signal (openai's `sleep`), and a
   * caller who aborted should not wait out a long `retry-after`.
   */
  race<T>(promise: Promise<T>): Promise<T> {
    if (this.#controller.signal.aborted) {
      promise.catch(() => {});
      return Promise.reject(this.abortError);
    }
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(this.abortError);
      this.#controller.signal.addEventListener("abort", onAbort, { once: true });
      promise.then(
        (value) => {
          this.#controller.signal.removeEventListener("abort", onAbort);
          resolve(value);
        },
        (error: unknown) => {
          this.#controller.signal.removeEventListener("abort", onAbort);
          reject(error);
        },
      );
    });
  }

  /** Aborts whatever still runs under this scope (a stream the consumer left), then frees the timer and listener. */
  close(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#userSignal?.removeEventListener("abort", this.#onUserAbort);
    if (!this.#controller.signal.aborted) this.#controller.abort(new LLMAbortError({ message: "The call has ended." }));
  }
}
