import { baselineFromResults, readBaseline, writeBaseline } from "../gate/baseline.js";
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
  resultsPath?: string;
  outputPath: string;
}

/** `bench baseline --write`: records the ratios of a run (or of `--results FILE`) as the new committed baseline. */
export async function baselineCommand(options: BaselineCommandOptions): Promise<number> {
  const print = (text: string) => process.stdout.write(`${text}\n`);
  const previous = await readBaseline(options.baselinePath);
  if (!options.write) {
    print(JSON.stringify(previous, null, 2));
    print("(pass --write to record a new baseline from a run)");
    return 0;
  }
  let results: BenchResults;
  if (options.resultsPath) {
    results = await readResults(options.resultsPath);
  } else {
    results = await runSuites({
      quick: options.quick,
      suites: resolveSuiteNames(options.suites),
      onSuiteDone: (suite) => print(`${renderSuite(suite)}\n`),
    });
    await writeResults(options.outputPath, results);
  }
  const failed = results.suites.filter((suite) => suite.status === "failed");
  if (failed.length > 0) {
    print(`Not writing a baseline: suite(s) failed: ${failed.map((suite) => suite.suite).join(", ")}`);
    return 1;
  }
  const next = baselineFromResults(results, previous);
  await writeBaseline(options.baselinePath, next);
  print(
    `Baseline with ${Object.keys(next.ratios).length} ratio(s) written to ${options.baselinePath}; commit it with the change that moved it.`,
  );
  return 0;
}
