import { describe, expect, it } from "vitest";
import { DanaRuntime } from "../../src/index.js";

describe("smoke", () => {
  it("evaluates", async () => {
    await using runtime = await DanaRuntime.create();
    await using ctx = runtime.createContext();
    const result = await ctx.eval("print(n * 2)\nn + 1", { inputs: { n: 20 } });
    expect(result).toEqual({ value: 21, stdout: "40\n" });
  });
});
