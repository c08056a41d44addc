/**
 * Everything behind `reason()` — the LLM pools, the reasoning cache (`lru-cache`), the gateway's reason path —
 * loaded together on first use, so importing the gateway and evaluating Dana never pay for them.
 */
import type { LLMServiceOptions } from "../runtime/llm-service.js";
import { LLMService } from "../runtime/llm-service.js";
import type { GatewayReasonDependencies } from "./gateway-reason.js";
import { gatewayReason, gatewayReasonKey } from "./gateway-reason.js";
import type { ReasonOptions } from "./reason-options.js";
import { ReasoningCache, type ReasoningCacheOptions } from "./reasoning-cache.js";

export interface ReasoningServices {
  readonly llm: LLMService;
  readonly cache: ReasoningCache;
  reason<T>(
    prompt: string,
    options: ReasonOptions<T> | undefined,
    createContext: GatewayReasonDependencies["createContext"],
  ): Promise<T>;
  /** Removes the cached answer of exactly this call. */
  invalidate(prompt: string, options?: ReasonOptions): Promise<boolean>;
}

export async function createReasoningServices(
  llmOptions: LLMServiceOptions,
  cacheOptions: ReasoningCacheOptions | undefined,
): Promise<ReasoningServices> {
  const cache = await ReasoningCache.create(cacheOptions);
  const llm = new LLMService(llmOptions, cache);
  return {
    llm,
    cache,
    reason: (prompt, options, createContext) => gatewayReason({ llm, createContext }, prompt, options),
    invalidate: async (prompt, options) => cache.invalidate(await gatewayReasonKey(llm, prompt, options)),
  };
}
