/**
 * The default `dana` instance, created on first use (importing the package creates nothing):
 * `await dana.reason("…")`, `await dana.eval("1 + 1")`, `await dana.importModule("analytics")`.
 * Its default context imports modules from the working directory and `DANAPATH`, and has no capabilities.
 */
import type { LLMPool } from "@dana-gateway/llm-pool";
import type { DanaFunction } from "../api/dana-function.js";
import type { DanaModule, UntypedModuleMembers } from "../api/dana-module.js";
import type { ReasonOptions } from "../reason/reason-options.js";
import type { EvalOptions, EvalResult } from "./dana-context.js";
import { DanaRuntime } from "./dana-runtime.js";
import { createLazyFunction } from "./lazy-function.js";
import type { RequestOptions } from "./options.js";

let shared: Promise<DanaRuntime> | null = null;

function runtime(): Promise<DanaRuntime> {
  shared ??= DanaRuntime.create({ contextDefaults: { modulePaths: [process.cwd()] } });
  return shared;
}

export const dana = {
  /** The shared runtime (created on first use). */
  runtime,
  async reason<T = unknown>(prompt: string, options?: ReasonOptions<T>): Promise<T> {
    return (await runtime()).reason<T>(prompt, options);
  },
  async eval<T = unknown>(source: string, options?: EvalOptions): Promise<EvalResult<T>> {
    return (await runtime()).eval<T>(source, options);
  },
  async importModule<Members extends object = UntypedModuleMembers>(
    name: string,
    options?: RequestOptions,
  ): Promise<DanaModule & Members> {
    return (await runtime()).importModule<Members>(name, options);
  },
  async getLLM(model?: string): Promise<LLMPool> {
    return (await runtime()).getLLM(model);
  },
  /** Closes the shared runtime; the next use creates a fresh one. */
  async close(): Promise<void> {
    const closing = shared;
    shared = null;
    if (closing) await (await closing).close();
  },
};

/** `danaFunction("analytics.process_data")` on the default instance: imports on first call. */
export function danaFunction<Signature extends (...args: never[]) => unknown = (...args: unknown[]) => unknown>(
  qualifiedName: string,
): DanaFunction<Parameters<Signature>, Awaited<ReturnType<Signature>>> {
  const dot = qualifiedName.lastIndexOf(".");
  if (typeof qualifiedName !== "string" || dot <= 0 || dot === qualifiedName.length - 1) {
    throw new TypeError(
      `Expected "module.function" (e.g. "analytics.process_data"), got "${String(qualifiedName)}" at argument 'qualifiedName'`,
    );
  }
  let generation = 0;
  let owner: DanaRuntime | null = null;
  return createLazyFunction(qualifiedName.slice(0, dot), qualifiedName.slice(dot + 1), {
    importModule: async (name) => {
      const current = await runtime();
      if (owner !== current) {
        owner = current;
        generation++;
      }
      return current.importModule(name);
    },
    generation: () => generation,
  }) as DanaFunction<Parameters<Signature>, Awaited<ReturnType<Signature>>>;
}
