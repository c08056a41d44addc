import { afterAll, describe, expect, it } from "vitest";
import { DanaRuntime, DanaRuntimeError, DanaSyntaxError, ResourceError, TypeConversionError } from "../../src/index.js";

const runtime = await DanaRuntime.create();
afterAll(() => runtime.close());

describe("ctx.eval", () => {
  it("returns the last value and what was printed", async () => {
    await using ctx = runtime.createContext();
    expect(await ctx.eval('print("a", 1)\nx = 2\nx * 21')).toEqual({ value: 42, stdout: "a 1\n" });
  });

  it("binds inputs as values, never as source text", async () => {
    await using ctx = runtime.createContext();
    const hostile = '"""\nprint("injected")\n"""';
    const { value, stdout } = await ctx.eval("len(text)", { inputs: { text: hostile } });
    expect(value).toBe(hostile.length);
    expect(stdout).toBe("");
  });

  it("keeps top-level names between evals of one context, never across contexts", async () => {
    await using first = runtime.createContext();
    await using second = runtime.createContext();
    await first.eval("secret = 7");
    expect((await first.eval("secret")).value).toBe(7);
    expect((await second.eval("secret")).value).toBeNull(); // undefined names read as None in Dana
  });

  it("sends output to the stdout sink as it happens", async () => {
    const chunks: string[] = [];
    await using ctx = runtime.createContext({ stdout: (text) => chunks.push(text) });
    await ctx.eval('print("one")\nprint("two")');
    expect(chunks.join("")).toBe("one\ntwo\n");
  });

  it("reports every syntax diagnostic", async () => {
    await using ctx = runtime.createContext();
    const error = await ctx.eval("x = (1,\ny = ]", { file: "broken.na" }).catch((caught: unknown) => caught);
    expect(DanaSyntaxError.isInstance(error)).toBe(true);
    const syntax = error as DanaSyntaxError;
    expect(syntax.diagnostics.length).toBeGreaterThan(0);
    expect(syntax.diagnostics[0]!.file).toBe("broken.na");
  });

  it("raises Dana errors with type, location and the Dana traceback before the host stack", async () => {
    await using ctx = runtime.createContext();
    const source = "def divide(a, b):\n    return a / b\n\ndivide(1, 0)";
    const error = (await ctx.eval(source, { file: "math.na" }).catch((caught: unknown) => caught)) as DanaRuntimeError;
    expect(DanaRuntimeError.isInstance(error)).toBe(true);
    expect(error.danaType).toBe("ZeroDivisionError");
    expect(error.location?.file).toBe("math.na");
    expect(error.frames.some((frame) => frame.function === "divide" && frame.line === 2)).toBe(true);
    expect(error.traceback()).toContain('File "math.na", line 2');
    const stack = error.stack ?? "";
    expect(stack.indexOf("Traceback")).toBeGreaterThan(-1);
    expect(stack.indexOf("Traceback")).toBeLessThan(stack.indexOf("--- host stack ---"));
  });

  it("validates its arguments", async () => {
    await using ctx = runtime.createContext();
    await expect(ctx.eval(42 as unknown as string)).rejects.toThrow("Expected string, got number at argument 'source'");
    await expect(ctx.eval("1", { inputs: { "not a name": 1 } })).rejects.toThrow("Invalid Dana name 'not a name'");
    await expect(ctx.eval("1", { inputs: { when: Symbol("x") } })).rejects.toThrow(TypeConversionError);
    await expect(ctx.eval("1", { timeoutMs: -5 })).rejects.toThrow(RangeError);
  });

  it("rejects unknown context options with the list of valid ones", () => {
    expect(() => runtime.createContext({ timeoutMS: 5 } as never)).toThrow(
      /Unknown option 'timeoutMS'.*valid options: isolation/,
    );
    expect(() => runtime.createContext({ isolation: "vm" } as never)).toThrow(/"inprocess", "worker" or "process"/);
    expect(() => runtime.createContext({ maxSteps: 1.5 })).toThrow(/positive integer/);
    expect(() => runtime.createContext({ hostFunctions: { "bad-name": () => 1 } })).toThrow(
      /Invalid Dana function name/,
    );
    expect(() => runtime.createContext({ stdout: "console" as never })).toThrow(/at option 'stdout'/);
  });
});

describe("lifetime", () => {
  it("close is idempotent and use after close says what to do", async () => {
    const ctx = runtime.createContext();
    await ctx.close();
    await ctx.close();
    expect(ctx.closed).toBe(true);
    const error = await ctx.eval("1").catch((caught: unknown) => caught);
    expect(ResourceError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain("runtime.createContext()");
  });

  it("await using closes the context", async () => {
    let escaped: import("../../src/index.js").DanaContext;
    {
      await using ctx = runtime.createContext();
      escaped = ctx;
    }
    expect(escaped.closed).toBe(true);
  });

  it("closing the runtime closes its contexts and refuses new ones", async () => {
    const own = await DanaRuntime.create();
    const ctx = own.createContext();
    await own.close();
    await own.close();
    expect(ctx.closed).toBe(true);
    expect(() => own.createContext()).toThrow(/DanaRuntime is closed; create a new one with DanaRuntime.create\(\)/);
    await expect(own.reason("x")).rejects.toThrow(ResourceError);
  });

  it("aborting the context's signal closes it", async () => {
    const controller = new AbortController();
    const ctx = runtime.createContext({ signal: controller.signal });
    controller.abort();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(ctx.closed).toBe(true);
  });

  it("rejects unknown runtime options", async () => {
    await expect(DanaRuntime.create({ modle: "x" } as never)).rejects.toThrow(
      /Unknown option 'modle'.*valid options: model/,
    );
    await expect(DanaRuntime.create({ cache: { size: 1 } } as never)).rejects.toThrow(/Unknown option 'size'/);
  });

  it("runtime.eval uses a default context; contextDefaults apply to every context", async () => {
    await using own = await DanaRuntime.create({ contextDefaults: { maxSteps: 50 } });
    expect((await own.eval("1 + 1")).value).toBe(2);
    await expect(own.createContext().eval("i = 0\nwhile True:\n    i = i + 1")).rejects.toThrow(/step/i);
  });
});

describe("concurrent evaluations", () => {
  it("each returns only its own output", async () => {
    await using ctx = runtime.createContext({
      hostFunctions: { pause: () => new Promise((resolve) => setTimeout(resolve, 10)) },
    });
    const [first, second] = await Promise.all([
      ctx.eval('print("first")\npause()\nprint("first again")\n1'),
      ctx.eval('print("second")\n2'),
    ]);
    expect(first).toEqual({ value: 1, stdout: "first\nfirst again\n" });
    expect(second).toEqual({ value: 2, stdout: "second\n" });
  });
});
