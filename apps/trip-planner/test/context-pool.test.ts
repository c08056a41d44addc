/** The context pool on its own, with in-process contexts (fast) and a module that records what ran. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DanaRuntime } from "@dana-gateway/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ContextPool, ContextPoolClosedError, ContextPoolTimeoutError } from "../src/planner/context-pool.js";

let runtime: DanaRuntime;
const modules = mkdtempSync(join(tmpdir(), "trip-planner-pool-"));
writeFileSync(join(modules, "probe.na"), "def ping() -> str:\n    return 'pong'\n");

function pool(overrides: Partial<ConstructorParameters<typeof ContextPool>[0]> = {}) {
  return new ContextPool({
    runtime,
    contextOptions: { modulePaths: [modules] },
    preloadModules: ["probe"],
    warmContexts: 1,
    maxContexts: 2,
    acquireTimeoutMs: 200,
    maxRequestsPerContext: 100,
    ...overrides,
  });
}

beforeEach(async () => {
  runtime = await DanaRuntime.create();
});

afterEach(async () => {
  await runtime.close();
});

describe("ContextPool", () => {
  it("leases each context to one request at a time and reuses it afterwards", async () => {
    const contexts = pool();
    const first = await contexts.acquire();
    expect((await first.context.eval("import probe\nprobe.ping()")).value).toBe("pong");
    const second = await contexts.acquire();
    expect(second.context).not.toBe(first.context);
    expect(contexts.stats()).toMatchObject({ busy: 2, idle: 0 });
    first.release(true);
    first.release(true); // idempotent
    const third = await contexts.acquire();
    expect(third.context).toBe(first.context);
    await contexts.close();
  });

  it("fails a wait with ContextPoolTimeoutError when every context stays busy", async () => {
    const contexts = pool({ maxContexts: 1 });
    await contexts.acquire();
    await expect(contexts.acquire()).rejects.toBeInstanceOf(ContextPoolTimeoutError);
    expect(contexts.stats().waiting).toBe(0);
    await contexts.close();
  });

  it("hands a released context to the oldest waiter", async () => {
    const contexts = pool({ maxContexts: 1, acquireTimeoutMs: 2_000 });
    const lease = await contexts.acquire();
    const order: number[] = [];
    const waiting = [1, 2].map((n) =>
      contexts.acquire().then((next) => {
        order.push(n);
        next.release(true);
      }),
    );
    lease.release(true);
    await Promise.all(waiting);
    expect(order).toEqual([1, 2]);
    await contexts.close();
  });

  it("retires a context released as unhealthy, or after its request budget, and starts a fresh one", async () => {
    const contexts = pool({ maxContexts: 1, maxRequestsPerContext: 2, acquireTimeoutMs: 2_000 });
    const first = await contexts.acquire();
    first.release(false);
    expect(first.context.closed).toBe(true);
    const second = await contexts.acquire();
    expect(second.context).not.toBe(first.context);
    second.release(true);
    const again = await contexts.acquire();
    expect(again.context).toBe(second.context);
    again.release(true); // second use: retired
    const third = await contexts.acquire();
    expect(third.context).not.toBe(second.context);
    await contexts.close();
  });

  it("stops a wait when its signal aborts, and rejects waiters on close", async () => {
    const contexts = pool({ maxContexts: 1, acquireTimeoutMs: 5_000 });
    await contexts.acquire();
    const controller = new AbortController();
    const aborted = contexts.acquire(controller.signal);
    controller.abort(new Error("client gone"));
    await expect(aborted).rejects.toThrow("client gone");
    const closing = contexts.acquire();
    await contexts.close();
    await expect(closing).rejects.toBeInstanceOf(ContextPoolClosedError);
    await expect(contexts.acquire()).rejects.toBeInstanceOf(ContextPoolClosedError);
  });
});
