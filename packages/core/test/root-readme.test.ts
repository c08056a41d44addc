/**
 * The repository README's "TypeScript in ten lines" example, run verbatim against the real examples folder
 * (`examples/geometry.na` is found through DANAPATH, as the README says "from the module path").
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { format } from "node:util";
import { afterAll, describe, expect, it, vi } from "vitest";
import { dana } from "../src/index.js";

const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
const example = /## TypeScript in ten lines\s+```ts\n([\s\S]*?)```/.exec(readme)?.[1];
const examplesFolder = fileURLToPath(new URL("../../../examples", import.meta.url));
// Under the package so vitest transforms the file and resolves "@dana-gateway/core".
const scratch = mkdtempSync(join(fileURLToPath(new URL(".", import.meta.url)), ".root-readme-"));

afterAll(async () => {
  await dana.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe("the repository README example", () => {
  it("runs as written: offline reason, a worker context, positional and keyword calls", async () => {
    expect(example, "README section 'TypeScript in ten lines' not found").toBeDefined();
    for (const name of ["DANA_MODEL", "OPENAI_API_KEY", "ANTHROPIC_API_KEY", "OLLAMA_HOST"])
      vi.stubEnv(name, undefined);
    vi.stubEnv("DANAPATH", examplesFolder);
    const printed: unknown[][] = [];
    const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
      printed.push(args);
    });
    const file = join(scratch, "example.ts");
    writeFileSync(file, example!);
    try {
      await import(/* @vite-ignore */ file);
    } finally {
      log.mockRestore();
      vi.unstubAllEnvs();
    }
    expect(printed).toHaveLength(1);
    const [answer, area, same] = printed[0]!;
    expect(typeof answer).toBe("string");
    expect(String(answer)).toContain("[offline]");
    expect(area).toBe(12);
    expect(same).toBe(12);
    expect(format(...printed[0]!)).toMatch(/ 12 12$/);
  });
});
