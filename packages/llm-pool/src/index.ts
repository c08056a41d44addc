/** Package identity, used in error messages and diagnostics. */
export const packageName = "@dana-gateway/llm-pool";

export {
  InvalidModelIdError,
  isRetryableStatus,
  LLMAbortError,
  LLMAPICallError,
  LLMConfigurationError,
  LLMError,
  type LLMErrorJSON,
  LLMTimeoutError,
  PoolAcquireTimeoutError,
  PoolClosedError,
  StructuredOutputError,
} from "./errors.js";
export { createLanguageModel, isLanguageModel, type LanguageModelOptions } from "./language-model.js";
export { formatModelId, type ProviderName, parseModelId, providerNames } from "./model-id.js";
export {
  createLLMPool,
  defaultAcquireTimeoutMs,
  defaultPoolSize,
  type LanguageModelFactory,
  type LLMPool,
  type LLMPoolOptions,
} from "./pool/llm-pool.js";
export type { PoolStats } from "./pool/pool-stats.js";
export type { PooledLLM } from "./pool/pooled-language-model.js";
export { createAnthropic, defaultAnthropicMaxTokens } from "./providers/anthropic.js";
export { defaultMaxRetries, defaultTimeoutMs, type HTTPProviderOptions } from "./providers/http-options.js";
export { createOffline, type OfflineProviderOptions, offlineLabel } from "./providers/offline.js";
export { createOllama, createOpenAI } from "./providers/openai.js";
export { isZodSchema, toJSONSchema } from "./schema/json-schema.js";
export { placeholderFor } from "./schema/placeholder.js";
export { type ValidationResult, validateAgainstSchema } from "./schema/validate.js";
export { defaultModels, type Environment, resolveDefaultModelId } from "./settings.js";
export type {
  CallOptions,
  GenerateRequest,
  GenerateResult,
  JSONSchema,
  LanguageModel,
  ModelId,
  StreamPart,
  Usage,
  ZodLikeSchema,
} from "./types.js";
