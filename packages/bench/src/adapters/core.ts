import { importOptional, isFunction } from "./optional-import.js";

/**
 * The slice of `@dana-gateway/core` the suites use:
 *   const rt = await DanaRuntime.create({ model: "offline:default" });
 *   const ctx = rt.createContext({ isolation: "inprocess" | "worker" | "process" }); // may return a promise
 *   const { value: add } = await ctx.eval(`${source}\nadd\n`); // a Dana function arrives as an async JS function
 *   await add(1, 2);
 *   await ctx.close(); await rt.close(); await rt.reason(prompt, { cache: true });
 * In worker and process modes the sandbox starts in the background; the first request waits for it.
 */
export type IsolationMode = "inprocess" | "worker" | "process";
export const isolationModes: readonly IsolationMode[] = ["inprocess", "worker", "process"];

export interface GatewayContext {
  eval(source: string): Promise<unknown>;
  close(): Promise<void>;
}

export interface GatewayRuntime {
  createContext(options: { isolation: IsolationMode }): GatewayContext | Promise<GatewayContext>;
  reason?(prompt: string, options?: { cache?: boolean }): Promise<unknown>;
  close(): Promise<void>;
}

export interface CoreModule {
  createRuntime(options?: Record<string, unknown>): Promise<GatewayRuntime>;
}

/**
 * `DANA_BENCH_CORE_MODULE` points the suites at another module with the same API: a stand-in
 * for a smoke test of the suites themselves, or a build of the core from another checkout.
 */
export const coreSpecifier = process.env.DANA_BENCH_CORE_MODULE ?? "@dana-gateway/core";

/** The core's runtime factory, or the reason a suite that needs it is skipped. */
export async function loadCore(): Promise<CoreModule | string> {
  const module = await importOptional(coreSpecifier);
  if (typeof module === "string") return module;
  const runtimeClass = module.DanaRuntime as { create?: unknown } | undefined;
  if (!runtimeClass || !isFunction(runtimeClass.create)) return `${coreSpecifier} has no DanaRuntime.create yet`;
  const create = runtimeClass.create.bind(runtimeClass) as (
    options?: Record<string, unknown>,
  ) => Promise<GatewayRuntime>;
  return { createRuntime: (options) => create(options) };
}

export async function coreAvailability(): Promise<string | true> {
  const core = await loadCore();
  return typeof core === "string" ? core : true;
}

/**
 * Evaluates Dana source in a context and returns the named function as an awaitable JS function.
 * The program ends with the function's name, so `eval` returns the function itself as its value
 * (core wraps Dana functions as async JS functions); a `name` property on what `eval` returned is
 * accepted too.
 */
export async function gatewayFunction(
  context: GatewayContext,
  source: string,
  name: string,
): Promise<(...args: unknown[]) => Promise<unknown>> {
  const evaluated = (await context.eval(`${source}\n${name}\n`)) as { value?: unknown } | null;
  for (const candidate of [evaluated?.value, (evaluated as Record<string, unknown> | null)?.[name]]) {
    if (isFunction(candidate)) return candidate as (...args: unknown[]) => Promise<unknown>;
  }
  throw new Error(`evaluating "${name}" after its definition did not give a callable function`);
}

/** Runtime options every suite uses: the offline model, so no figure depends on a network or an API key. */
export const benchRuntimeOptions = { model: process.env.DANA_BENCH_REASON_MODEL ?? "offline:default" };

/** Opens a runtime and one context; `close` releases both, context first. */
export async function openContext(
  core: CoreModule,
  isolation: IsolationMode,
): Promise<{ runtime: GatewayRuntime; context: GatewayContext; close(): Promise<void> }> {
  const runtime = await core.createRuntime(benchRuntimeOptions);
  try {
    const context = await runtime.createContext({ isolation });
    return {
      runtime,
      context,
      close: async () => {
        await context.close();
        await runtime.close();
      },
    };
  } catch (error) {
    await runtime.close();
    throw error;
  }
}
