/**
 * The gateway's entry point: owns the LLM pools, the reasoning cache, the type converters and every context
 * it created. `await using runtime = await DanaRuntime.create()`.
 */
import { Interpreter } from "@dana-gateway/lang";
import type { LLMPool } from "@dana-gateway/llm-pool";
import type { DanaFunction } from "../api/dana-function.js";
import type { DanaModule, UntypedModuleMembers } from "../api/dana-module.js";
import { typeConverters } from "../conversion/type-converter.js";
import { ResourceError } from "../errors/classes.js";
import type { ReasonOptions } from "../reason/reason-options.js";
import type { ReasoningCacheStats } from "../reason/reasoning-cache.js";
import type { ReasoningServices } from "../reason/reasoning-services.js";
import { DanaContext, type EvalOptions, type EvalResult } from "./dana-context.js";
import {
  type DanaContextOptions,
  type DanaRuntimeOptions,
  type RequestOptions,
  validateContextOptions,
  validateRuntimeOptions,
} from "./options.js";
import type { RuntimeServices } from "./runtime-services.js";

export interface ReasoningCacheControl {
  /** Hits, misses, evictions and size (all zero until the first `reason()`). */
  stats(): ReasoningCacheStats;
  /** Forgets the answer to exactly this call (same prompt and options); true when there was one. */
  invalidate(prompt: string, options?: ReasonOptions): Promise<boolean>;
  clear(): void;
}

const emptyStats: ReasoningCacheStats = { hits: 0, misses: 0, evictions: 0, size: 0 };

export class DanaRuntime implements AsyncDisposable {
  readonly #options: DanaRuntimeOptions;
  readonly #services: RuntimeServices;
  readonly #contexts = new Set<DanaContext>();
  #defaultContext: DanaContext | null = null;
  #closed = false;
  /** Set once the reason() machinery is loaded: cache hits then run without a single await before the lookup. */
  #reasoning: ReasoningServices | null = null;
  #reasoningLoad: Promise<ReasoningServices> | null = null;
  readonly cache: ReasoningCacheControl;

  private constructor(options: DanaRuntimeOptions) {
    this.#options = options;
    const env = options.env ?? process.env;
    this.#services = {
      reasoning: () => this.#loadReasoning(),
      env,
      hostFunctions: options.hostFunctions ?? {},
      typeConverters: options.typeConverters ?? typeConverters,
      backends: options.backends ?? {},
      createInterpreter: (interpreterOptions) => new Interpreter(interpreterOptions),
      forget: (context) => this.#contexts.delete(context as DanaContext),
    };
    this.cache = {
      stats: () => this.#reasoning?.cache.stats() ?? emptyStats,
      invalidate: async (prompt, reasonOptions) => (await this.#loadReasoning()).invalidate(prompt, reasonOptions),
      clear: () => this.#reasoning?.cache.clear(),
    };
  }

  static async create(options?: DanaRuntimeOptions): Promise<DanaRuntime> {
    return new DanaRuntime(validateRuntimeOptions(options));
  }

  #loadReasoning(): Promise<ReasoningServices> {
    if (this.#reasoningLoad === null) {
      const options = this.#options;
      this.#reasoningLoad = import("../reason/reasoning-services.js").then(async ({ createReasoningServices }) => {
        const services = await createReasoningServices(
          {
            ...(options.model === undefined ? {} : { model: options.model }),
            ...(options.maxConcurrentLLMCalls === undefined
              ? {}
              : { maxConcurrentLLMCalls: options.maxConcurrentLLMCalls }),
            env: this.#services.env,
          },
          options.cache,
        );
        this.#reasoning = services;
        return services;
      });
    }
    return this.#reasoningLoad;
  }

  get closed(): boolean {
    return this.#closed;
  }

  #checkOpen(what: string): void {
    if (this.#closed) {
      throw new ResourceError(
        "runtime",
        `${what} is not possible: this DanaRuntime is closed; create a new one with DanaRuntime.create()`,
      );
    }
  }

  /** A new sandbox with its own globals and modules. Options override the runtime's `contextDefaults`. */
  createContext(options?: DanaContextOptions): DanaContext {
    this.#checkOpen("createContext()");
    const validated = validateContextOptions(options);
    const defaults = this.#options.contextDefaults;
    const context = new DanaContext(this.#services, defaults === undefined ? validated : { ...defaults, ...validated });
    this.#contexts.add(context);
    return context;
  }

  /** The context used by `runtime.eval`, `importModule` and `danaFunction` (created on first use). */
  get defaultContext(): DanaContext {
    this.#checkOpen("using the default context");
    if (this.#defaultContext === null || this.#defaultContext.closed) this.#defaultContext = this.createContext();
    return this.#defaultContext;
  }

  eval<T = unknown>(source: string, options?: EvalOptions): Promise<EvalResult<T>> {
    return this.defaultContext.eval<T>(source, options);
  }

  importModule<Members extends object = UntypedModuleMembers>(
    name: string,
    options?: RequestOptions,
  ): Promise<DanaModule & Members> {
    return this.defaultContext.importModule<Members>(name, options);
  }

  danaFunction<Signature extends (...args: never[]) => unknown = (...args: unknown[]) => unknown>(
    qualifiedName: string,
  ): DanaFunction<Parameters<Signature>, Awaited<ReturnType<Signature>>> {
    return this.defaultContext.danaFunction<Signature>(qualifiedName);
  }

  /**
   * Asks the model through Dana's `reason` builtin; the prompt and options cross as values, never as source.
   * With `schema`, the answer is validated and typed.
   */
  reason<T = unknown>(prompt: string, options?: ReasonOptions<T>): Promise<T> {
    try {
      this.#checkOpen("reason()");
    } catch (error) {
      return Promise.reject(error);
    }
    const createContext = () => this.createContext({ capabilities: ["llm"] });
    const loaded = this.#reasoning;
    if (loaded) return loaded.reason<T>(prompt, options, createContext);
    return this.#loadReasoning().then((services) => services.reason<T>(prompt, options, createContext));
  }

  /** The LLM pool behind `reason()` (for direct `generate` calls). */
  getLLM(model?: string): Promise<LLMPool> {
    this.#checkOpen("getLLM()");
    return this.#loadReasoning().then((services) => services.llm.pool(model));
  }

  /** Closes every context and LLM pool. Idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.allSettled([...this.#contexts].map((context) => context.close()));
    if (this.#reasoningLoad) await (await this.#reasoningLoad).llm.close();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}
