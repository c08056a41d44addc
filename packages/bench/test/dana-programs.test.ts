import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { loadDana } from "../src/adapters/lang.js";
import { importOptional } from "../src/adapters/optional-import.js";
import { programsDirectory } from "../src/harness/paths.js";
import { programWorkloads } from "../src/programs/catalog.js";
import { largeProgramFiles } from "../src/programs/large-program.js";

// In tests `@dana-gateway/lang` resolves to its TypeScript sources (vitest.shared.ts aliases).
const lang = await importOptional("@dana-gateway/lang");
const parse =
  typeof lang === "string"
    ? undefined
    : (lang.parse as ((source: string, options: object) => { diagnostics: unknown[] }) | undefined);
const dana = await loadDana();

const fileOf = (name: string) => (name === "large_program" ? largeProgramFiles.dana : `${name}.na`);

describe.skipIf(typeof parse !== "function")("the Dana programs against @dana-gateway/lang's parser", () => {
  it.each(programWorkloads.map((workload) => fileOf(workload.name)))("%s parses without diagnostics", async (file) => {
    const source = await readFile(`${programsDirectory}${file}`, "utf8");
    expect(parse!(source, { file }).diagnostics).toEqual([]);
  });
});

// Each program runs in well under a second with the closure-compiling interpreter.
describe.skipIf(typeof dana === "string")("the Dana programs against @dana-gateway/lang's interpreter", () => {
  it.each(programWorkloads.map((workload) => workload.name))(
    "%s prints the same answer as plain JS and CPython",
    async (name) => {
      const workload = programWorkloads.find((candidate) => candidate.name === name)!;
      const engine = dana as Exclude<typeof dana, string>;
      const source = await readFile(`${programsDirectory}${fileOf(name)}`, "utf8");
      expect((await engine.run(source, fileOf(name))).trim()).toBe(workload.expectedOutput);
      expect(engine.parseAndResolve(source, fileOf(name))).toBe(0);
    },
  );
});
