import { baselineFromResults, medianOfRuns, readBaseline, writeBaseline } from "../gate/baseline.js";
import { resolveSuiteNames } from "../harness/registry.js";
import { readResults, writeResults } from "../harness/results-file.js";
import { runSuites } from "../harness/run-suites.js";
import type { BenchResults } from "../harness/types.js";
import { renderSuite } from "../report/table.js";

export interface BaselineCommandOptions {
  write: boolean;
  quick: boolean;
  suites: readonly string[];
  baselinePath: string;
  /** Results files to record from instead of running; several are folded into per-ratio medians. */
  resultsPaths: readonly string[];
  /** How many runs to fold into per-ratio medians when running (default 1). */
  runs: number;
  outputPath: string;
}

/**
 * `bench baseline --write [--runs N]`: records the ratios of a run (or the per-ratio medians of
 * several runs or `--results` files) as the new committed baseline.
 */
export async function baselineCommand(options: BaselineCommandOptions): Promise<number> {
  const print = (text: string) => process.stdout.write(`${text}\n`);
  const previous = await readBaseline(options.baselinePath);
  if (!options.write) {
    print(JSON.stringify(previous, null, 2));
    print("(pass --write to record a new baseline from a run)");
    return 0;
  }
  const runs: BenchResults[] = [];
  if (options.resultsPaths.length > 0) {
    for (const path of options.resultsPaths) runs.push(await readResults(path));
  } else {
    for (let run = 1; run <= options.runs; run++) {
      if (options.runs > 1) print(`Baseline run ${run} of ${options.runs}\n`);
      runs.push(
        await runSuites({
          quick: options.quick,
          suites: resolveSuiteNames(options.suites),
          onSuiteDone: (suite) => print(`${renderSuite(suite)}\n`),
        }),
      );
    }
    await writeResults(options.outputPath, runs.at(-1)!);
  }
  const failed = runs.flatMap((run) => run.suites.filter((suite) => suite.status === "failed"));
  if (failed.length > 0) {
    print(`Not writing a baseline: suite(s) failed: ${[...new Set(failed.map((suite) => suite.suite))].join(", ")}`);
    return 1;
  }
  const next = baselineFromResults(medianOfRuns(runs), previous);
  await writeBaseline(options.baselinePath, next);
  print(
    `Baseline with ${Object.keys(next.ratios).length} ratio(s) from ${runs.length} run(s) written to ${options.baselinePath}; commit it with the change that moved it.`,
  );
  return 0;
}
