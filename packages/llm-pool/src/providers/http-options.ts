import { LLMConfigurationError } from "../errors.js";
import { durationMs, type Environment } from "../settings.js";

/** Options shared by the HTTP providers (OpenAI-compatible, Ollama, Anthropic). */
export interface HTTPProviderOptions {
  apiKey?: string;
  baseURL?: string;
  /** The model name without the provider prefix, e.g. `"gpt-4o-mini"`. */
  model?: string;
  /** Read instead of `process.env` (tests pass their own). */
  env?: Environment;
  /** Per HTTP attempt, handed to the SDK (`timeout`). Default 60000. A call's own `timeoutMs` bounds all attempts. */
  timeoutMs?: number;
  /** Retries on 408/409/429/5xx and lost connections, honouring `retry-after`; done by the SDK. Default 2. */
  maxRetries?: number;
}

export const defaultTimeoutMs = 60_000;
export const defaultMaxRetries = 2;

/** Checks the numeric options up front: the SDKs would otherwise fail on the first call, far from the mistake. */
export function transportSettings(options: HTTPProviderOptions): { timeoutMs: number; maxRetries: number } {
  const timeoutMs = options.timeoutMs === undefined ? defaultTimeoutMs : durationMs(options.timeoutMs, "timeoutMs");
  const maxRetries = options.maxRetries ?? defaultMaxRetries;
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    throw new LLMConfigurationError({
      option: "maxRetries",
      message: `maxRetries must be an integer >= 0, got ${JSON.stringify(options.maxRetries)}.`,
    });
  }
  return { timeoutMs, maxRetries };
}
