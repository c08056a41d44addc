/**
 * One conformance suite for every isolation mode (as pydantic/monty's `poolConformance.ts` does for its
 * backends): the same programs, through the public API only, must behave the same in-process, in a worker
 * thread and in a child process. Where the modes differ by design (memory isolation, crash containment), the
 * mode's `guarantees` say which expectation applies.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  CapabilityDeniedError,
  type DanaContext,
  type DanaContextOptions,
  DanaCrashedError,
  DanaError,
  type DanaFunction,
  DanaMemoryLimitError,
  DanaObject,
  DanaRuntime,
  DanaRuntimeError,
  DanaSyntaxError,
  DanaTimeoutError,
} from "../../src/index.js";

export type ConformanceMode = "inprocess" | "worker" | "process";

export interface ModeGuarantees {
  /** The sandbox has its own heap: exhausting it ends the sandbox, not the host. */
  readonly memoryIsolation: boolean;
  /**
   * A signal can stop a program busy in pure computation. In-process, such a program holds the host's event loop
   * until its own deadline, so no timer or signal can run meanwhile; only a program waiting on the host can be
   * cancelled there.
   */
  readonly cancelsBusyPrograms: boolean;
}

export const guaranteesOf: Record<ConformanceMode, ModeGuarantees> = {
  inprocess: { memoryIsolation: false, cancelsBusyPrograms: false },
  worker: { memoryIsolation: true, cancelsBusyPrograms: true },
  process: { memoryIsolation: true, cancelsBusyPrograms: true },
};

/** The generous ceiling the issue sets for stopping a runaway program; never a tight timing assertion. */
const wellUnderMs = 2_000;

const geometry = `
struct Point:
    x: int
    y: int

def area(width: int, height: int) -> int:
    return width * height

def scale(value, factor = 2):
    return value * factor

def make_point(x: int, y: int) -> Point:
    return Point(x = x, y = y)

def describe(p: Point) -> str:
    return f"{p.x},{p.y}"

def divide(a, b):
    return a / b
`;

async function failureOf(action: Promise<unknown>): Promise<unknown> {
  try {
    await action;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail, but it succeeded");
}

async function timed<T>(action: () => Promise<T>): Promise<{ outcome: T | unknown; elapsedMs: number }> {
  const started = performance.now();
  let outcome: T | unknown;
  try {
    outcome = await action();
  } catch (error) {
    outcome = error;
  }
  return { outcome, elapsedMs: performance.now() - started };
}

export function describeConformance(mode: ConformanceMode): void {
  const guarantees = guaranteesOf[mode];

  describe(`conformance: isolation "${mode}"`, () => {
    let runtime: DanaRuntime;
    let modules: string;
    const contexts: DanaContext[] = [];

    /** A context of this mode, closed after the suite. */
    const open = (options: DanaContextOptions = {}) => {
      const context = runtime.createContext({ isolation: mode, modulePaths: [modules], ...options });
      contexts.push(context);
      return context;
    };

    beforeAll(async () => {
      modules = mkdtempSync(join(tmpdir(), "dana-conformance-"));
      writeFileSync(join(modules, "geometry.na"), geometry);
      // No environment: the offline model answers reason(), whatever keys the machine has.
      runtime = await DanaRuntime.create({ env: {} });
    });

    // Each context holds a sandbox from the pool until closed: close them after every test.
    afterEach(async () => {
      await Promise.allSettled(contexts.splice(0).map((context) => context.close()));
    });

    afterAll(async () => {
      await runtime?.close();
      rmSync(modules, { recursive: true, force: true });
    });

    describe("calls", () => {
      it("evaluates programs and keeps top-level names between evals", async () => {
        const context = open();
        expect((await context.eval("x = 20\nx + 1")).value).toBe(21);
        expect((await context.eval("x * 2")).value).toBe(40);
      });

      it("calls module functions positionally and with keyword arguments", async () => {
        const context = open();
        const geometryModule = await context.importModule("geometry");
        const area = geometryModule.function<(width: number, height: number) => number>("area");
        expect(await area(3, 4)).toBe(12);
        const scale = geometryModule.function("scale") as DanaFunction;
        expect(await scale(5)).toBe(10);
        expect(await scale.callKwargs(3, { factor: 10 })).toBe(30);
      });

      it("returns functions defined by eval as callable DanaFunctions", async () => {
        const context = open();
        const { value } = await context.eval("def greet(name):\n    return 'hello ' + name\ngreet");
        expect(await (value as DanaFunction)("dana")).toBe("hello dana");
      });

      it("delivers print output with the result and to the stdout option", async () => {
        const seen: string[] = [];
        const context = open({ stdout: (text) => seen.push(text) });
        const result = await context.eval('print("one")\nprint("two")\n3');
        expect(result).toEqual({ value: 3, stdout: "one\ntwo\n" });
        expect(seen.join("")).toBe("one\ntwo\n");
      });
    });

    describe("structs", () => {
      it("returns struct instances as DanaObjects and accepts them back", async () => {
        const context = open();
        const geometryModule = await context.importModule("geometry");
        const point = (await geometryModule.function("make_point")(1, 2)) as DanaObject;
        expect(point).toBeInstanceOf(DanaObject);
        expect(point.structName).toBe("Point");
        expect(point.get("x")).toBe(1);
        expect(await geometryModule.function("describe")(point)).toBe("1,2");
      });

      it("writes fields through the sandbox, checked against the field type", async () => {
        const context = open();
        const point = (await (await context.importModule("geometry")).function("make_point")(1, 2)) as DanaObject;
        await point.set("x", 7);
        expect(await point.read("x")).toBe(7);
        await expect(point.set("x", "not a number")).rejects.toThrow();
      });
    });

    describe("conversion", () => {
      it("round-trips JSON-like data, big integers and hostile strings as data", async () => {
        const context = open();
        const data = {
          count: 3,
          ratio: 2.5,
          name: 'quote """ and \n newline; print("injected")',
          nothing: null,
          flags: [true, false],
          nested: { list: [1, [2, 3]], empty: {} },
        };
        expect((await context.eval("data", { inputs: { data } })).value).toEqual(data);
        expect((await context.eval("2 ** 70")).value).toBe(2n ** 70n);
        expect((await context.eval("n + 1", { inputs: { n: 2n ** 64n } })).value).toBe(2n ** 64n + 1n);
      });
    });

    describe("errors", () => {
      it("raises Dana errors with their Dana type and traceback", async () => {
        const context = open();
        const error = await failureOf((await context.importModule("geometry")).function("divide")(1, 0));
        expect(DanaRuntimeError.isInstance(error)).toBe(true);
        const runtimeError = error as DanaRuntimeError;
        expect(runtimeError.danaType).toBe("ZeroDivisionError");
        expect(runtimeError.frames.some((frame) => frame.function === "divide")).toBe(true);
        expect(runtimeError.stack).toMatch(/Traceback/);
      });

      it("reports every syntax error as DanaSyntaxError", async () => {
        const context = open();
        const error = await failureOf(context.eval("def broken(:\n    pass\nx = = 1"));
        expect(DanaSyntaxError.isInstance(error)).toBe(true);
        expect((error as DanaSyntaxError).diagnostics.length).toBeGreaterThan(0);
      });

      it("lets Dana catch host-side failures, and keeps the context usable after errors", async () => {
        const context = open({
          hostFunctions: {
            fails: () => {
              throw new Error("the host said no");
            },
          },
        });
        const caught = await context.eval(
          "try:\n    fails()\n    r = 'no'\nexcept Exception as e:\n    r = 'caught'\nr",
        );
        expect(caught.value).toBe("caught");
        await expect(context.eval("1 / 0")).rejects.toSatisfy((error) => DanaRuntimeError.isInstance(error));
        expect((await context.eval("1 + 1")).value).toBe(2);
      });
    });

    describe("capabilities", () => {
      it("denies reason() without the llm capability, and serves it with it", async () => {
        const denied = await failureOf(open().eval('reason("say hi")'));
        expect(CapabilityDeniedError.isInstance(denied)).toBe(true);
        expect((denied as CapabilityDeniedError).capability).toBe("llm");
        const granted = await open({ capabilities: ["llm"] }).eval('answer: str = reason("say hi")\nanswer');
        expect(typeof granted.value).toBe("string");
      });

      it("calls host functions the context was given, with converted arguments", async () => {
        const context = open({ hostFunctions: { double_it: (value: number) => value * 2 } });
        expect((await context.eval("double_it(21)")).value).toBe(42);
      });

      it("never runs a runtime host function the context was not granted", async () => {
        let called = false;
        const guarded = await DanaRuntime.create({
          env: {},
          hostFunctions: {
            runtime_secret: () => {
              called = true;
              return "secret";
            },
          },
        });
        try {
          const context = guarded.createContext({ isolation: mode });
          await expect(context.eval("runtime_secret()")).rejects.toSatisfy((error) => DanaError.isInstance(error));
          expect(called).toBe(false);
          const allowed = guarded.createContext({ isolation: mode, capabilities: ["host:runtime_secret"] });
          expect((await allowed.eval("runtime_secret()")).value).toBe("secret");
        } finally {
          await guarded.close();
        }
      });

      it("imports only from the context's module paths", async () => {
        const withoutPaths = runtime.createContext({ isolation: mode });
        contexts.push(withoutPaths);
        await expect(withoutPaths.importModule("geometry")).rejects.toSatisfy((error) => DanaError.isInstance(error));
      });
    });

    describe("limits", () => {
      it("ends `while true: pass` under timeoutMs 500 with DanaTimeoutError well under 2 s", async () => {
        const context = open({ timeoutMs: 500 });
        const { outcome, elapsedMs } = await timed(() => context.eval("while true:\n    pass"));
        expect(DanaTimeoutError.isInstance(outcome)).toBe(true);
        expect((outcome as DanaTimeoutError).timedOut).toBe(true);
        expect(elapsedMs).toBeLessThan(wellUnderMs);
        // The interpreter's own deadline fired: the sandbox survives and the context keeps its state.
        expect((await context.eval("1 + 1")).value).toBe(2);
      });

      it("allows deep recursion up to the default depth, and stops runaway recursion with RecursionError", async () => {
        // The sandbox's thread has its own (smaller) stack in worker mode: the depth budget must still fit in it.
        const context = open();
        const deep = await context.eval(
          "def depth(n):\n    if n == 0:\n        return 0\n    return 1 + depth(n - 1)\ndepth(990)",
        );
        expect(deep.value).toBe(990);
        const error = await failureOf(context.eval("def down(n):\n    return down(n + 1)\ndown(0)"));
        expect((error as DanaRuntimeError).danaType).toBe("RecursionError");
      });

      it("ends a program that doubles a list until memory runs out with DanaMemoryLimitError", async () => {
        const context = open({ maxMemoryBytes: 64 * 1024 * 1024, timeoutMs: 10_000 });
        const error = await failureOf(context.eval("xs = [1]\nwhile true:\n    xs = xs + xs"));
        expect(DanaMemoryLimitError.isInstance(error)).toBe(true);
        expect((await open().eval("'host alive'")).value).toBe("host alive");
      });

      it.runIf(guarantees.memoryIsolation)(
        "contains a real heap exhaustion: the sandbox dies, the host and other contexts do not",
        async () => {
          const bystander = open();
          await bystander.eval("kept = 41");
          const context = open({ maxMemoryBytes: 64 * 1024 * 1024, timeoutMs: 15_000 });
          // Each chunk is far below the per-value budget; only the sandbox's heap limit can stop this.
          const error = await failureOf(context.eval("chunks = []\nwhile true:\n    chunks.append([0] * 100000)"));
          expect(DanaMemoryLimitError.isInstance(error)).toBe(true);
          expect(DanaCrashedError.isInstance((error as Error).cause)).toBe(true);
          // The crashed context's state is gone; it says so instead of silently starting over.
          await expect(context.eval("1")).rejects.toSatisfy((next) => DanaError.isInstance(next));
          // The host and every other context keep working; a new context gets a fresh sandbox.
          expect((await bystander.eval("kept + 1")).value).toBe(42);
          expect((await open().eval("6 * 7")).value).toBe(42);
        },
      );
    });

    describe("cancellation", () => {
      it("cancels a program waiting on the host with an AbortSignal, and the context stays usable", async () => {
        const slow = () => new Promise((resolve) => setTimeout(() => resolve("late"), 1_000));
        const context = open({ hostFunctions: { slow } });
        await context.eval("state = 'kept'");
        const controller = new AbortController();
        setTimeout(() => controller.abort(), 100);
        const { outcome, elapsedMs } = await timed(() => context.eval("slow()", { signal: controller.signal }));
        expect(DanaTimeoutError.isInstance(outcome)).toBe(true);
        expect((outcome as DanaTimeoutError).limit).toBe("cancelled");
        expect(elapsedMs).toBeLessThan(wellUnderMs);
        expect((await context.eval("state")).value).toBe("kept");
      });

      it.runIf(guarantees.cancelsBusyPrograms)(
        "cancels a busy pure loop with an AbortSignal, keeping the context",
        async () => {
          const context = open({ timeoutMs: 30_000 });
          await context.eval("state = 'kept'");
          const controller = new AbortController();
          setTimeout(() => controller.abort(), 100);
          const { outcome, elapsedMs } = await timed(() =>
            context.eval("while true:\n    pass", { signal: controller.signal }),
          );
          expect(DanaTimeoutError.isInstance(outcome)).toBe(true);
          expect(elapsedMs).toBeLessThan(wellUnderMs);
          expect((await context.eval("state")).value).toBe("kept");
        },
      );

      it("rejects a call whose signal is already aborted without running it", async () => {
        const context = open();
        const error = await failureOf(context.eval("x = 1", { signal: AbortSignal.abort() }));
        expect(DanaTimeoutError.isInstance(error)).toBe(true);
      });
    });

    describe("concurrency", () => {
      it("answers many calls in flight on one context, each with its own result", async () => {
        const context = open();
        const area = (await context.importModule("geometry")).function<(w: number, h: number) => number>("area");
        const results = await Promise.all(Array.from({ length: 100 }, (_, index) => area(index, 2)));
        expect(results).toEqual(Array.from({ length: 100 }, (_, index) => index * 2));
      });

      it("keeps contexts apart while they run at the same time", async () => {
        const many = Array.from({ length: 4 }, () => open());
        await Promise.all(many.map((context, index) => context.eval(`who = ${index}`)));
        const answers = await Promise.all(many.map((context) => context.eval("who")));
        expect(answers.map((answer) => answer.value)).toEqual([0, 1, 2, 3]);
      });
    });

    describe("lifecycle", () => {
      it.runIf(guarantees.cancelsBusyPrograms)("closes a context while its program is still running", async () => {
        const context = open({ timeoutMs: 30_000 });
        const running = context.eval("while true:\n    pass").catch((error: unknown) => error);
        await new Promise((resolve) => setTimeout(resolve, 100));
        const { elapsedMs } = await timed(() => context.close());
        expect(elapsedMs).toBeLessThan(wellUnderMs);
        expect(DanaError.isInstance(await running)).toBe(true);
      });

      it("rejects use after close with a ResourceError, and close is idempotent", async () => {
        const context = open();
        expect((await context.eval("1")).value).toBe(1);
        await Promise.all([context.close(), context.close()]);
        await expect(context.eval("1")).rejects.toSatisfy((error) => DanaError.isInstance(error));
      });
    });
  });
}
