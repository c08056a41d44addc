import { readBaseline } from "../gate/baseline.js";
import { defaultGateSettings, evaluateGate, gateDecision, mergeRerun, suitesToRerun } from "../gate/evaluate.js";
import { renderGateReport } from "../gate/render.js";
import { affordableReruns, quickGateBudgetMs } from "../gate/rerun-budget.js";
import { resolveSuiteNames } from "../harness/registry.js";
import { readResults, writeResults } from "../harness/results-file.js";
import { runSuites } from "../harness/run-suites.js";
import type { BenchResults } from "../harness/types.js";
import { renderSuite } from "../report/table.js";

export interface GateCommandOptions {
  quick: boolean;
  suites: readonly string[];
  baselinePath: string;
  /** Judge an existing results file instead of running the suites (no re-runs are possible then). */
  resultsPath?: string;
  outputPath: string;
  defaultTolerance?: number;
}

/** Suites with noisy or regressed figures run again up to this many times before the verdict. */
export const maximumReruns = 2;

/** `bench gate`: exit 1 on a real regression, never on noise. */
export async function gateCommand(options: GateCommandOptions): Promise<number> {
  const settings = {
    ...defaultGateSettings,
    ...(options.defaultTolerance === undefined ? {} : { defaultTolerance: options.defaultTolerance }),
  };
  const baseline = await readBaseline(options.baselinePath);
  const print = (text: string) => process.stdout.write(`${text}\n`);
  let results: BenchResults;
  if (options.resultsPath) {
    results = await readResults(options.resultsPath);
  } else {
    const startedAt = performance.now();
    const budgetMs = options.quick ? quickGateBudgetMs : Number.POSITIVE_INFINITY;
    const names = resolveSuiteNames(options.suites);
    print(`Benchmark gate${options.quick ? " (quick)" : ""}: ${names.join(", ")}\n`);
    results = await runSuites({
      quick: options.quick,
      suites: names,
      onSuiteDone: (suite) => print(`${renderSuite(suite)}\n`),
    });
    for (let rerun = 1; rerun <= maximumReruns; rerun++) {
      const findings = evaluateGate(results, baseline, settings);
      const candidates = suitesToRerun(findings);
      if (candidates.length === 0) break;
      const remainingMs = budgetMs - (performance.now() - startedAt);
      const { rerun: affordable, deferred } = affordableReruns(candidates, findings, results, remainingMs);
      if (deferred.length > 0) print(`No time left in the gate's budget to re-run: ${deferred.join(", ")}\n`);
      if (affordable.length === 0) break;
      print(`Re-running suite(s) with noisy or regressed figures (attempt ${rerun + 1}): ${affordable.join(", ")}\n`);
      const again = await runSuites({
        quick: options.quick,
        suites: affordable,
        onSuiteDone: (suite) => print(`${renderSuite(suite)}\n`),
      });
      results = mergeRerun(results, again, baseline, settings);
    }
    await writeResults(options.outputPath, results);
  }
  const findings = evaluateGate(results, baseline, settings);
  const decision = gateDecision(findings);
  print(renderGateReport(findings, decision));
  return decision.exitCode;
}
