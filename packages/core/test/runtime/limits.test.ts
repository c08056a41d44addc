import { afterAll, describe, expect, it } from "vitest";
import { DanaMemoryLimitError, DanaRuntime, DanaRuntimeError, DanaTimeoutError } from "../../src/index.js";
import { createModuleFolder } from "../support/module-folder.js";

const runtime = await DanaRuntime.create();
afterAll(() => runtime.close());

const forever = "i = 0\nwhile True:\n    i = i + 1";

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected the request to fail");
    },
    (error: unknown) => error,
  );
}

describe("limits", () => {
  it("maxSteps stops a runaway loop with DanaTimeoutError (limit: steps)", async () => {
    await using ctx = runtime.createContext({ maxSteps: 1000 });
    const error = (await failure(ctx.eval(forever))) as DanaTimeoutError;
    expect(DanaTimeoutError.isInstance(error)).toBe(true);
    expect(error.timedOut).toBe(true);
    expect(error.limit).toBe("steps");
  });

  it("timeoutMs bounds interpreter time (limit: timeout)", async () => {
    await using ctx = runtime.createContext({ timeoutMs: 30 });
    const error = (await failure(ctx.eval(forever))) as DanaTimeoutError;
    expect(DanaTimeoutError.isInstance(error)).toBe(true);
    expect(error.limit).toBe("timeout");
  });

  it("maxRecursionDepth raises a RecursionError", async () => {
    await using ctx = runtime.createContext({ maxRecursionDepth: 20 });
    const error = (await failure(ctx.eval("def f(n):\n    return f(n + 1)\nf(0)"))) as DanaRuntimeError;
    expect(DanaRuntimeError.isInstance(error)).toBe(true);
    expect(error.danaType).toBe("RecursionError");
  });

  it("maxMemoryBytes stops a value from growing past the budget", async () => {
    await using ctx = runtime.createContext({ maxMemoryBytes: 10_000 });
    const error = await failure(ctx.eval('s = "x"\nwhile True:\n    s = s + s'));
    expect(DanaMemoryLimitError.isInstance(error)).toBe(true);
  });

  it("maxOutputBytes stops a program that prints too much", async () => {
    await using ctx = runtime.createContext({ maxOutputBytes: 100 });
    const error = (await failure(ctx.eval('while True:\n    print("spam")'))) as DanaRuntimeError;
    expect(DanaRuntimeError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(/output/i);
  });

  it("a request's signal cancels it, even while it waits on the host", async () => {
    let release: () => void = () => {};
    await using ctx = runtime.createContext({
      hostFunctions: { wait: () => new Promise<void>((resolve) => (release = resolve)) },
    });
    const controller = new AbortController();
    const running = ctx.eval("wait()\nwhile True:\n    pass", { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    const error = (await failure(running)) as DanaTimeoutError;
    expect(DanaTimeoutError.isInstance(error)).toBe(true);
    expect(error.limit).toBe("cancelled");
    release();
    // The cancelled program stops at its next step; the context stays usable.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await ctx.eval("1 + 1")).value).toBe(2);
  });

  it("a request's timeoutMs is wall-clock, host waits included", async () => {
    await using ctx = runtime.createContext({
      hostFunctions: { hang: () => new Promise((resolve) => setTimeout(resolve, 200)) },
    });
    const error = (await failure(ctx.eval("hang()", { timeoutMs: 20 }))) as DanaTimeoutError;
    expect(error.limit).toBe("timeout");
    expect(error.message).toContain("timeoutMs (20 ms)");
  });

  it("an already aborted signal rejects before running", async () => {
    await using ctx = runtime.createContext();
    const error = (await failure(ctx.eval('print("no")', { signal: AbortSignal.abort() }))) as DanaTimeoutError;
    expect(error.limit).toBe("cancelled");
  });

  it("Dana code cannot catch a limit error", async () => {
    await using ctx = runtime.createContext({ maxSteps: 500 });
    const source = "try:\n    while True:\n        pass\nexcept Exception:\n    caught = True\ncaught";
    expect(DanaTimeoutError.isInstance(await failure(ctx.eval(source)))).toBe(true);
  });
});

describe("fn.withOptions", () => {
  it("bounds and cancels calls of a Dana function", async () => {
    await using ctx = runtime.createContext({
      hostFunctions: { hang: () => new Promise((resolve) => setTimeout(resolve, 200)) },
    });
    const { value } = await ctx.eval("def slow():\n    hang()\n    return 1\nslow");
    const slow = value as import("../../src/index.js").DanaFunction<[], number>;
    const bounded = slow.withOptions({ timeoutMs: 20 });
    const error = (await failure(bounded())) as DanaTimeoutError;
    expect(error.limit).toBe("timeout");
    const controller = new AbortController();
    const cancelled = slow.withOptions({ signal: controller.signal })();
    controller.abort();
    expect(((await failure(cancelled)) as DanaTimeoutError).limit).toBe("cancelled");
    expect(() => slow.withOptions({ timeoutMs: -1 })).toThrow(RangeError);
    bounded.dispose();
    expect(slow.alive).toBe(true); // a variant does not own the handle
  });

  it("works on lazily loaded functions", async () => {
    const folder = createModuleFolder({ "waits.na": "def slow():\n    hang()\n    return 1\n" });
    try {
      await using ctx = runtime.createContext({
        modulePaths: [folder.path],
        hostFunctions: { hang: () => new Promise((resolve) => setTimeout(resolve, 200)) },
      });
      const slow = ctx.danaFunction<() => number>("waits.slow");
      const error = (await failure(slow.withOptions({ timeoutMs: 20 })())) as DanaTimeoutError;
      expect(error.limit).toBe("timeout");
      expect(await slow.withOptions({ timeoutMs: 5_000 })()).toBe(1);
    } finally {
      folder.remove();
    }
  });
});
