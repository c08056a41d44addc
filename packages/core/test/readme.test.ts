/**
 * Runs the README's examples verbatim: its `dana` blocks are written as module files, each `ts` block is
 * run as a module, and every `console.log(...) // expected` must print exactly the expected text.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { format } from "node:util";
import { afterAll, describe, expect, it, vi } from "vitest";
import { dana } from "../src/index.js";
import { createModuleFolder } from "./support/module-folder.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const blocks = [...readme.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((match) => ({
  language: match[1]!,
  code: match[2]!,
}));
const typescriptBlocks = blocks.filter((block) => block.language === "ts");

const project = createModuleFolder();
for (const block of blocks.filter((candidate) => candidate.language === "dana")) {
  const fileLine = /^# (\S+\.na)\n/.exec(block.code);
  if (fileLine) project.write(fileLine[1]!, block.code);
}
// Example modules must live under the package so vitest transforms them (and resolves "@dana-gateway/core").
const examples = mkdtempSync(join(new URL(".", import.meta.url).pathname, ".readme-"));
const originalDirectory = process.cwd();

afterAll(async () => {
  process.chdir(originalDirectory);
  await dana.close();
  project.remove();
  rmSync(examples, { recursive: true, force: true });
});

describe("README examples", () => {
  it("has examples to run", () => {
    expect(typescriptBlocks.length).toBeGreaterThanOrEqual(3);
  });

  it.each(typescriptBlocks.map((block, index) => [index + 1, block.code] as const))(
    "example %i runs and prints what its comments say",
    async (index, code) => {
      for (const name of ["DANA_MODEL", "OPENAI_API_KEY", "ANTHROPIC_API_KEY", "OLLAMA_HOST"])
        vi.stubEnv(name, undefined);
      const expected = [...code.matchAll(/console\.log\(.*\);\s*\/\/ (.*)$/gm)].map((match) => match[1]);
      const printed: string[] = [];
      const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
        printed.push(format(...args));
      });
      const file = join(examples, `example-${index}.ts`);
      writeFileSync(file, code);
      process.chdir(project.path);
      try {
        await import(/* @vite-ignore */ file);
      } finally {
        process.chdir(originalDirectory);
        log.mockRestore();
        vi.unstubAllEnvs();
      }
      expect(printed).toEqual(expected);
    },
  );
});
