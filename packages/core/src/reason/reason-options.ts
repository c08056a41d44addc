/**
 * Options of `runtime.reason(prompt, options)` / `dana.reason(...)`, validated before anything runs: wrong
 * types throw `TypeError` naming the argument, unknown keys are rejected with the list of valid ones.
 */
import type { ZodType } from "zod";
import { describeType, expectType } from "../runtime/argument-checks.js";

export interface ReasonOptions<T = unknown> {
  /** `"provider:model"`, e.g. `"openai:gpt-4o-mini"`; default: the runtime's model. */
  readonly model?: string;
  readonly systemMessage?: string;
  /** 0–2. Calls with temperature > 0 skip the cache unless `cache: true`. */
  readonly temperature?: number;
  /** Positive integer. */
  readonly maxTokens?: number;
  readonly format?: "text" | "json";
  /** A zod 4 schema: the model is asked for matching JSON and the result is validated and typed. */
  readonly schema?: ZodType<T>;
  /** Any convertible value given to the model as context (as JSON, never spliced into Dana source). */
  readonly data?: unknown;
  /** Force the cache on or off for this call. */
  readonly cache?: boolean;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

export const reasonOptionNames = [
  "model",
  "systemMessage",
  "temperature",
  "maxTokens",
  "format",
  "schema",
  "data",
  "cache",
  "timeoutMs",
  "signal",
] as const;

/** Validates and returns the options (a fresh object); throws `TypeError` naming the bad argument. */
export function validateReasonOptions(prompt: unknown, options: unknown): ReasonOptions {
  expectType(prompt, "string", "argument 'prompt'");
  if (options === undefined) return {};
  expectType(options, "object", "argument 'options'");
  const record = options as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(reasonOptionNames as readonly string[]).includes(key)) {
      throw new TypeError(
        `Unknown option '${key}' in reason() options; valid options: ${reasonOptionNames.join(", ")}`,
      );
    }
  }
  const at = (name: string) => `option '${name}'`;
  const { model, systemMessage, temperature, maxTokens, format, schema, cache, timeoutMs, signal } = record;
  if (model !== undefined) {
    expectType(model, "string", at("model"));
    if (!/^[^:\s]+:\S.*$/.test(model as string)) {
      throw new TypeError(
        `Invalid model id "${model}" at ${at("model")}: expected "provider:model", e.g. "openai:gpt-4o-mini"`,
      );
    }
  }
  if (systemMessage !== undefined) expectType(systemMessage, "string", at("systemMessage"));
  if (temperature !== undefined) {
    expectType(temperature, "number", at("temperature"));
    if (!((temperature as number) >= 0 && (temperature as number) <= 2)) {
      throw new RangeError(`Expected a number from 0 to 2, got ${temperature} at ${at("temperature")}`);
    }
  }
  if (maxTokens !== undefined) {
    expectType(maxTokens, "number", at("maxTokens"));
    if (!Number.isSafeInteger(maxTokens) || (maxTokens as number) <= 0) {
      throw new RangeError(`Expected a positive integer, got ${maxTokens} at ${at("maxTokens")}`);
    }
  }
  if (format !== undefined && format !== "text" && format !== "json") {
    throw new TypeError(`Expected "text" or "json", got ${JSON.stringify(format)} at ${at("format")}`);
  }
  if (schema !== undefined && typeof (schema as { safeParse?: unknown } | null)?.safeParse !== "function") {
    throw new TypeError(`Expected a zod schema, got ${describeType(schema)} at ${at("schema")}`);
  }
  if (cache !== undefined) expectType(cache, "boolean", at("cache"));
  if (timeoutMs !== undefined) {
    expectType(timeoutMs, "number", at("timeoutMs"));
    if (!((timeoutMs as number) > 0) || !Number.isFinite(timeoutMs)) {
      throw new RangeError(`Expected a positive number of milliseconds, got ${timeoutMs} at ${at("timeoutMs")}`);
    }
  }
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new TypeError(`Expected AbortSignal, got ${describeType(signal)} at ${at("signal")}`);
  }
  return { ...record } as ReasonOptions;
}
