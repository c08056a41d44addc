/**
 * Golden programs: every `.na` file in test/golden runs through the gateway (in-process) with the table `sales`
 * bound as input — once made from an Arrow table, once from a danfojs DataFrame — and its output must equal
 * the `# expect: …` comments, in order, both times. A line `# expect-error: KeyError` expects the program to
 * fail with that Dana error type.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DanaRuntime, DanaRuntimeError, TypeConverterRegistry } from "@dana-gateway/core";
import { beforeAll, describe, expect, it } from "vitest";
import { registerArrow } from "../src/arrow/index.js";
import { type DanfoModule, loadDanfo } from "../src/dataframe/danfo.js";
import { registerDataFrame } from "../src/dataframe/index.js";
import { salesArrow, salesDataFrame } from "./support/fixtures.js";

const folder = join(import.meta.dirname, "golden");
const programs = readdirSync(folder).filter((name) => name.endsWith(".na"));

function expectations(source: string) {
  const lines: string[] = [];
  let error: string | null = null;
  for (const line of source.split("\n")) {
    const output = /#\s*expect:\s?(.*)$/.exec(line);
    if (output) lines.push(output[1]!);
    const failure = /#\s*expect-error:\s*(\w+)/.exec(line);
    if (failure) error = failure[1]!;
  }
  return { stdout: lines.map((line) => `${line}\n`).join(""), error };
}

let danfo: DanfoModule;
const registry = new TypeConverterRegistry();
beforeAll(async () => {
  danfo = await loadDanfo();
  registerArrow(registry);
  await registerDataFrame(registry, { danfo });
}, 60_000);

it("finds the golden programs", () => {
  expect(programs.length).toBeGreaterThanOrEqual(8);
});

describe.each(["arrow", "dataframe"] as const)("golden programs over a table from %s", (origin) => {
  it.each(programs)("%s", async (name) => {
    const source = readFileSync(join(folder, name), "utf8");
    const expected = expectations(source);
    const sales = origin === "arrow" ? salesArrow() : salesDataFrame(danfo);
    await using runtime = await DanaRuntime.create({ typeConverters: registry, env: {} });
    await using ctx = runtime.createContext();
    let printed = "";
    try {
      const result = await ctx.eval(source, { inputs: { sales }, file: name });
      printed = result.stdout;
      expect(expected.error, "the program should have failed").toBeNull();
    } catch (error) {
      if (!(error instanceof DanaRuntimeError) || expected.error === null) throw error;
      expect(error.danaType).toBe(expected.error);
    }
    if (expected.error === null) expect(printed).toBe(expected.stdout);
  });
});
