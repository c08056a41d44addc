import { afterAll, describe, expect, it } from "vitest";
import { CapabilityDeniedError, DanaRuntime, DanaRuntimeError, tuple } from "../../src/index.js";

const shared = { weather: (city: string) => `sunny in ${city}` };
const runtime = await DanaRuntime.create({ hostFunctions: shared });
afterAll(() => runtime.close());

describe("host functions (Dana calls TypeScript)", () => {
  it("receive converted arguments and return converted values", async () => {
    const seen: unknown[] = [];
    await using ctx = runtime.createContext({
      hostFunctions: {
        record: (...args: unknown[]) => {
          seen.push(args);
          return { ok: true, echo: args[0] };
        },
      },
    });
    const { value } = await ctx.eval('record([1, 2.5], (1, "a"), {"k": None})');
    expect(value).toEqual({ ok: true, echo: [1, 2.5] });
    expect(seen[0]).toEqual([[1, 2.5], tuple(1, "a"), { k: null }]);
  });

  it("get keyword arguments as a trailing object", async () => {
    await using ctx = runtime.createContext({
      hostFunctions: {
        greet: (name: string, options?: { excited?: boolean }) => `hi ${name}${options?.excited ? "!" : ""}`,
      },
    });
    expect((await ctx.eval('greet("ana", excited=True)')).value).toBe("hi ana!");
  });

  it("may be async without blocking the event loop", async () => {
    let ticked = false;
    setTimeout(() => {
      ticked = true;
    }, 1);
    await using ctx = runtime.createContext({
      hostFunctions: { slow: () => new Promise((resolve) => setTimeout(() => resolve(ticked), 20)) },
    });
    expect((await ctx.eval("slow()")).value).toBe(true);
  });

  it("failures become catchable Dana errors, and escape with the Dana traceback", async () => {
    await using ctx = runtime.createContext({
      hostFunctions: {
        fail: () => {
          throw new Error("disk on fire");
        },
      },
    });
    const caught = await ctx.eval("try:\n    fail()\nexcept Exception as e:\n    result = e.message\nresult");
    expect(caught.value).toContain("disk on fire");
    const error = (await ctx.eval("fail()").catch((thrown: unknown) => thrown)) as DanaRuntimeError;
    expect(DanaRuntimeError.isInstance(error)).toBe(true);
    expect(error.danaType).toBe("HostError");
    expect(error.message).toContain("disk on fire");
  });

  it("can call back into Dana functions passed to them", async () => {
    await using ctx = runtime.createContext({
      hostFunctions: { apply_twice: async (fn: (x: number) => Promise<number>, x: number) => fn(await fn(x)) },
    });
    expect((await ctx.eval("apply_twice(lambda n :: n * 3, 2)")).value).toBe(18);
  });

  it("runtime-level functions need a host:<name> grant; the denial says how to grant", async () => {
    await using denied = runtime.createContext();
    const error = (await denied.eval('weather("Oslo")').catch((thrown: unknown) => thrown)) as CapabilityDeniedError;
    expect(CapabilityDeniedError.isInstance(error)).toBe(true);
    expect(error.capability).toBe("host:weather");
    expect(error.message).toContain('"host:weather"');
    await using granted = runtime.createContext({ capabilities: ["host:weather"] });
    expect((await granted.eval('weather("Oslo")')).value).toBe("sunny in Oslo");
  });

  it("Dana code can catch a capability denial by name", async () => {
    await using ctx = runtime.createContext();
    const { value } = await ctx.eval(
      'try:\n    weather("x")\n    r = "called"\nexcept CapabilityDeniedError:\n    r = "denied"\nr',
    );
    expect(value).toBe("denied");
  });

  it("JavaScript functions passed as values become callables in-process", async () => {
    await using ctx = runtime.createContext();
    const { value } = await ctx.eval("double(21)", { inputs: { double: (x: number) => x * 2 } });
    expect(value).toBe(42);
  });

  it("results that cannot be converted are Dana errors naming the path", async () => {
    await using ctx = runtime.createContext({ hostFunctions: { bad: () => ({ when: Symbol("x") }) } });
    await expect(ctx.eval("bad()")).rejects.toThrow(/bad\(\) result\.when/);
  });
});

describe("the llm capability", () => {
  it("is denied by default with a message that says how to grant it", async () => {
    await using ctx = runtime.createContext();
    const error = (await ctx.eval('reason("hello")').catch((thrown: unknown) => thrown)) as CapabilityDeniedError;
    expect(CapabilityDeniedError.isInstance(error)).toBe(true);
    expect(error.capability).toBe("llm");
    expect(error.message).toContain('capabilities: ["llm"]');
  });
});

describe("argument conversion errors", () => {
  it("name the path inside the argument before anything runs", async () => {
    class Moment {}
    const calls: unknown[] = [];
    await using ctx = runtime.createContext({ hostFunctions: { spy: (value: unknown) => calls.push(value) } });
    const { value: process } = await ctx.eval("def process(table):\n    spy(table)\n    return 1\nprocess");
    const rows = [{}, {}, {}, { when: new Moment() }];
    const error = await (process as (table: unknown) => Promise<unknown>)({ rows }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(Error);
    expect((error as { path?: string }).path).toBe("args[0].rows[3].when");
    expect((error as Error).message).toContain("an instance of Moment");
    expect(calls).toHaveLength(0);
  });
});

describe("errors passing through host functions", () => {
  it("keep their Dana type when a callback into Dana failed", async () => {
    await using ctx = runtime.createContext({
      hostFunctions: { call_with_zero: (fn: (x: number) => Promise<unknown>) => fn(0) },
    });
    const source =
      'try:\n    call_with_zero(lambda x :: 1 / x)\n    r = "no error"\nexcept ZeroDivisionError:\n    r = "caught"\nr';
    expect((await ctx.eval(source)).value).toBe("caught");
  });
});
