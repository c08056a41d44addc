import { readFile } from "node:fs/promises";
import { type DanaEngine, loadDana } from "../adapters/lang.js";
import { pythonVersion } from "../harness/machine.js";
import { type BenchmarkTask, measureSettings, SamplePool, sampleRound } from "../harness/measure.js";
import { programsDirectory } from "../harness/paths.js";
import { buildSuiteResult } from "../harness/suite-result.js";
import type {
  AbsoluteTargetDefinition,
  RatioDefinition,
  SkippedTask,
  SuiteDefinition,
  TaskMeasurement,
} from "../harness/types.js";
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

/** Issue 3: parse + resolve of a 1,000-line program under 10 ms (steady state: the parser already compiled by V8). */
const parseTargets: AbsoluteTargetDefinition[] = programWorkloads
  .filter((workload) => workload.kind === "parse")
  .map((workload) => ({
    id: `${workload.name}-parse-under-10ms`,
    task: programTaskName(workload, "dana"),
    statistic: "median",
    maximumMs: 10,
    description: "parse + resolve of the 1,000-line program takes < 10 ms",
  }));

export function programRatios(workload: ProgramWorkload): RatioDefinition[] {
  const task = (language: Language) => programTaskName(workload, language);
  return [
    { id: `${workload.name}-dana-over-javascript`, numerator: task("dana"), denominator: task("javascript") },
    {
      id: `${workload.name}-dana-over-python`,
      numerator: task("dana"),
      denominator: task("python"),
      // Issue 3: running programs within 3x of CPython (the parse workload has its own absolute target).
      ...(workload.kind === "run" ? { targetMaximum: 3 } : {}),
    },
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
    };
  }
  return {
    name: programTaskName(workload, "dana"),
    fn: () => dana.run(source, file),
    async: true,
    // The same rule as the JavaScript side of the ratio: a forced full collection before every sample makes
    // V8 re-warm the interpreter's closures, which costs a 3 ms program more than it saves (measured 3x).
    collectGarbageFirst: workload.allocatesHeavily === true,
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
        collectGarbageFirst: workload.allocatesHeavily === true,
      });
    }
    const danaTasks: BenchmarkTask[] = [];
    for (const workload of programWorkloads) {
      if (typeof dana === "string") skippedTasks.push({ name: programTaskName(workload, "dana"), reason: dana });
      else danaTasks.push(await danaTask(dana, workload));
    }
    if (python !== true) {
      for (const workload of programWorkloads)
        skippedTasks.push({ name: programTaskName(workload, "python"), reason: python });
    }

    // JS, CPython and Dana take turns, round after round, so a busy spell on a shared machine
    // lands on both sides of a ratio instead of on one language only.
    const rounds = quick ? 2 : 3;
    const javaScriptSettings = measureSettings(quick, { iterations: quick ? 10 : 30, rounds });
    // A Dana sample is a whole program run (tens to hundreds of milliseconds): time-boxed, few samples.
    const danaSettings = quick
      ? { timeMs: 1200, iterations: 3 * rounds, warmupTimeMs: 0, warmupIterations: 2, rounds }
      : { timeMs: 6000, iterations: 15, warmupTimeMs: 0, warmupIterations: 3, rounds };
    const pythonRepeatsPerRound = quick ? 4 : 6;
    const pool = new SamplePool();
    for (let round = 0; round < rounds; round++) {
      pool.addRound(await sampleRound(javaScriptTasks, javaScriptSettings, round === 0));
      if (python === true) {
        for (const workload of programWorkloads) {
          const timing = await timePythonWorkload(workload, pythonRepeatsPerRound);
          expectOutput(workload, "python", timing.output);
          pool.addSamples(programTaskName(workload, "python"), timing.samplesMs);
        }
      }
      if (danaTasks.length > 0) pool.addRound(await sampleRound(danaTasks, danaSettings, round === 0));
    }
    const tasks: TaskMeasurement[] = await pool.summarise();
    return buildSuiteResult({
      suite: name,
      description,
      tasks,
      skippedTasks,
      ratios: programWorkloads.flatMap(programRatios),
      targets: parseTargets,
      startedAt,
    });
  },
};
