/** The README's Dana example runs verbatim against the golden `sales` table, and its claims about builtins hold. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DanaRuntime, TypeConverterRegistry } from "@dana-gateway/core";
import { describe, expect, it } from "vitest";
import { registerArrow } from "../src/arrow/index.js";
import { salesArrow } from "./support/fixtures.js";

const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");

async function context() {
  const registry = new TypeConverterRegistry();
  registerArrow(registry);
  const runtime = await DanaRuntime.create({ typeConverters: registry, env: {} });
  return { runtime, ctx: runtime.createContext() };
}

describe("README", () => {
  it("runs the Dana example as written", async () => {
    const source = /```dana\n([\s\S]*?)```/.exec(readme)![1]!;
    const { runtime, ctx } = await context();
    try {
      const { stdout } = await ctx.eval(`${source}\nprint(len(cheap), revenue.sum("revenue"))`, {
        inputs: { sales: salesArrow() },
      });
      expect(stdout.split("\n")[0]).toBe(
        "{'city': 'Lisbon', 'units': 15, 'price_mean': 3.0833333333333335, 'price_count': 3}",
      );
      expect(stdout.trim().split("\n").at(-1)).toBe("3 58.0");
    } finally {
      await runtime.close();
    }
  });

  it("builtins work over columns", async () => {
    const { runtime, ctx } = await context();
    try {
      const { value } = await ctx.eval('[sorted(t["units"]), list(t["units"])[:2], max(t["city"])]', {
        inputs: { t: salesArrow() },
      });
      expect(value).toEqual([[1, 2, 3, 4, 7, 10], [10, 4], "Porto"]);
    } finally {
      await runtime.close();
    }
  });
});
