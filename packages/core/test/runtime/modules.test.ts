import { symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  CapabilityDeniedError,
  DanaModule,
  DanaObject,
  DanaRuntime,
  DanaRuntimeError,
  type DanaSyntaxError,
  ModuleNotFoundError,
  ResourceError,
} from "../../src/index.js";
import { createModuleFolder } from "../support/module-folder.js";

const folder = createModuleFolder({
  "shapes.na": [
    "struct Rect:",
    "    width: float",
    "    height: int",
    "",
    "calls = []",
    "unit = Rect(width=1.0, height=1)",
    "",
    "def area(r: Rect) -> float:",
    "    return r.width * r.height",
    "",
    "def scale(r: Rect, factor: float = 2.0) -> Rect:",
    "    return Rect(width=r.width * factor, height=r.height)",
    "",
    "def bump():",
    "    calls.append(1)",
    "    return len(calls)",
    "",
    "def _helper():",
    '    return "private"',
    "",
  ].join("\n"),
  "analytics/__init__.na": "version = 3\n",
  "analytics/process.na": "from .stats import mean\n\ndef process_data(xs):\n    return mean(xs) * 2\n",
  "analytics/stats.na": "def mean(xs):\n    return sum(xs) / len(xs)\n",
  "main.na": 'import shapes\nprint("running")\nshapes.area(shapes.unit)\n',
});
const outside = createModuleFolder({ "secret.na": "secret = 42\n" });
symlinkSync(join(outside.path, "secret.na"), join(folder.path, "leak.na"));

const runtime = await DanaRuntime.create();
afterAll(async () => {
  await runtime.close();
  folder.remove();
  outside.remove();
});

describe("modules", () => {
  it("imports a module whose functions are DanaFunctions", async () => {
    await using ctx = runtime.createContext({ modulePaths: [folder.path] });
    const shapes = await ctx.importModule("shapes");
    expect(shapes).toBeInstanceOf(DanaModule);
    expect(shapes.name).toBe("shapes");
    const area = shapes.function<(r: unknown) => number>("area");
    expect(area.name).toBe("area");
    expect(area.parameterNames).toEqual(["r"]);
    expect(await area(shapes.get("unit"))).toBe(1);
  });

  it("calls with keyword arguments in a trailing object", async () => {
    await using ctx = runtime.createContext({ modulePaths: [folder.path] });
    const shapes = await ctx.importModule("shapes");
    const rect = (await shapes.function("Rect").callKwargs({ width: 2, height: 3 })) as DanaObject;
    const scaled = (await shapes.function("scale").callKwargs(rect, { factor: 10 })) as DanaObject;
    expect(scaled.toJSON()).toEqual({ width: 20, height: 3 });
    await expect(shapes.function("scale").callKwargs(rect, 5 as never)).rejects.toThrow(/keyword arguments/);
  });

  it("hides private names and lists public members", async () => {
    await using ctx = runtime.createContext({ modulePaths: [folder.path] });
    const shapes = await ctx.importModule("shapes");
    expect(shapes.names).toEqual(expect.arrayContaining(["Rect", "calls", "unit", "area", "scale", "bump"]));
    expect(shapes.has("_helper")).toBe(false);
    expect(() => shapes.get("_helper")).toThrow(/no public member '_helper'/);
    await expect(shapes.read("_helper")).rejects.toThrow(/private/);
    expect(Object.keys(shapes.exports)).not.toContain("_helper");
  });

  it("reads module variables, live in-process", async () => {
    await using ctx = runtime.createContext({ modulePaths: [folder.path] });
    const shapes = await ctx.importModule("shapes");
    expect(shapes.get("calls")).toEqual([]);
    expect(await shapes.function("bump")()).toBe(1);
    expect(shapes.get("calls")).toEqual([1]);
    expect(await shapes.read("calls")).toEqual([1]);
  });

  it("gives every context its own module instances", async () => {
    await using first = runtime.createContext({ modulePaths: [folder.path] });
    await using second = runtime.createContext({ modulePaths: [folder.path] });
    await (await first.importModule("shapes")).function("bump")();
    await (await first.importModule("shapes")).function("bump")();
    expect((await first.importModule("shapes")).get("calls")).toEqual([1, 1]);
    expect((await second.importModule("shapes")).get("calls")).toEqual([]);
  });

  it("resolves packages, __init__ files and relative imports", async () => {
    await using ctx = runtime.createContext({ modulePaths: [folder.path] });
    expect((await ctx.importModule("analytics")).get("version")).toBe(3);
    const process = await ctx.importModule("analytics.process");
    expect(await process.function("process_data")([1, 2, 3])).toBe(4);
  });

  it("finds modules through DANAPATH", async () => {
    await using own = await DanaRuntime.create({ env: { DANAPATH: folder.path } });
    await using ctx = own.createContext();
    expect((await ctx.importModule("analytics")).get("version")).toBe(3);
  });

  it("raises ModuleNotFoundError naming the module", async () => {
    await using ctx = runtime.createContext({ modulePaths: [folder.path] });
    const error = (await ctx.importModule("nope.missing").catch((caught: unknown) => caught)) as ModuleNotFoundError;
    expect(ModuleNotFoundError.isInstance(error)).toBe(true);
    expect(error.moduleName).toBe("nope.missing");
    await expect(ctx.importModule("../etc")).rejects.toThrow(/Invalid module name/);
  });

  it("refuses a module that is a symlink out of the roots, and says so", async () => {
    await using ctx = runtime.createContext({ modulePaths: [folder.path] });
    const error = await ctx.importModule("leak").catch((caught: unknown) => caught);
    expect(CapabilityDeniedError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain("symlink");
  });

  it("danaFunction loads lazily and is typed by the caller", async () => {
    await using ctx = runtime.createContext({ modulePaths: [folder.path] });
    const processData = ctx.danaFunction<(xs: number[]) => number>("analytics.process.process_data");
    expect(processData.name).toBe("process_data");
    expect(await processData([2, 4])).toBe(6);
    expect(processData.parameterNames).toEqual(["xs"]);
    expect(() => ctx.danaFunction("nodot")).toThrow(/"module.function"/);
  });

  it("reloadModules re-reads changed files; danaFunction follows", async () => {
    const own = createModuleFolder({ "live.na": "def value():\n    return 1\n" });
    try {
      await using ctx = runtime.createContext({ modulePaths: [own.path] });
      const value = ctx.danaFunction<() => number>("live.value");
      expect(await value()).toBe(1);
      own.write("live.na", "def value():\n    return 2\n");
      expect(await value()).toBe(1); // cached until reloaded
      await ctx.reloadModules();
      expect(await value()).toBe(2);
      expect(await (await ctx.importModule("live")).function("value")()).toBe(2);
    } finally {
      own.remove();
    }
  });

  it("watch mode reloads a module when its file changes", async () => {
    const own = createModuleFolder({ "watched.na": "answer = 1\n" });
    try {
      await using ctx = runtime.createContext({ modulePaths: [own.path], watchModules: true });
      expect((await ctx.importModule("watched")).get("answer")).toBe(1);
      writeFileSync(join(own.path, "watched.na"), "answer = 2\n");
      let answer: unknown = 1;
      for (let attempt = 0; attempt < 100 && answer !== 2; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        answer = (await ctx.importModule("watched")).get("answer");
      }
      expect(answer).toBe(2);
    } finally {
      own.remove();
    }
  });
});

describe("watch mode and broken edits", () => {
  it("keeps the old version when an edit does not parse, reports the diagnostics, and picks up the fix", async () => {
    const own = createModuleFolder({ "watched.na": "def answer():\n    return 1\n" });
    const reported: DanaSyntaxError[] = [];
    try {
      await using ctx = runtime.createContext({
        modulePaths: [own.path],
        watchModules: true,
        onModuleReloadError: (error) => reported.push(error),
      });
      const answer = ctx.danaFunction<() => number>("watched.answer");
      expect(await answer()).toBe(1);
      writeFileSync(join(own.path, "watched.na"), "def answer(:\n    return 2\n");
      for (let attempt = 0; attempt < 200 && reported.length === 0; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(reported).toHaveLength(1);
      expect(reported[0]!.diagnostics[0]).toMatchObject({ type: "SyntaxError", span: { line: 1 } });
      expect(await answer()).toBe(1);
      writeFileSync(join(own.path, "watched.na"), "def answer():\n    return 3\n");
      let value = 1;
      for (let attempt = 0; attempt < 200 && value !== 3; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        value = await answer();
      }
      expect(value).toBe(3);
    } finally {
      own.remove();
    }
  });
});

describe("ctx.run", () => {
  it("runs a file inside the module paths", async () => {
    await using ctx = runtime.createContext({ modulePaths: [folder.path] });
    expect(await ctx.run(join(folder.path, "main.na"))).toEqual({ value: 1, stdout: "running\n" });
  });

  it("refuses files outside the allowed roots, and symlinks out of them", async () => {
    await using ctx = runtime.createContext({ modulePaths: [folder.path] });
    const outsideError = await ctx.run(join(outside.path, "secret.na")).catch((caught: unknown) => caught);
    expect(CapabilityDeniedError.isInstance(outsideError)).toBe(true);
    expect((outsideError as CapabilityDeniedError).capability).toBe("fs:read");
    await expect(ctx.run(join(folder.path, "..", "x.na"))).rejects.toThrow(/outside the allowed roots/);
    await expect(ctx.run(join(folder.path, "leak.na"))).rejects.toThrow(/symlink/);
  });

  it("reads files in granted fs:read roots", async () => {
    await using ctx = runtime.createContext({ capabilities: [{ type: "fs:read", roots: [outside.path] }] });
    expect((await ctx.run(join(outside.path, "secret.na"))).value).toBe(42);
  });

  it("says when the file does not exist", async () => {
    await using ctx = runtime.createContext({ modulePaths: [folder.path] });
    const error = await ctx.run(join(folder.path, "missing.na")).catch((caught: unknown) => caught);
    expect(ResourceError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain("no such file");
  });
});

describe("struct objects", () => {
  it("come back as DanaObject with structName, fields and toJSON", async () => {
    await using ctx = runtime.createContext({ modulePaths: [folder.path] });
    const shapes = await ctx.importModule("shapes");
    const unit = shapes.get("unit") as DanaObject;
    expect(unit).toBeInstanceOf(DanaObject);
    expect(unit.structName).toBe("Rect");
    expect(unit.fieldNames).toEqual(["width", "height"]);
    expect(unit.get("width")).toBe(1);
    expect(JSON.parse(JSON.stringify(unit))).toEqual({ width: 1, height: 1 });
    expect(shapes.get("unit")).toBe(unit); // one wrapper per instance
  });

  it("validate writes by the field's type", async () => {
    await using ctx = runtime.createContext({ modulePaths: [folder.path] });
    const shapes = await ctx.importModule("shapes");
    const rect = (await shapes.function("Rect").callKwargs({ width: 1, height: 2 })) as DanaObject;
    await rect.set("width", 4);
    expect(await shapes.function("area")(rect)).toBe(8);
    const error = await rect.set("height", "tall").catch((caught: unknown) => caught);
    expect(DanaRuntimeError.isInstance(error)).toBe(true);
    expect((error as DanaRuntimeError).danaType).toBe("TypeError");
    expect(() => rect.get("depth")).toThrow(/has no field 'depth'; fields: width, height/);
    await expect(rect.set("depth", 1)).rejects.toThrow(/has no field 'depth'/);
  });

  it("refuse use after dispose or after the context closed", async () => {
    const ctx = runtime.createContext({ modulePaths: [folder.path] });
    const shapes = await ctx.importModule("shapes");
    const unit = shapes.get("unit") as DanaObject;
    const area = shapes.function("area");
    expect(area.alive).toBe(true);
    await ctx.close();
    expect(unit.alive).toBe(false);
    expect(area.alive).toBe(false);
    expect(() => unit.get("width")).toThrow(ResourceError);
    await expect(area(unit)).rejects.toThrow(/context is closed/);
  });

  it("cannot be passed to another context", async () => {
    await using first = runtime.createContext({ modulePaths: [folder.path] });
    await using second = runtime.createContext({ modulePaths: [folder.path] });
    const unit = (await first.importModule("shapes")).get("unit");
    const area = (await second.importModule("shapes")).function("area");
    await expect(area(unit)).rejects.toThrow(/another context/);
  });

  it("disposed functions say where to get them again", async () => {
    await using ctx = runtime.createContext({ modulePaths: [folder.path] });
    const area = (await ctx.importModule("shapes")).function("area");
    area.dispose();
    area.dispose();
    await expect(area(1)).rejects.toThrow(/was disposed; get it again/);
  });
});
