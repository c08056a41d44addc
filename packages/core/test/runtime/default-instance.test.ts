import { afterAll, describe, expect, it } from "vitest";
import { dana, danaFunction } from "../../src/index.js";
import { createModuleFolder } from "../support/module-folder.js";

const folder = createModuleFolder({ "analytics.na": "def process_data(xs, scale=1):\n    return sum(xs) * scale\n" });
const originalDirectory = process.cwd();

afterAll(async () => {
  process.chdir(originalDirectory);
  await dana.close();
  folder.remove();
});

describe("the default instance", () => {
  it("imports modules from the working directory", async () => {
    process.chdir(folder.path);
    try {
      const analytics = await dana.importModule("analytics");
      expect(await analytics.function("process_data")([1, 2])).toBe(3);
    } finally {
      process.chdir(originalDirectory);
    }
  });

  it("danaFunction() loads lazily on first call, with keywords too", async () => {
    const processData = danaFunction<(xs: number[], options?: { scale: number }) => number>("analytics.process_data");
    process.chdir(folder.path);
    try {
      expect(await processData([1, 2, 3])).toBe(6);
      expect(await processData.callKwargs([1], { scale: 5 })).toBe(5);
      expect(processData.parameterNames).toEqual(["xs", "scale"]);
    } finally {
      process.chdir(originalDirectory);
    }
  });

  it("danaFunction() rejects names without a module", () => {
    expect(() => danaFunction("process_data")).toThrow(/"module.function"/);
  });

  it("close() lets the next use start a fresh runtime", async () => {
    const first = await dana.runtime();
    await dana.close();
    const second = await dana.runtime();
    expect(second).not.toBe(first);
    expect(first.closed).toBe(true);
  });
});
