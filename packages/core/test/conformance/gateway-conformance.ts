/**
 * One suite, run once per sandbox backend: everything a user can observe must be the same whether the
 * sandbox runs in-process, behind the wire protocol, in a worker or in a child process.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CapabilityDeniedError,
  type DanaContext,
  type DanaContextOptions,
  DanaObject,
  DanaRuntime,
  DanaRuntimeError,
  type DanaRuntimeOptions,
  DanaSyntaxError,
  DanaTimeoutError,
  float,
  isTuple,
  ModuleNotFoundError,
  ResourceError,
  tuple,
} from "../../src/index.js";
import { createModuleFolder } from "../support/module-folder.js";

export interface ConformanceTarget {
  readonly name: string;
  readonly runtimeOptions?: DanaRuntimeOptions;
  readonly contextOptions?: DanaContextOptions;
}

const moduleSource = [
  "struct Point:",
  "    x: int",
  "    y: float = 0.0",
  "",
  "origin = Point(x=0)",
  "history = []",
  "",
  "def identity(value):",
  "    return value",
  "",
  "def add(a, b, scale=1):",
  "    history.append(a)",
  "    return (a + b) * scale",
  "",
  "def _hidden():",
  "    return 1",
  "",
].join("\n");

export function describeGatewayConformance(target: ConformanceTarget): void {
  describe(`gateway conformance: ${target.name}`, () => {
    const folder = createModuleFolder({ "geometry.na": moduleSource });
    let runtime: DanaRuntime;
    const context = (options: DanaContextOptions = {}): DanaContext =>
      runtime.createContext({ ...target.contextOptions, modulePaths: [folder.path], ...options });

    beforeAll(async () => {
      runtime = await DanaRuntime.create({
        ...target.runtimeOptions,
        hostFunctions: { shout: (text: string) => text.toUpperCase() },
      });
    });
    afterAll(async () => {
      await runtime.close();
      folder.remove();
    });

    it("evaluates with inputs and returns stdout", async () => {
      await using ctx = context();
      expect(await ctx.eval("print(a)\na * 2", { inputs: { a: 21 } })).toEqual({ value: 42, stdout: "21\n" });
    });

    it("calls module functions positionally and with keywords", async () => {
      await using ctx = context();
      const geometry = await ctx.importModule("geometry");
      const add = geometry.function<(a: number, b: number) => number>("add");
      expect(add.parameterNames).toEqual(["a", "b", "scale"]);
      expect(await add(1, 2)).toBe(3);
      expect(await add.callKwargs(1, 2, { scale: 10 })).toBe(30);
      expect(await geometry.read("history")).toEqual([1, 1]);
      expect(geometry.has("_hidden")).toBe(false);
    });

    it("returns struct instances as DanaObjects with validated writes", async () => {
      await using ctx = context();
      const geometry = await ctx.importModule("geometry");
      const point = (await geometry.function("Point").callKwargs({ x: 3 })) as DanaObject;
      expect(point).toBeInstanceOf(DanaObject);
      expect(point.structName).toBe("Point");
      expect(point.toJSON()).toEqual({ x: 3, y: 0 });
      await point.set("y", 2);
      expect(await point.read("y")).toBe(2);
      expect(point.get("y")).toBe(2);
      await expect(point.set("x", "three")).rejects.toThrow(/expects int/);
      expect(await geometry.function("identity")(point)).toBe(point);
    });

    it.each<[string, unknown, unknown]>([
      ["null", null, null],
      ["undefined", undefined, null],
      ["boolean", true, true],
      ["int", 7, 7],
      ["float", 2.5, 2.5],
      ["integral float", float(3), 3],
      ["big int", 2n ** 64n, 2n ** 64n],
      ["integral number beyond 2^53", 1e20, 100000000000000000000n],
      ["NaN", Number.NaN, Number.NaN],
      ["-0", -0, -0],
      ["Infinity", Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY],
      ["string", 'quote """ and {braces}', 'quote """ and {braces}'],
      ["array", [1, [2, "x"]], [1, [2, "x"]]],
      ["object", { a: 1, b: { c: [true] } }, { a: 1, b: { c: [true] } }],
      ["Map with string keys", new Map([["k", 1]]), { k: 1 }],
      [
        "Map with int keys",
        new Map([
          [1, "one"],
          [2, "two"],
        ]),
        new Map([
          [1, "one"],
          [2, "two"],
        ]),
      ],
      ["Set", new Set([1, "a"]), new Set([1, "a"])],
      ["Date", new Date(Date.UTC(2024, 0, 2)), "2024-01-02T00:00:00.000Z"],
      ["Uint8Array", new Uint8Array([1, 255]), [1, 255]],
    ])("round-trips %s through a Dana function", async (_label, input, expected) => {
      await using ctx = context();
      const identity = (await ctx.importModule("geometry")).function("identity");
      const result = await identity(input);
      if (typeof expected === "number" && Number.isNaN(expected)) expect(result).toBeNaN();
      else if (Object.is(expected, -0)) expect(Object.is(result, -0)).toBe(true);
      else expect(result).toEqual(expected);
    });

    it("round-trips tuples as marked arrays", async () => {
      await using ctx = context();
      const result = await (await ctx.importModule("geometry")).function("identity")(tuple(1, "a"));
      expect(isTuple(result)).toBe(true);
      expect([...(result as unknown[])]).toEqual([1, "a"]);
    });

    it("reports syntax errors with every diagnostic", async () => {
      await using ctx = context();
      const error = await ctx.eval("def (:").catch((caught: unknown) => caught);
      expect(DanaSyntaxError.isInstance(error)).toBe(true);
      expect((error as DanaSyntaxError).diagnostics.length).toBeGreaterThan(0);
    });

    it("reports runtime errors with Dana type and traceback", async () => {
      await using ctx = context();
      const error = (await ctx
        .eval('{"a": 1}["b"]', { file: "lookup.na" })
        .catch((caught: unknown) => caught)) as DanaRuntimeError;
      expect(DanaRuntimeError.isInstance(error)).toBe(true);
      expect(error.danaType).toBe("KeyError");
      expect(error.location?.file).toBe("lookup.na");
      expect(error.stack).toContain("Traceback");
    });

    it("reports missing modules", async () => {
      await using ctx = context();
      expect(ModuleNotFoundError.isInstance(await ctx.importModule("missing").catch((caught: unknown) => caught))).toBe(
        true,
      );
    });

    it("checks capabilities on the host", async () => {
      await using ctx = context();
      const llm = await ctx.eval('reason("hi")').catch((caught: unknown) => caught);
      expect(CapabilityDeniedError.isInstance(llm)).toBe(true);
      const host = await ctx.eval('shout("x")').catch((caught: unknown) => caught);
      expect((host as CapabilityDeniedError).capability).toBe("host:shout");
      await using granted = context({ capabilities: ["host:shout"] });
      expect((await granted.eval('shout("x")')).value).toBe("X");
    });

    it("serves host functions with keyword arguments", async () => {
      await using ctx = context({
        hostFunctions: { join: (a: string, options: { separator: string }) => [a, a].join(options.separator) },
      });
      expect((await ctx.eval('join("ab", separator="-")')).value).toBe("ab-ab");
    });

    it("enforces step limits", async () => {
      await using ctx = context({ maxSteps: 200 });
      const error = await ctx.eval("while True:\n    pass").catch((caught: unknown) => caught);
      expect(DanaTimeoutError.isInstance(error)).toBe(true);
    });

    it("refuses use after close", async () => {
      const ctx = context();
      const identity = (await ctx.importModule("geometry")).function("identity");
      await ctx.close();
      await expect(identity(1)).rejects.toThrow(ResourceError);
      await expect(ctx.eval("1")).rejects.toThrow(/closed/);
    });
  });
}
