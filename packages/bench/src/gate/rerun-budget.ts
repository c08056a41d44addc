import type { BenchResults } from "../harness/types.js";
import type { GateFinding } from "./evaluate.js";

/** The quick gate must finish within two minutes on two cores; re-runs use what the first pass left. */
export const quickGateBudgetMs = 110_000;

/** Starting a suite process (Node, imports) costs about this much on top of the suite's own duration. */
const processStartMs = 1_000;

/**
 * Picks the re-runs that fit in the remaining time: suites with a regression first (only they
 * can fail the gate, and a re-run may clear them), then noisy ones, each costed at its last
 * duration. What does not fit keeps its current verdict and is reported as such.
 */
export function affordableReruns(
  candidates: readonly string[],
  findings: readonly GateFinding[],
  results: BenchResults,
  remainingMs: number,
): { rerun: string[]; deferred: string[] } {
  const regressed = new Set(
    findings
      .filter((finding) => finding.status === "regression" || finding.status === "target-missed")
      .map((finding) => finding.suite),
  );
  const ordered = [...candidates].sort((left, right) => Number(regressed.has(right)) - Number(regressed.has(left)));
  const rerun: string[] = [];
  const deferred: string[] = [];
  let left = remainingMs;
  for (const name of ordered) {
    const cost = (results.suites.find((suite) => suite.suite === name)?.durationMs ?? 0) + processStartMs;
    if (cost <= left) {
      rerun.push(name);
      left -= cost;
    } else {
      deferred.push(name);
    }
  }
  return { rerun, deferred };
}
