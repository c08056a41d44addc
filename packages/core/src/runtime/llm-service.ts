/**
 * The runtime's side of `reason()`: one LLM pool per model (created on first use, `@dana-gateway/llm-pool`
 * loaded lazily so importing the gateway stays fast), answers cached in the reasoning cache.
 */
import type { ReasonRequest } from "@dana-gateway/lang";
import type { LanguageModel, LLMPool } from "@dana-gateway/llm-pool";
import { ResourceError } from "../errors/classes.js";
import { ReasoningCache } from "../reason/reasoning-cache.js";

export interface LLMServiceOptions {
  readonly model?: string | LanguageModel;
  readonly maxConcurrentLLMCalls?: number;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface GenerateOptions {
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
}

type LLMPoolModule = typeof import("@dana-gateway/llm-pool");

/** Dana option names (`reason(p, system_message=…)`) the host understands. Others are ignored, as in the reference. */
export interface DanaReasonOptions {
  readonly system_message?: string;
  readonly temperature?: number;
  readonly max_tokens?: number;
  readonly format?: string;
  readonly model?: string;
  /** JSON Schema for structured output (set by the gateway's `reason(..., { schema })`). */
  readonly json_schema?: Record<string, unknown>;
  /** Context data given to the model as JSON. */
  readonly data?: unknown;
  readonly cache?: boolean;
}

export class LLMService {
  private module: Promise<LLMPoolModule> | null = null;
  private readonly pools = new Map<string, Promise<LLMPool>>();
  /** Known once the default pool exists; lets cache hits skip every await. */
  defaultModelId: string | null = null;
  private closed = false;

  constructor(
    private readonly options: LLMServiceOptions,
    readonly cache: ReasoningCache,
  ) {}

  private load(): Promise<LLMPoolModule> {
    this.module ??= import("@dana-gateway/llm-pool");
    return this.module;
  }

  /** The pool for `model` (default: the runtime's model). */
  pool(model?: string): Promise<LLMPool> {
    if (this.closed)
      return Promise.reject(
        new ResourceError("runtime", "the runtime is closed; create a new one with DanaRuntime.create()"),
      );
    const key = model ?? "";
    let pool = this.pools.get(key);
    if (!pool) {
      pool = this.load().then((llm) => {
        const created = llm.createLLMPool({
          model: model ?? this.options.model,
          ...(this.options.maxConcurrentLLMCalls === undefined ? {} : { maxSize: this.options.maxConcurrentLLMCalls }),
          ...(this.options.env === undefined ? {} : { env: this.options.env }),
        });
        if (model === undefined) this.defaultModelId = created.modelId;
        return created;
      });
      this.pools.set(key, pool);
    }
    return pool;
  }

  /** Serves a Dana `reason()` call (capability already checked): the model's text, or parsed JSON. */
  async reason(request: ReasonRequest, options: GenerateOptions = {}): Promise<unknown> {
    const danaOptions = request.options as DanaReasonOptions;
    const pool = await this.pool(typeof danaOptions.model === "string" ? danaOptions.model : undefined);
    const wantsJson =
      danaOptions.format === "json" ||
      danaOptions.json_schema !== undefined ||
      request.expectedType?.kind === "struct" ||
      (request.expectedType?.kind === "primitive" && ["dict", "list"].includes(request.expectedType.name));
    const prompt =
      danaOptions.data === undefined
        ? request.prompt
        : `${request.prompt}\n\nContext data (JSON):\n${JSON.stringify(danaOptions.data)}`;
    const generateRequest = {
      prompt,
      ...(typeof danaOptions.system_message === "string" ? { system: danaOptions.system_message } : {}),
      // Unset means 0: answers are then reproducible, which is what makes them cacheable.
      temperature: typeof danaOptions.temperature === "number" ? danaOptions.temperature : 0,
      ...(typeof danaOptions.max_tokens === "number" ? { maxTokens: danaOptions.max_tokens } : {}),
      ...(wantsJson ? { format: "json" as const } : {}),
      ...(danaOptions.json_schema === undefined ? {} : { schema: danaOptions.json_schema }),
    };
    const cached = this.cache.applies(generateRequest.temperature, danaOptions.cache);
    const key = ReasoningCache.key({
      prompt,
      model: pool.modelId,
      options: { ...generateRequest, prompt: undefined, expectedType: request.expectedType, via: "dana" },
    });
    if (cached) {
      const entry = this.cache.get(key);
      if (entry) return entry.value;
    }
    const result = await pool.generate({
      ...generateRequest,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    });
    const answer = result.value !== undefined ? result.value : result.text;
    if (cached) this.cache.set(key, answer);
    return answer;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const pools = await Promise.allSettled(this.pools.values());
    await Promise.allSettled(pools.map((pool) => (pool.status === "fulfilled" ? pool.value.close() : undefined)));
  }
}
