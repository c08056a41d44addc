import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import {
  createLLMPool,
  createOffline,
  LLMAbortError,
  LLMConfigurationError,
  LLMError,
  LLMTimeoutError,
  PoolAcquireTimeoutError,
  PoolClosedError,
} from "../src/index.js";
import { ScriptedModel } from "./helpers/scripted-model.js";

/** Lets queued promise callbacks run (no timers involved). */
async function settle(): Promise<void> {
  for (let round = 0; round < 10; round++) await Promise.resolve();
}

describe("LLM pool", () => {
  it("defaults to the offline model and a size of 4 with an empty environment", async () => {
    await using pool = createLLMPool({ env: {} });
    expect(pool.modelId).toBe("offline:default");
    expect(pool.stats().maxSize).toBe(4);
    const result = await pool.generate({ prompt: "hi" });
    expect(result.text.startsWith("[offline]")).toBe(true);
  });

  it("types `value` from a zod schema", async () => {
    await using pool = createLLMPool({ env: {} });
    const result = await pool.generate({ prompt: "x", schema: z.object({ city: z.string(), days: z.number() }) });
    expectTypeOf(result.value).toEqualTypeOf<{ city: string; days: number } | undefined>();
    expect(result.value).toEqual({ city: "[offline]", days: 0 });
    const untyped = await pool.generate({ prompt: "x" });
    expectTypeOf(untyped.value).toEqualTypeOf<unknown>();
  });

  it("reads DANA_LLM_POOL_SIZE, with the option taking precedence", () => {
    expect(createLLMPool({ env: { DANA_LLM_POOL_SIZE: "9" } }).stats().maxSize).toBe(9);
    expect(createLLMPool({ maxSize: 2, env: { DANA_LLM_POOL_SIZE: "9" } }).stats().maxSize).toBe(2);
    expect(() => createLLMPool({ env: { DANA_LLM_POOL_SIZE: "lots" } })).toThrow(
      /DANA_LLM_POOL_SIZE must be a positive integer/,
    );
    expect(() => createLLMPool({ maxSize: 0, env: {} })).toThrow(LLMConfigurationError);
  });

  it("surfaces a configuration error when the pool is created", () => {
    expect(() => createLLMPool({ model: "openai:gpt-4o-mini", env: {} })).toThrow(
      "OpenAI API key is missing. Pass it as the `apiKey` option or set the OPENAI_API_KEY environment variable.",
    );
  });

  it("never runs more than maxSize calls at once, and serves waiters in FIFO order", async () => {
    const model = new ScriptedModel();
    const pool = createLLMPool({ model, maxSize: 2 });
    const order: number[] = [];
    const calls = [0, 1, 2, 3, 4].map((index) =>
      pool.withLLM(async (llm) => {
        order.push(index);
        return llm.generate({ prompt: String(index) });
      }),
    );
    await settle();
    expect(model.running).toBe(2);
    expect(pool.stats()).toMatchObject({ inUse: 2, waiting: 3 });
    for (let finished = 0; finished < 5; finished++) {
      model.finish(`answer ${finished}`);
      await settle();
    }
    await Promise.all(calls);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(model.maximumRunning).toBe(2);
    expect(pool.stats()).toMatchObject({
      inUse: 0,
      waiting: 0,
      totals: { acquired: 5, released: 5, calls: 5, callErrors: 0 },
      usage: { inputTokens: 5, outputTokens: 10 },
    });
  });

  it("rejects an acquire with PoolAcquireTimeoutError when the pool stays exhausted", async () => {
    const pool = createLLMPool({ model: new ScriptedModel(), maxSize: 1, acquireTimeoutMs: 20 });
    const held = await pool.acquire();
    const error = await pool.acquire().catch((caught: unknown) => caught);
    expect(PoolAcquireTimeoutError.isInstance(error)).toBe(true);
    expect((error as PoolAcquireTimeoutError).message).toMatch(/maxSize 1, 1 in use/);
    expect(pool.stats()).toMatchObject({ inUse: 1, waiting: 0, totals: { timedOut: 1 } });
    held.release();
    const next = await pool.acquire({ timeoutMs: 0 });
    next.release();
  });

  it("rejects (never throws synchronously) an acquire with a bad timeout", async () => {
    const pool = createLLMPool({ model: new ScriptedModel(), maxSize: 1 });
    const held = await pool.acquire();
    const pending = pool.acquire({ timeoutMs: -1 });
    await expect(pending).rejects.toThrow(LLMConfigurationError);
    held.release();
  });

  it("rejects an acquire whose signal aborts while it waits", async () => {
    const pool = createLLMPool({ model: new ScriptedModel(), maxSize: 1 });
    const held = await pool.acquire();
    const controller = new AbortController();
    const waiting = pool.acquire({ signal: controller.signal });
    controller.abort();
    expect(LLMAbortError.isInstance(await waiting.catch((caught: unknown) => caught))).toBe(true);
    expect(pool.stats()).toMatchObject({ waiting: 0, totals: { aborted: 1 } });
    held.release();
  });

  it("releases on every path: return, throw, and await using", async () => {
    const pool = createLLMPool({ model: createOffline(), maxSize: 1 });
    await pool.withLLM(async (llm) => llm.generate({ prompt: "a" }));
    await expect(
      pool.withLLM(async () => {
        throw new Error("caller bug");
      }),
    ).rejects.toThrow("caller bug");
    {
      await using llm = await pool.acquire();
      expect(pool.stats().inUse).toBe(1);
      await llm.generate({ prompt: "b" });
    }
    expect(pool.stats()).toMatchObject({ inUse: 0, totals: { acquired: 3, released: 3 } });
  });

  it("makes release idempotent and refuses calls on a released lease", async () => {
    const pool = createLLMPool({ model: createOffline(), maxSize: 1 });
    const llm = await pool.acquire();
    llm.release();
    llm.release();
    await llm[Symbol.asyncDispose]();
    expect(pool.stats()).toMatchObject({ inUse: 0, totals: { released: 1 } });
    expect(llm.alive).toBe(false);
    await expect(llm.generate({ prompt: "x" })).rejects.toThrow(/already released/);
    const parts = [];
    for await (const part of llm.stream({ prompt: "x" })) parts.push(part);
    expect(parts[0]?.type).toBe("error");
  });

  it("does not hang when the factory fails: the waiter gets the factory's error", async () => {
    let attempts = 0;
    const pool = createLLMPool({
      model: () => {
        attempts++;
        throw new LLMConfigurationError({ message: "no key" });
      },
      acquireTimeoutMs: 60_000,
    });
    const error = await pool.acquire().catch((caught: unknown) => caught);
    expect(LLMConfigurationError.isInstance(error)).toBe(true);
    expect(pool.stats()).toMatchObject({ inUse: 0, waiting: 0, creating: 0, totals: { failed: 1, created: 0 } });
    expect(attempts).toBe(1);
  });

  it("wraps a factory that returns garbage, and keeps serving other waiters", async () => {
    let calls = 0;
    const pool = createLLMPool({
      model: async () => {
        calls++;
        return (calls === 1 ? { not: "a model" } : createOffline()) as never;
      },
      maxSize: 1,
    });
    const [first, second] = await Promise.allSettled([pool.acquire(), pool.acquire()]);
    expect(first.status).toBe("rejected");
    expect(LLMError.isInstance((first as PromiseRejectedResult).reason)).toBe(true);
    expect(second.status).toBe("fulfilled");
    expect(pool.modelId).toBe("offline:default");
  });

  it("times out an acquire whose factory never settles, and frees the slot for the next creation", async () => {
    let calls = 0;
    const pool = createLLMPool({
      model: () => {
        calls++;
        return calls === 1 ? new Promise<never>(() => {}) : createOffline();
      },
      maxSize: 1,
      acquireTimeoutMs: 20,
    });
    const error = await pool.acquire().catch((caught: unknown) => caught);
    expect(PoolAcquireTimeoutError.isInstance(error)).toBe(true);
    // A long wait of its own: it is served once the hung creation's slot is released.
    const lease = await pool.acquire({ timeoutMs: 60_000 });
    expect(lease.modelId).toBe("offline:default");
    lease.release();
    expect(pool.stats()).toMatchObject({ creating: 0, totals: { created: 1, failed: 1, timedOut: 1 } });
  });

  it("close() rejects waiters with PoolClosedError and waits for leases in use", async () => {
    const model = new ScriptedModel();
    const pool = createLLMPool({ model, maxSize: 1 });
    const running = pool.generate({ prompt: "long" });
    const waiting = pool.acquire();
    await settle();
    let closed = false;
    const closing = pool.close().then(() => {
      closed = true;
    });
    const waitError = await waiting.catch((caught: unknown) => caught);
    expect(PoolClosedError.isInstance(waitError)).toBe(true);
    expect((waitError as Error).name).toBe("PoolClosedError");
    await settle();
    expect(closed).toBe(false);
    model.finish();
    await running;
    await closing;
    expect(closed).toBe(true);
    await expect(pool.acquire()).rejects.toThrow(PoolClosedError);
    expect(pool.close()).toBe(pool.close());
  });

  it("close() gives up after closeTimeoutMs when a lease is never released", async () => {
    const pool = createLLMPool({ model: createOffline(), closeTimeoutMs: 10 });
    await pool.acquire();
    const error = await pool.close().catch((caught: unknown) => caught);
    expect(LLMTimeoutError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/1 lease\(s\) are still in use/);
  });

  it("pool.generate counts the wait for a model against the request's timeoutMs", async () => {
    const pool = createLLMPool({ model: new ScriptedModel(), maxSize: 1 });
    const held = await pool.acquire();
    const error = await pool.generate({ prompt: "x", timeoutMs: 15 }).catch((caught: unknown) => caught);
    expect(PoolAcquireTimeoutError.isInstance(error)).toBe(true);
    held.release();
  });

  it("pool.stream releases when the consumer breaks out early", async () => {
    const pool = createLLMPool({ model: createOffline(), maxSize: 1 });
    for await (const part of pool.stream({ prompt: "a long answer" })) {
      expect(part.type).toBe("text-delta");
      expect(pool.stats().inUse).toBe(1);
      break;
    }
    expect(pool.stats()).toMatchObject({ inUse: 0, totals: { released: 1, calls: 1 } });
  });

  it("pool.stream reports a closed pool as an error part", async () => {
    const pool = createLLMPool({ env: {} });
    await pool.close();
    const parts = [];
    for await (const part of pool.stream({ prompt: "x" })) parts.push(part);
    expect(parts).toHaveLength(1);
    expect(PoolClosedError.isInstance((parts[0] as { error: unknown }).error)).toBe(true);
  });

  it("counts failed calls and keeps the model usable", async () => {
    const model = new ScriptedModel();
    const pool = createLLMPool({ model, maxSize: 1 });
    const failing = pool.generate({ prompt: "x" });
    await settle();
    model.fail();
    await expect(failing).rejects.toThrow("scripted failure");
    const succeeding = pool.generate({ prompt: "y" });
    await settle();
    model.finish("fine");
    expect((await succeeding).text).toBe("fine");
    expect(pool.stats().totals).toMatchObject({ calls: 2, callErrors: 1 });
  });
});
