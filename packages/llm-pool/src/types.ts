import type { LLMError } from "./errors.js";

/** `"provider:model"`, e.g. `"openai:gpt-4o-mini"` or `"offline:default"`. */
export type ModelId = `${string}:${string}`;

/** A zod 4 schema, recognised by duck typing so that zod stays an optional peer dependency. */
export interface ZodLikeSchema<T = unknown> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: unknown };
}

/** A JSON Schema object (draft 2020-12 style, as `z.toJSONSchema` produces). */
export type JSONSchema = Record<string, unknown>;

export interface Usage {
  inputTokens: number;
  outputTokens: number;
}

/** Every async entry point takes these. */
export interface CallOptions {
  signal?: AbortSignal;
  /** Deadline for the whole call, retries included. */
  timeoutMs?: number;
}

/** `T` is inferred from a zod `schema`, so `generate` returns a typed `value`. */
export interface GenerateRequest<T = unknown> extends CallOptions {
  prompt: string;
  system?: string;
  temperature?: number;
  maxTokens?: number;
  /** `"json"` asks for JSON and parses it into `value`; implied when `schema` is set. */
  format?: "text" | "json";
  /** A zod 4 schema or a JSON Schema object; the answer is validated against it. */
  schema?: import("zod").ZodType<T> | JSONSchema;
}

export interface GenerateResult<T = unknown> {
  text: string;
  /** The parsed JSON (validated when a schema was given); present when `format` is `"json"` or `schema` is set. */
  value?: T;
  usage: Usage;
  model: ModelId;
  finishReason: string;
}

/** Parts of a stream, named noun-verb as in vercel/ai. A stream ends after `text-end` + `usage`, or after `error`. */
export type StreamPart =
  | { type: "text-delta"; text: string }
  | { type: "text-end"; text: string }
  | { type: "usage"; usage: Usage }
  | { type: "error"; error: LLMError };

export interface LanguageModel {
  readonly provider: string;
  readonly modelId: ModelId;
  generate(request: GenerateRequest): Promise<GenerateResult>;
  /** Never throws: failures arrive as an `error` part. Breaking out of the loop cancels the request. */
  stream(request: GenerateRequest): AsyncIterable<StreamPart>;
}
