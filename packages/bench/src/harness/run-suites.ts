import { machineInfo } from "./machine.js";
import { runSuiteProcess } from "./run-suite-process.js";
import type { BenchResults, SuiteResult } from "./types.js";

export interface RunSuitesOptions {
  quick: boolean;
  suites: readonly string[];
  /** Called as each suite finishes, so a long run shows progress. */
  onSuiteDone?: (result: SuiteResult) => void;
}

export function suiteTimeoutMs(quick: boolean): number {
  return quick ? 90_000 : 15 * 60_000;
}

/** Runs the suites one at a time (never in parallel: they would compete for the same cores). */
export async function runSuites(options: RunSuitesOptions): Promise<BenchResults> {
  const suites: SuiteResult[] = [];
  for (const name of options.suites) {
    const result = await runSuiteProcess(name, { quick: options.quick, timeoutMs: suiteTimeoutMs(options.quick) });
    const named = { ...result, suite: result.suite || name, attempts: 1 };
    suites.push(named);
    options.onSuiteDone?.(named);
  }
  return { formatVersion: 1, quick: options.quick, machine: machineInfo(), suites };
}
