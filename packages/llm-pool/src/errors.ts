/**
 * Errors of the LLM layer, shaped like vercel/ai's `AISDKError`:
 * one base class, a few subclasses, literal `name`s, `cause`, and a
 * `Symbol.for(...)` marker so `isInstance()` works where `instanceof` fails
 * (two installed copies of this package, errors rebuilt after crossing a worker).
 * `toJSON()`/`fromJSON()` exist because structured clone drops subclass names
 * and fields, and JSON IPC turns a plain Error into `{}`.
 */

const baseMarker = Symbol.for("dana-gateway.llm.error");

const configurationErrorMarker = Symbol.for("dana-gateway.llm.error.LLMConfigurationError");
const invalidModelIdErrorMarker = Symbol.for("dana-gateway.llm.error.InvalidModelIdError");
const apiCallErrorMarker = Symbol.for("dana-gateway.llm.error.LLMAPICallError");
const timeoutErrorMarker = Symbol.for("dana-gateway.llm.error.LLMTimeoutError");
const abortErrorMarker = Symbol.for("dana-gateway.llm.error.LLMAbortError");
const poolAcquireTimeoutErrorMarker = Symbol.for("dana-gateway.llm.error.PoolAcquireTimeoutError");
const poolClosedErrorMarker = Symbol.for("dana-gateway.llm.error.PoolClosedError");
const structuredOutputErrorMarker = Symbol.for("dana-gateway.llm.error.StructuredOutputError");

function hasMarker(value: unknown, marker: symbol): boolean {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[marker] === true;
}

/** The JSON form of any {@link LLMError}; extra fields depend on `name`. */
export interface LLMErrorJSON {
  name: string;
  message: string;
  isRetryable: boolean;
  cause?: unknown;
  [field: string]: unknown;
}

export interface LLMErrorOptions {
  message: string;
  cause?: unknown;
  isRetryable?: boolean;
}

function serializeCause(cause: unknown): unknown {
  if (cause === undefined) return undefined;
  if (LLMError.isInstance(cause)) return cause.toJSON();
  if (cause instanceof Error) return { name: cause.name, message: cause.message };
  try {
    return JSON.parse(JSON.stringify(cause));
  } catch {
    return String(cause);
  }
}

export class LLMError extends Error {
  readonly [baseMarker] = true;
  override readonly name: string = "LLMError";
  override readonly cause?: unknown;
  /** Whether trying the same call again may succeed (rate limits, 5xx, timeouts, lost connections). */
  readonly isRetryable: boolean;

  constructor({ message, cause, isRetryable = false }: LLMErrorOptions) {
    super(message, cause === undefined ? undefined : { cause });
    this.cause = cause;
    this.isRetryable = isRetryable;
  }

  /** True for any error of this family, including ones from another copy of this package. */
  static isInstance(value: unknown): value is LLMError {
    return hasMarker(value, baseMarker);
  }

  /** Fields beyond name, message, isRetryable and cause; subclasses add theirs. */
  protected details(): Record<string, unknown> {
    return {};
  }

  toJSON(): LLMErrorJSON {
    const json: LLMErrorJSON = {
      name: this.name,
      message: this.message,
      isRetryable: this.isRetryable,
      ...this.details(),
    };
    const cause = serializeCause(this.cause);
    if (cause !== undefined) json.cause = cause;
    return json;
  }

  /** Rebuilds the right subclass from {@link LLMError.toJSON} output; unknown names become a plain `LLMError`. */
  static fromJSON(json: LLMErrorJSON): LLMError {
    const rebuild = rebuilders[json.name];
    return rebuild ? rebuild(json) : new LLMError(json);
  }
}

/** Missing API key, bad option values, unusable schema: fix the set-up, retrying will not help. */
export class LLMConfigurationError extends LLMError {
  readonly [configurationErrorMarker] = true;
  override readonly name = "LLMConfigurationError" as const;
  /** The option (or environment variable) at fault, when there is one. */
  readonly option?: string;

  constructor(options: LLMErrorOptions & { option?: string }) {
    super({ ...options, isRetryable: false });
    this.option = options.option;
  }

  static override isInstance(value: unknown): value is LLMConfigurationError {
    return hasMarker(value, configurationErrorMarker);
  }

  protected override details() {
    return { option: this.option };
  }
}

/** A model id that is not `"provider:model"` with a known provider. */
export class InvalidModelIdError extends LLMError {
  readonly [invalidModelIdErrorMarker] = true;
  override readonly name = "InvalidModelIdError" as const;
  readonly modelId: string;

  constructor(options: { modelId: string; message: string; cause?: unknown }) {
    super({ ...options, isRetryable: false });
    this.modelId = options.modelId;
  }

  static override isInstance(value: unknown): value is InvalidModelIdError {
    return hasMarker(value, invalidModelIdErrorMarker);
  }

  protected override details() {
    return { modelId: this.modelId };
  }
}

export interface LLMAPICallErrorOptions extends LLMErrorOptions {
  url?: string;
  statusCode?: number;
  responseBody?: string;
}

/** The provider's HTTP API answered with an error status, or could not be reached. */
export class LLMAPICallError extends LLMError {
  readonly [apiCallErrorMarker] = true;
  override readonly name = "LLMAPICallError" as const;
  readonly url?: string;
  /** Absent when no response arrived (connection refused, reset). */
  readonly statusCode?: number;
  readonly responseBody?: string;

  constructor(options: LLMAPICallErrorOptions) {
    super({ ...options, isRetryable: options.isRetryable ?? isRetryableStatus(options.statusCode) });
    this.url = options.url;
    this.statusCode = options.statusCode;
    this.responseBody = options.responseBody;
  }

  static override isInstance(value: unknown): value is LLMAPICallError {
    return hasMarker(value, apiCallErrorMarker);
  }

  protected override details() {
    return { url: this.url, statusCode: this.statusCode, responseBody: this.responseBody };
  }
}

/** The statuses the SDKs retry, and so the ones worth retrying later: 408, 409, 429 and 5xx. */
export function isRetryableStatus(statusCode: number | undefined): boolean {
  if (statusCode === undefined) return true;
  return statusCode === 408 || statusCode === 409 || statusCode === 429 || statusCode >= 500;
}

/** A call (or a pool drain) exceeded its `timeoutMs`. */
export class LLMTimeoutError extends LLMError {
  readonly [timeoutErrorMarker] = true;
  override readonly name = "LLMTimeoutError" as const;
  readonly timeoutMs?: number;

  constructor(options: { message: string; timeoutMs?: number; cause?: unknown }) {
    super({ ...options, isRetryable: true });
    this.timeoutMs = options.timeoutMs;
  }

  static override isInstance(value: unknown): value is LLMTimeoutError {
    return hasMarker(value, timeoutErrorMarker);
  }

  protected override details() {
    return { timeoutMs: this.timeoutMs };
  }
}

/** The caller's `AbortSignal` fired. */
export class LLMAbortError extends LLMError {
  readonly [abortErrorMarker] = true;
  override readonly name = "LLMAbortError" as const;

  constructor(options: { message?: string; cause?: unknown } = {}) {
    super({ message: options.message ?? "The call was aborted by its AbortSignal.", cause: options.cause });
  }

  static override isInstance(value: unknown): value is LLMAbortError {
    return hasMarker(value, abortErrorMarker);
  }
}

/** `pool.acquire()` waited `timeoutMs` without a free language model. */
export class PoolAcquireTimeoutError extends LLMError {
  readonly [poolAcquireTimeoutErrorMarker] = true;
  override readonly name = "PoolAcquireTimeoutError" as const;
  readonly timeoutMs?: number;

  constructor(options: { message: string; timeoutMs?: number; cause?: unknown }) {
    super({ ...options, isRetryable: true });
    this.timeoutMs = options.timeoutMs;
  }

  static override isInstance(value: unknown): value is PoolAcquireTimeoutError {
    return hasMarker(value, poolAcquireTimeoutErrorMarker);
  }

  protected override details() {
    return { timeoutMs: this.timeoutMs };
  }
}

/** The pool was closed: pending and later `acquire()` calls fail with this. */
export class PoolClosedError extends LLMError {
  readonly [poolClosedErrorMarker] = true;
  override readonly name = "PoolClosedError" as const;

  constructor(options: { message?: string; cause?: unknown } = {}) {
    super({
      message: options.message ?? "The LLM pool is closed. Create a new pool with createLLMPool() to make more calls.",
      cause: options.cause,
    });
  }

  static override isInstance(value: unknown): value is PoolClosedError {
    return hasMarker(value, poolClosedErrorMarker);
  }
}

/** The model's answer was not valid JSON for the requested schema, even after one repair attempt. */
export class StructuredOutputError extends LLMError {
  readonly [structuredOutputErrorMarker] = true;
  override readonly name = "StructuredOutputError" as const;
  /** The model's last answer, verbatim. */
  readonly rawText: string;

  constructor(options: { message: string; rawText: string; cause?: unknown }) {
    super({ ...options, isRetryable: false });
    this.rawText = options.rawText;
  }

  static override isInstance(value: unknown): value is StructuredOutputError {
    return hasMarker(value, structuredOutputErrorMarker);
  }

  protected override details() {
    return { rawText: this.rawText };
  }
}

function optionalString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function optionalNumber(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}

const rebuilders: Record<string, (json: LLMErrorJSON) => LLMError> = {
  LLMError: (json) => new LLMError(json),
  LLMConfigurationError: (json) => new LLMConfigurationError({ ...json, option: optionalString(json.option) }),
  InvalidModelIdError: (json) => new InvalidModelIdError({ ...json, modelId: String(json.modelId ?? "") }),
  LLMAPICallError: (json) =>
    new LLMAPICallError({
      ...json,
      url: optionalString(json.url),
      statusCode: optionalNumber(json.statusCode),
      responseBody: optionalString(json.responseBody),
    }),
  LLMTimeoutError: (json) => new LLMTimeoutError({ ...json, timeoutMs: optionalNumber(json.timeoutMs) }),
  LLMAbortError: (json) => new LLMAbortError(json),
  PoolAcquireTimeoutError: (json) =>
    new PoolAcquireTimeoutError({ ...json, timeoutMs: optionalNumber(json.timeoutMs) }),
  PoolClosedError: (json) => new PoolClosedError(json),
  StructuredOutputError: (json) => new StructuredOutputError({ ...json, rawText: String(json.rawText ?? "") }),
};
