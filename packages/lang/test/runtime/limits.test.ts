import { describe, expect, it } from "vitest";
import { type DanaException, DanaLimitError, type Value } from "../../src/index.js";
import { createInterpreter, dedent, failure, lines } from "./helpers.js";

function limitOf(error: DanaException): string | null {
  return error instanceof DanaLimitError ? error.limit : null;
}

describe("limits", () => {
  it("stops an endless loop with TimeoutError under timeoutMs, even inside try/except", async () => {
    const error = await failure(
      `
        while True:
            try:
                x = 1
            except:
                pass
      `,
      {},
      { timeoutMs: 50 },
    );
    expect(error.danaType).toBe("TimeoutError");
    expect(limitOf(error)).toBe("timeout");
    expect(error.catchable).toBe(false);
  });

  it("stops after maxSteps loop back-edges and calls, skipping finally", async () => {
    const { interpreter, stdout } = createInterpreter({}, { maxSteps: 1000 });
    const source = dedent(`
      try:
          while true:
              pass
      except Exception:
          print("caught")
      finally:
          print("finally")
    `);
    const error = await interpreter.evaluate(source).catch((caught: unknown) => caught as DanaException);
    expect(limitOf(error as DanaException)).toBe("steps");
    expect(stdout()).toBe("");
    const calls = await failure("def f(n):\n    return f(n)\nf(0)\n", {}, { maxSteps: 100, maxRecursionDepth: 1000 });
    expect(limitOf(calls)).toBe("steps");
    const comprehension = await failure("xs = [i for i in range(100000)]\n", {}, { maxSteps: 500 });
    expect(limitOf(comprehension)).toBe("steps");
  });

  it("resets the budgets for each evaluation and honours per-evaluation overrides", async () => {
    const { interpreter } = createInterpreter({}, { maxSteps: 5000 });
    const loop = "i = 0\nwhile i < 3000:\n    i = i + 1\ni\n";
    expect((await interpreter.evaluate(loop)).value).toBe(3000);
    expect((await interpreter.evaluate(loop)).value).toBe(3000);
    const error = await interpreter.evaluate(loop, { limits: { maxSteps: 100 } }).catch((caught) => caught);
    expect(limitOf(error)).toBe("steps");
  });

  it("raises a catchable RecursionError at maxRecursionDepth", async () => {
    const error = await failure("def f(n):\n    return f(n + 1)\nf(0)\n", {}, { maxRecursionDepth: 50 });
    expect(error.danaType).toBe("RecursionError");
    expect(error.catchable).toBe(true);
  });

  it("fits 1000 nested Dana calls in the default host stack, on both the sync and the generator path", async () => {
    const sync = await lines(`
      def depth(n):
          if n == 0:
              return 0
          return depth(n - 1) + 1
      print(depth(990))
    `);
    expect(sync).toEqual(["990"]);
    // `wait` is a host function: depth() may suspend, so it runs on generator closures.
    const host = { functions: new Map([["wait", async () => null as Value]]) };
    const generator = await lines(
      `
        def depth(n):
            if n == 0:
                wait()
                return 0
            return depth(n - 1) + 1
        print(depth(990))
      `,
      host,
    );
    expect(generator).toEqual(["990"]);
  });

  it("checks the deadline right after a builtin that worked on a large value", async () => {
    const error = await failure("xs = sorted(list(range(2000000)))\nprint(len(xs))\n", {}, { timeoutMs: 10 });
    expect(error.danaType).toBe("TimeoutError");
  });

  it("stops a comprehension that grows past the memory budget with MemoryError", async () => {
    const error = await failure("xs = [i for i in range(10000000)]\n", {}, { maxMemoryBytes: 1_000_000 });
    expect(error.danaType).toBe("MemoryError");
    expect(limitOf(error)).toBe("memory");
  });

  it("enforces the output budget with OutputLimitError", async () => {
    const error = await failure('while true:\n    print("xxxxxxxxxx")\n', {}, { maxOutputBytes: 1000 });
    expect(error.danaType).toBe("OutputLimitError");
    expect(limitOf(error)).toBe("output");
  });

  it("cancel() stops a running evaluation at its next step", async () => {
    let interpreterReference: { cancel(reason?: string): void } | null = null;
    let calls = 0;
    const { interpreter } = createInterpreter({
      functions: new Map([
        [
          "tick",
          () => {
            calls++;
            if (calls === 3) interpreterReference?.cancel("stop now");
            return null;
          },
        ],
      ]),
    });
    interpreterReference = interpreter;
    const error = await interpreter.evaluate("while true:\n    tick()\n").catch((caught) => caught);
    expect(error).toBeInstanceOf(DanaLimitError);
    expect(error.danaType).toBe("CancelledError");
    expect(error.message).toBe("stop now");
    // The next evaluation is not affected.
    expect((await interpreter.evaluate("1 + 1\n")).value).toBe(2);
  });

  it("cancel() also stops a program that is waiting for the host", async () => {
    const never = () => new Promise<Value>(() => undefined);
    const { interpreter } = createInterpreter({ functions: new Map([["never", never]]) });
    const pending = interpreter.evaluate("never()\n").catch((caught) => caught);
    await new Promise((resolve) => setTimeout(resolve, 10));
    interpreter.cancel();
    const error = await pending;
    expect(error).toBeInstanceOf(DanaLimitError);
    expect(error.limit).toBe("cancelled");
  });

  it("does not count time spent waiting for the host against timeoutMs", async () => {
    const slow = () => new Promise<Value>((resolve) => setTimeout(() => resolve(1), 120));
    const { interpreter } = createInterpreter({ functions: new Map([["slow", slow]]) }, { timeoutMs: 80 });
    const { value } = await interpreter.evaluate("slow() + slow()\n");
    expect(value).toBe(2);
  });
});
