import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { pythonVersion } from "../src/harness/machine.js";
import { programsDirectory } from "../src/harness/paths.js";
import { languages, programWorkloads } from "../src/programs/catalog.js";
import { loadJavaScriptWorkload } from "../src/programs/javascript-runner.js";
import {
  generateLargeProgram,
  largeProgramFiles,
  largeProgramLineCount,
  type ProgramLanguage,
} from "../src/programs/large-program.js";
import { timePythonWorkload } from "../src/programs/python-runner.js";

const hasPython = pythonVersion() !== null;

describe("the program suite's files", () => {
  it.each(programWorkloads.map((workload) => workload.name))("%s exists in Dana, CPython and JS", (name) => {
    for (const { extension } of Object.values(languages)) {
      expect(existsSync(`${programsDirectory}${name}.${extension}`), `${name}.${extension}`).toBe(true);
    }
  });

  it("every Dana program ends by printing its result", async () => {
    for (const workload of programWorkloads) {
      const source = await readFile(`${programsDirectory}${workload.name}.na`, "utf8");
      expect(source.trimEnd().split("\n").at(-1), workload.name).toMatch(/^print\((result|total)\)$/);
    }
  });

  it.each(Object.keys(largeProgramFiles) as ProgramLanguage[])(
    "the committed %s parse workload is exactly what the generator produces, 1,000 lines",
    async (language) => {
      const committed = await readFile(`${programsDirectory}${largeProgramFiles[language]}`, "utf8");
      expect(committed).toBe(generateLargeProgram(language));
      expect(committed.trimEnd().split("\n")).toHaveLength(largeProgramLineCount);
    },
  );
});

describe("implementations agree before anything is timed", () => {
  it.each(programWorkloads.map((workload) => [workload.name, workload] as const))(
    "%s in plain JS prints the expected answer",
    async (_, workload) => {
      const javaScript = await loadJavaScriptWorkload(workload);
      expect(await javaScript.check()).toBe(workload.expectedOutput);
    },
  );

  it.skipIf(!hasPython).each(programWorkloads.map((workload) => [workload.name, workload] as const))(
    "%s in CPython prints the same answer as plain JS",
    async (_, workload) => {
      const timing = await timePythonWorkload(workload, 0);
      expect(timing.output).toBe(workload.expectedOutput);
      expect(timing.samplesMs).toEqual([]);
    },
  );
});
