import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";

const packageRoot = join(import.meta.dirname, "..");
const configurationVariables = ["DANA_MODEL", "OPENAI_API_KEY", "OPENAI_BASE_URL", "ANTHROPIC_API_KEY", "OLLAMA_HOST"];
// The example reads the real environment on purpose; with credentials set it would call a real API.
const environmentIsConfigured = configurationVariables.some((name) => (process.env[name] ?? "").trim() !== "");

describe("README", () => {
  it.skipIf(environmentIsConfigured)("runs the example verbatim (offline by default)", async () => {
    const readme = readFileSync(join(packageRoot, "README.md"), "utf8");
    const example = /## Example\s+```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    expect(example!.trim().split("\n").length).toBeLessThanOrEqual(10);
    const folder = join(packageRoot, "test", ".generated");
    mkdirSync(folder, { recursive: true });
    const file = join(folder, "readme-example.ts");
    writeFileSync(file, example!);
    const logged: unknown[][] = [];
    const log = vi.spyOn(console, "log").mockImplementation((...values: unknown[]) => {
      logged.push(values);
    });
    let written = "";
    const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      written += String(chunk);
      return true;
    });
    try {
      await import(/* @vite-ignore */ file);
    } finally {
      log.mockRestore();
      write.mockRestore();
      rmSync(folder, { recursive: true, force: true });
    }
    expect(String(logged[0]?.[0])).toMatch(/^\[offline\]/);
    expect(logged[0]?.[1]).toEqual({ days: ["[offline]"] });
    expect(written.startsWith("[offline]")).toBe(true);
  });
});
