/**
 * `runtime.reason(prompt, options)`: runs Dana's own `reason` builtin with the prompt and options bound as
 * input VALUES (`reason(prompt, options)` is the whole program) — a prompt containing `"""` or Dana code is
 * just text. Exact repeats are answered from the reasoning cache before anything runs.
 */
import { TypeConversionError } from "../errors/classes.js";
import type { DanaContext } from "../runtime/dana-context.js";
import type { DanaReasonOptions, LLMService } from "../runtime/llm-service.js";
import { type ReasonOptions, validateReasonOptions } from "./reason-options.js";
import { ReasoningCache } from "./reasoning-cache.js";

export interface GatewayReasonDependencies {
  readonly llm: LLMService;
  /** A fresh context granted only "llm", for one call. */
  createContext(): DanaContext;
}

/** zod schemas converted once each: conversion and canonical JSON are too slow for the cache-hit path. */
const jsonSchemas = new WeakMap<object, Record<string, unknown>>();

async function jsonSchemaOf(schema: object): Promise<Record<string, unknown>> {
  let jsonSchema = jsonSchemas.get(schema);
  if (jsonSchema === undefined) {
    const { toJSONSchema } = await import("@dana-gateway/llm-pool");
    jsonSchema = toJSONSchema(schema as never) as Record<string, unknown>;
    jsonSchemas.set(schema, jsonSchema);
  }
  return jsonSchema;
}

function danaOptionsOf(options: ReasonOptions, jsonSchema: Record<string, unknown> | undefined): DanaReasonOptions {
  const result: { -readonly [K in keyof DanaReasonOptions]: DanaReasonOptions[K] } = {};
  if (options.systemMessage !== undefined) result.system_message = options.systemMessage;
  if (options.temperature !== undefined) result.temperature = options.temperature;
  if (options.maxTokens !== undefined) result.max_tokens = options.maxTokens;
  if (options.format !== undefined) result.format = options.format;
  if (options.model !== undefined) result.model = options.model;
  if (jsonSchema !== undefined) {
    result.json_schema = jsonSchema;
    result.format = "json";
  }
  if (options.data !== undefined) result.data = options.data;
  if (options.cache !== undefined) result.cache = options.cache;
  return result;
}

export async function gatewayReason<T>(
  dependencies: GatewayReasonDependencies,
  prompt: string,
  rawOptions?: ReasonOptions<T>,
): Promise<T> {
  const options = validateReasonOptions(prompt, rawOptions) as ReasonOptions<T>;
  const { llm } = dependencies;
  const schema = options.schema;
  const jsonSchema = schema === undefined ? undefined : (jsonSchemas.get(schema) ?? (await jsonSchemaOf(schema)));
  const danaOptions = danaOptionsOf(options, jsonSchema);
  const model = options.model ?? llm.defaultModelId ?? (await llm.pool()).modelId;
  const cached = llm.cache.applies(options.temperature, options.cache);
  const key = cached ? ReasoningCache.key({ prompt, model, options: { ...danaOptions, via: "api" } }) : "";
  if (cached) {
    const entry = llm.cache.get(key);
    if (entry) return entry.value as T;
  }
  const context = dependencies.createContext();
  let value: unknown;
  try {
    // This layer caches the final (validated) value; the host layer must not keep a second copy that
    // `invalidate()` would miss.
    const result = await context.eval("reason(prompt, options)", {
      inputs: { prompt, options: { ...danaOptions, cache: false } },
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    });
    value = result.value;
  } finally {
    await context.close();
  }
  if (schema !== undefined) {
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      throw new TypeConversionError(
        "reason() result",
        `the model's answer does not match the schema: ${String(parsed.error)}`,
        {
          cause: parsed.error,
        },
      );
    }
    value = parsed.data;
  }
  if (cached) llm.cache.set(key, value);
  return value as T;
}

/** The key `invalidate(prompt, options)` removes: the same normalisation as a call. */
export async function gatewayReasonKey(llm: LLMService, prompt: string, rawOptions?: ReasonOptions): Promise<string> {
  const options = validateReasonOptions(prompt, rawOptions);
  const jsonSchema = options.schema === undefined ? undefined : await jsonSchemaOf(options.schema);
  const model = options.model ?? llm.defaultModelId ?? (await llm.pool()).modelId;
  return ReasoningCache.key({ prompt, model, options: { ...danaOptionsOf(options, jsonSchema), via: "api" } });
}
