import { readFile } from "node:fs/promises";
import { type DanaEngine, loadDana } from "../adapters/lang.js";
import { pythonVersion } from "../harness/machine.js";
import { type BenchmarkTask, measureSettings, measureTasks, replaySamples } from "../harness/measure.js";
import { programsDirectory } from "../harness/paths.js";
import { buildSuiteResult } from "../harness/suite-result.js";
import type { RatioDefinition, SkippedTask, SuiteDefinition, TaskMeasurement } from "../harness/types.js";
import { type Language, type ProgramWorkload, programTaskName, programWorkloads } from "../programs/catalog.js";
import { loadJavaScriptWorkload } from "../programs/javascript-runner.js";
import { largeProgramFiles } from "../programs/large-program.js";
import { timePythonWorkload } from "../programs/python-runner.js";

const name = "programs";
const description =
  "The Dana program suite (packages/bench/programs/*.na) against the same algorithm in plain JS (in this process) and in CPython (self-timed, start-up excluded).";

export class OutputMismatchError extends Error {
  override readonly name = "OutputMismatchError";
}

function expectOutput(workload: ProgramWorkload, language: Language, actual: string): void {
  if (actual.trim() !== workload.expectedOutput) {
    throw new OutputMismatchError(
      `${workload.name} (${language}) printed "${actual.trim().slice(0, 80)}", expected "${workload.expectedOutput}"; the implementations must agree before they are timed`,
    );
  }
}

export function programRatios(workload: ProgramWorkload): RatioDefinition[] {
  const task = (language: Language) => programTaskName(workload, language);
  return [
    { id: `${workload.name}-dana-over-javascript`, numerator: task("dana"), denominator: task("javascript") },
    { id: `${workload.name}-dana-over-python`, numerator: task("dana"), denominator: task("python") },
    // Python against V8 describes the platform, not our code: gated loosely, to notice an upgrade.
    {
      id: `${workload.name}-python-over-javascript`,
      numerator: task("python"),
      denominator: task("javascript"),
      tolerance: 0.6,
    },
  ];
}

async function danaTask(dana: DanaEngine, workload: ProgramWorkload): Promise<BenchmarkTask> {
  const file = workload.kind === "parse" ? largeProgramFiles.dana : `${workload.name}.na`;
  const source = await readFile(`${programsDirectory}${file}`, "utf8");
  expectOutput(workload, "dana", await dana.run(source, file));
  if (workload.kind === "parse") {
    const errors = dana.parseAndResolve(source, file);
    if (errors > 0) throw new Error(`${file} has ${errors} error diagnostic(s) in Dana's parser or resolver`);
    return {
      name: programTaskName(workload, "dana"),
      fn: () => dana.parseAndResolve(source, file),
      collectGarbageFirst: true,
    };
  }
  return {
    name: programTaskName(workload, "dana"),
    fn: () => dana.run(source, file),
    async: true,
    collectGarbageFirst: true,
  };
}

export const suite: SuiteDefinition = {
  name,
  description,
  available: async () => true,
  async run({ quick }) {
    const startedAt = performance.now();
    const skippedTasks: SkippedTask[] = [];
    const dana = await loadDana();
    const python = pythonVersion() === null ? "python3 is not on PATH" : true;

    const javaScriptTasks: BenchmarkTask[] = [];
    for (const workload of programWorkloads) {
      const javaScript = await loadJavaScriptWorkload(workload);
      expectOutput(workload, "javascript", await javaScript.check());
      javaScriptTasks.push({
        name: programTaskName(workload, "javascript"),
        fn: javaScript.fn,
        collectGarbageFirst: true,
      });
    }

    const pythonRepeats = quick ? 5 : 15;
    const pythonTasks: BenchmarkTask[] = [];
    for (const workload of programWorkloads) {
      if (python !== true) {
        skippedTasks.push({ name: programTaskName(workload, "python"), reason: python });
        continue;
      }
      const timing = await timePythonWorkload(workload, pythonRepeats);
      expectOutput(workload, "python", timing.output);
      pythonTasks.push({ name: programTaskName(workload, "python"), fn: replaySamples(timing.samplesMs) });
    }

    const danaTasks: BenchmarkTask[] = [];
    for (const workload of programWorkloads) {
      if (typeof dana === "string") skippedTasks.push({ name: programTaskName(workload, "dana"), reason: dana });
      else danaTasks.push(await danaTask(dana, workload));
    }

    const tasks: TaskMeasurement[] = [
      ...(await measureTasks(javaScriptTasks, measureSettings(quick, { iterations: quick ? 10 : 30 }))),
      ...(await measureTasks(pythonTasks, {
        timeMs: 0,
        iterations: pythonRepeats,
        warmupTimeMs: 0,
        warmupIterations: 0,
      })),
      // A tree-walker runs these programs in seconds: few samples, each one the whole program.
      ...(await measureTasks(
        danaTasks,
        quick
          ? { timeMs: 0, iterations: 3, warmupTimeMs: 0, warmupIterations: 1 }
          : { timeMs: 2000, iterations: 10, warmupTimeMs: 0, warmupIterations: 2 },
      )),
    ];
    return buildSuiteResult({
      suite: name,
      description,
      tasks,
      skippedTasks,
      ratios: programWorkloads.flatMap(programRatios),
      startedAt,
    });
  },
};
