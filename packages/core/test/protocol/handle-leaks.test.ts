import { Interpreter } from "@dana-gateway/lang";
import { afterAll, describe, expect, it } from "vitest";
import { checkHandleLeaks, type DanaObject, DanaRuntime } from "../../src/index.js";
import { createLoopbackBackendFactory } from "../../src/protocol/loopback-backend.js";
import { createModuleFolder } from "../support/module-folder.js";

const folder = createModuleFolder({
  "points.na": "struct Point:\n    x: int\n\ndef make(x):\n    return Point(x=x)\n\ndef same(p):\n    return p\n",
});
const runtime = await DanaRuntime.create({
  backends: { worker: createLoopbackBackendFactory((options) => new Interpreter(options)) },
});
afterAll(async () => {
  await runtime.close();
  folder.remove();
});

describe("handles over the wire", () => {
  it("disposed wrappers release their handles", async () => {
    await using ctx = runtime.createContext({ isolation: "worker", modulePaths: [folder.path] });
    const make = (await ctx.importModule("points")).function("make");
    const report = await checkHandleLeaks(ctx, async () => {
      for (let index = 0; index < 20; index++) ((await make(index)) as DanaObject).dispose();
    });
    expect(report.leaked).toBe(0);
  });

  it("the leak check sees wrappers that were neither disposed nor collected", async () => {
    await using ctx = runtime.createContext({ isolation: "worker", modulePaths: [folder.path] });
    const make = (await ctx.importModule("points")).function("make");
    const kept: unknown[] = [];
    const report = await checkHandleLeaks(ctx, async () => {
      for (let index = 0; index < 5; index++) kept.push(await make(index));
    });
    expect(report.leaked).toBe(5);
    expect(kept).toHaveLength(5);
  });

  it("an object crossing twice keeps one wrapper and one handle", async () => {
    await using ctx = runtime.createContext({ isolation: "worker", modulePaths: [folder.path] });
    const points = await ctx.importModule("points");
    const point = (await points.function("make")(1)) as DanaObject;
    const before = (await ctx.stats()).liveHandles;
    expect(await points.function("same")(point)).toBe(point);
    expect((await ctx.stats()).liveHandles).toBe(before);
    point.dispose();
    expect((await ctx.stats()).liveHandles).toBe(before - 1);
  });

  it("in-process contexts hold no handles at all", async () => {
    await using ctx = runtime.createContext({ modulePaths: [folder.path] });
    const make = (await ctx.importModule("points")).function("make");
    await make(1);
    expect((await ctx.stats()).liveHandles).toBe(0);
  });
});
