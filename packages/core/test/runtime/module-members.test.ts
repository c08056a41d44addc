import { afterAll, describe, expect, it } from "vitest";
import { type DanaFunction, DanaModule, type DanaObject, DanaRuntime } from "../../src/index.js";
import { createModuleFolder } from "../support/module-folder.js";

const folder = createModuleFolder({
  "geo.na": [
    "PI = 3.5",
    "struct Point:",
    "    x: float",
    "    y: float = 0.0",
    "def area(w: float, h: float = 1.0) -> float:",
    "    return w * h",
    "def origin() -> Point:",
    "    return Point(x=0.0)",
    "def names():",
    '    return "the Dana function named names"',
    "def _hidden():",
    "    return 1",
  ].join("\n"),
});
const runtime = await DanaRuntime.create();
afterAll(async () => {
  await runtime.close();
  folder.remove();
});

describe("module members as properties", () => {
  for (const isolation of ["inprocess", "worker"] as const) {
    it(`calls functions and reads variables as properties (${isolation})`, async () => {
      await using context = await runtime.createContext({ isolation, modulePaths: [folder.path] });
      const geo = await context.importModule<{
        PI: number;
        area: DanaFunction<[w: number, h?: number], number, { w?: number; h?: number }>;
        origin: DanaFunction<[], DanaObject<{ x: number; y?: number }>>;
      }>("geo");
      expect(geo).toBeInstanceOf(DanaModule);
      expect(geo.PI).toBe(3.5);
      expect(await geo.area(3, 4)).toBe(12);
      expect(await geo.area.callKwargs({ w: 3, h: 4 })).toBe(12);
      const point = await geo.origin();
      expect(point.get("x")).toBe(0);
      expect(point.toJSON()).toEqual({ x: 0, y: 0 });
      expect("area" in geo).toBe(true);
      expect("_hidden" in geo).toBe(false);
      expect((geo as unknown as Record<string, unknown>)._hidden).toBeUndefined();
      expect((geo as unknown as Record<string, unknown>).nothing).toBeUndefined();
    });
  }

  it("keeps the module's own API ahead of a Dana member with the same name", async () => {
    await using context = await runtime.createContext({ modulePaths: [folder.path] });
    const geo = await context.importModule("geo");
    expect(geo.names).toEqual(["PI", "Point", "area", "origin", "names"]);
    const shadowed = geo.get("names") as DanaFunction<[], string>;
    expect(await shadowed()).toBe("the Dana function named names");
    expect(geo.has("area")).toBe(true);
    expect(geo.name).toBe("geo");
  });
});
