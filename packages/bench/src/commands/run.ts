import { resolveSuiteNames } from "../harness/registry.js";
import { writeResults } from "../harness/results-file.js";
import { runSuites } from "../harness/run-suites.js";
import { renderMachine, renderSuite } from "../report/table.js";

export interface RunCommandOptions {
  quick: boolean;
  suites: readonly string[];
  outputPath: string;
}

/** `bench run`: every suite in its own process, a table as each finishes, then `bench-results.json`. */
export async function runCommand(options: RunCommandOptions): Promise<number> {
  const names = resolveSuiteNames(options.suites);
  process.stdout.write(
    `Running ${names.length} suite(s)${options.quick ? " in quick mode" : ""}: ${names.join(", ")}\n\n`,
  );
  const results = await runSuites({
    quick: options.quick,
    suites: names,
    onSuiteDone: (suite) => process.stdout.write(`${renderSuite(suite)}\n\n`),
  });
  process.stdout.write(`Machine: ${renderMachine(results.machine)}\n`);
  await writeResults(options.outputPath, results);
  process.stdout.write(`Results written to ${options.outputPath}\n`);
  return results.suites.some((suite) => suite.status === "failed") ? 1 : 0;
}
