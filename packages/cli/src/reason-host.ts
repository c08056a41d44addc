import type { ReasonRequest } from "@dana-gateway/lang";

/**
 * `reason()` for the CLI: the LLM pool of `@dana-gateway/llm-pool`, configured from the
 * environment (DANA_MODEL, OPENAI_API_KEY, …) and offline when nothing is set. Loaded on the
 * first `reason()` call so programs that never reason start instantly.
 */
export function createReasonHost(environment: NodeJS.ProcessEnv): {
  reason(request: ReasonRequest): Promise<unknown>;
  close(): Promise<void>;
} {
  let pool: Promise<import("@dana-gateway/llm-pool").LLMPool> | undefined;
  const acquirePool = () => {
    pool ??= import("@dana-gateway/llm-pool").then(({ createLLMPool }) => createLLMPool({ env: environment }));
    return pool;
  };
  return {
    async reason(request) {
      const options = request.options;
      const wantsJson =
        options.format === "json" || (request.expectedType !== null && request.expectedType.kind === "struct");
      const result = await (await acquirePool()).generate({
        prompt: request.prompt,
        ...(typeof options.system_message === "string" ? { system: options.system_message } : {}),
        ...(typeof options.temperature === "number" ? { temperature: options.temperature } : {}),
        ...(typeof options.max_tokens === "number" ? { maxTokens: options.max_tokens } : {}),
        ...(wantsJson ? { format: "json" as const } : {}),
      });
      return result.value !== undefined ? result.value : result.text;
    },
    async close() {
      if (pool) await (await pool).close();
    },
  };
}
