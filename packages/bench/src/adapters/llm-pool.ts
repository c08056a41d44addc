import { importOptional, isFunction } from "./optional-import.js";

/**
 * The slice of `@dana-gateway/llm-pool` the suite uses:
 *   const pool = createLLMPool({ model: "offline:default", maxSize: 2 });
 *   const lease = await pool.acquire(); lease.release(); await pool.close();
 * (`createLlmPool` and `LlmPool.create` are accepted too, and `pool.release(lease)`.)
 */
export interface LlmPool {
  acquire(): Promise<unknown>;
  release?(lease: unknown): unknown;
  close(): Promise<void>;
}

/** `DANA_BENCH_LLM_POOL_MODULE` substitutes another module with the same API (see coreSpecifier). */
export const llmPoolSpecifier = process.env.DANA_BENCH_LLM_POOL_MODULE ?? "@dana-gateway/llm-pool";

/** Offline model: the pool's cost, not a network's. */
export const benchPoolOptions = { model: "offline:default", maxSize: 2 };

export async function loadLlmPoolFactory(): Promise<((options: object) => Promise<LlmPool>) | string> {
  const module = await importOptional(llmPoolSpecifier);
  if (typeof module === "string") return module;
  for (const name of ["createLLMPool", "createLlmPool"]) {
    if (isFunction(module[name])) {
      const create = module[name] as (options: object) => LlmPool | Promise<LlmPool>;
      return async (options) => create(options);
    }
  }
  const poolClass = module.LlmPool as { create?: unknown } | undefined;
  if (poolClass && isFunction(poolClass.create)) {
    const create = poolClass.create.bind(poolClass) as (options: object) => Promise<LlmPool>;
    return create;
  }
  return `${llmPoolSpecifier} exports neither createLLMPool nor LlmPool.create yet`;
}

/** Gives a lease back whichever way the pool expects it. */
export async function releaseLease(pool: LlmPool, lease: unknown): Promise<void> {
  const own = (lease as { release?: unknown } | null)?.release;
  if (isFunction(own)) {
    await (own as () => unknown).call(lease);
    return;
  }
  if (isFunction(pool.release)) {
    await pool.release(lease);
    return;
  }
  throw new Error("the pool's lease has no release() and the pool has no release(lease)");
}
