import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { fixture, runCli } from "./helpers.js";

const require = createRequire(import.meta.url);
const tsc = require.resolve("typescript/bin/tsc");
// Inside the repository so the scratch tsconfig can extend its base config; "@dana-gateway/core" resolves the way
// a user's project resolves it — to the built package's declarations (turbo builds dependencies before tests).
const scratch = mkdtempSync(path.join(fileURLToPath(new URL(".", import.meta.url)), ".types-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const usage = `import { DanaRuntime, type DanaObject } from "@dana-gateway/core";
import type { Item } from "./shop.na.js";

await using runtime = await DanaRuntime.create();
await using context = await runtime.createContext({ modulePaths: ["."] });
const shop = await context.importModule<typeof import("./shop.na.js")>("shop");
const tax: number = shop.TAX;
const currency: string = shop.currency;
const sum: number = await shop.total([{ name: "pen", price: 1.5 }], 0.1);
const sumByKeyword: number = await shop.total.callKwargs({ items: [], discount: 0.5 });
const made: DanaObject<Item> = await shop.make("ink", 3);
const price: number = made.get("price");
const text: string = await shop.label(made);
const counted: Record<string, number> = await shop.counts(["a", "b", "a"]);
const anything: unknown = await shop.untyped(1);
// Without declarations every member is usable (as dynamic as Dana), and the module API stays typed.
const untypedShop = await context.importModule("shop");
const loose: unknown = await untypedShop.total([]);
const memberNames: string[] = untypedShop.names;
export { anything, loose, memberNames, counted, currency, price, sum, sumByKeyword, tax, text };
`;

const misuse = `import { DanaRuntime } from "@dana-gateway/core";

const runtime = await DanaRuntime.create();
const shop = await (await runtime.createContext()).importModule<typeof import("./shop.na.js")>("shop");
// @ts-expect-error a price is a number
await shop.total([{ name: "pen", price: "free" }]);
// @ts-expect-error no keyword argument 'itemz'
await shop.total.callKwargs({ itemz: [] });
// @ts-expect-error total returns a number
const wrong: string = await shop.total([]);
// @ts-expect-error private names are not exported
await shop._private_helper();
// @ts-expect-error no such member
shop.nothing;
const made = await shop.make("ink", 3);
// @ts-expect-error Item has no field 'colour'
made.get("colour");
export { wrong };
`;

describe("dana types", () => {
  it("writes declarations beside the module, describing structs, functions and variables", async () => {
    const source = path.join(scratch, "shop.na");
    copyFileSync(fixture("shop.na"), source);
    const result = await runCli(["types", source]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout.trim()).toBe(`${source}.d.ts`);
    const declarations = readFileSync(`${source}.d.ts`, "utf8");
    expect(declarations).toContain("export interface Item {");
    expect(declarations).toContain("  tags?: string[];");
    expect(declarations).toContain("/** in currency units */");
    expect(declarations).toContain(
      "export declare const total: DanaFunction<[items: (DanaObject<Item> | Item)[], discount?: number], number, { items?: (DanaObject<Item> | Item)[]; discount?: number }>;",
    );
    expect(declarations).toContain("export declare const TAX: number;");
    expect(declarations).toContain("export declare const untyped: DanaFunction<[x: unknown, y?: unknown], unknown");
    expect(declarations).not.toContain("_private_helper");
  });

  it("generated types compile in real use and reject misuse (checked by tsc)", () => {
    writeFileSync(path.join(scratch, "usage.ts"), usage);
    writeFileSync(path.join(scratch, "misuse.ts"), misuse);
    writeFileSync(
      path.join(scratch, "tsconfig.json"),
      JSON.stringify({
        extends: "../../../../tsconfig.base.json",
        compilerOptions: { noEmit: true },
        include: ["usage.ts", "misuse.ts", "*.d.ts"],
      }),
    );
    const checked = spawnSync(process.execPath, [tsc, "-p", scratch, "--noEmit"], { encoding: "utf8" });
    expect(checked.stdout + checked.stderr).toBe("");
    expect(checked.status).toBe(0);
  }, 120_000);

  it("reports syntax errors and exits 2 without writing", async () => {
    const result = await runCli(["types", fixture("broken.na"), "--out", scratch]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/broken\.na:\d+:\d+: SyntaxError/);
  });
});
