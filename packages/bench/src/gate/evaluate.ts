import type { AbsoluteTargetResult, BenchResults, RatioResult, SuiteResult } from "../harness/types.js";
import { type Baseline, ratioKey } from "./baseline.js";

export interface GateSettings {
  /** Allowed growth of a ratio over its baseline when neither the baseline nor the suite says otherwise. */
  defaultTolerance: number;
  /**
   * Above this relative margin of error of a median (percent) a result that looks like a
   * regression is inconclusive.
   */
  noisyRmePercent: number;
}

export const defaultGateSettings: GateSettings = { defaultTolerance: 0.35, noisyRmePercent: 10 };

export type FindingStatus =
  | "pass"
  | "improved"
  | "new"
  | "regression"
  | "target-missed"
  | "inconclusive"
  | "failed"
  | "skipped"
  | "stale"
  | "info";

export interface GateFinding {
  kind: "ratio" | "target" | "suite";
  suite: string;
  /** `suite/ratio-id`, `suite/target-id` or the suite name. */
  key: string;
  status: FindingStatus;
  measured: number | null;
  baseline?: number;
  /** The largest value that passes. */
  limit?: number;
  /** Relative change from the baseline (0.48 = 48 % larger). */
  change?: number;
  rmePercent?: number | null;
  message: string;
}

/** Statuses that make the gate exit non-zero. Inconclusive and skipped never do. */
export const failingStatuses: ReadonlySet<FindingStatus> = new Set(["regression", "target-missed", "failed"]);

function isNoisy(rmePercent: number | null | undefined, settings: GateSettings): boolean {
  return rmePercent !== null && rmePercent !== undefined && rmePercent > settings.noisyRmePercent;
}

function missingValue(suite: SuiteResult, ratio: RatioResult): { status: FindingStatus; message: string } {
  const skipped = suite.skippedTasks.find((task) => task.name === ratio.numerator || task.name === ratio.denominator);
  if (skipped) return { status: "skipped", message: `skipped: ${skipped.name}: ${skipped.reason}` };
  return { status: "failed", message: `no value: "${ratio.numerator}" or "${ratio.denominator}" did not complete` };
}

function evaluateRatio(
  suite: SuiteResult,
  ratio: RatioResult,
  baseline: Baseline,
  settings: GateSettings,
): GateFinding {
  const key = ratioKey(suite.suite, ratio.id);
  const label = `${ratio.numerator} / ${ratio.denominator}`;
  const common = {
    kind: "ratio" as const,
    suite: suite.suite,
    key,
    measured: ratio.value,
    rmePercent: ratio.rmePercent,
  };
  if (ratio.value === null) {
    const { status, message } = missingValue(suite, ratio);
    return { ...common, status, message: `${label}: ${message}` };
  }
  if (ratio.gated === false) {
    return { ...common, status: "info", message: `${label} = ${ratio.value.toFixed(2)}x (reported, not gated)` };
  }
  const entry = baseline.ratios[key];
  const tolerance = entry?.tolerance ?? ratio.tolerance ?? settings.defaultTolerance;
  const noisy = isNoisy(ratio.rmePercent, settings);
  const noise = noisy ? ` (median ±${ratio.rmePercent!.toFixed(1)}% > ${settings.noisyRmePercent}%)` : "";

  if (ratio.targetMaximum !== undefined && ratio.value > ratio.targetMaximum) {
    return {
      ...common,
      status: noisy ? "inconclusive" : "target-missed",
      limit: ratio.targetMaximum,
      message: `${label} = ${ratio.value.toFixed(2)}x exceeds its target ≤ ${ratio.targetMaximum}x${noise}`,
    };
  }
  if (!entry) {
    return { ...common, status: "new", message: `${label} = ${ratio.value.toFixed(2)}x has no baseline yet` };
  }
  const limit = entry.value * (1 + tolerance);
  const change = ratio.value / entry.value - 1;
  const moved = `${label} moved from ${entry.value}x to ${ratio.value.toFixed(2)}x (${signedPercent(change)}, tolerance +${(tolerance * 100).toFixed(0)}%)`;
  if (ratio.value > limit) {
    return {
      ...common,
      status: noisy ? "inconclusive" : "regression",
      baseline: entry.value,
      limit,
      change,
      message: `${moved}${noise}`,
    };
  }
  if (ratio.value < entry.value / (1 + tolerance)) {
    return {
      ...common,
      status: "improved",
      baseline: entry.value,
      limit,
      change,
      message: `${moved}; consider \`baseline --write\``,
    };
  }
  return { ...common, status: "pass", baseline: entry.value, limit, change, message: moved };
}

function evaluateTarget(suite: SuiteResult, target: AbsoluteTargetResult, settings: GateSettings): GateFinding {
  const common = {
    kind: "target" as const,
    suite: suite.suite,
    key: `${suite.suite}/${target.id}`,
    measured: target.measuredMs,
    limit: target.maximumMs,
    rmePercent: target.rmePercent,
  };
  if (target.measuredMs === null) {
    const skipped = suite.skippedTasks.find((task) => task.name === target.task);
    return skipped
      ? { ...common, status: "skipped", message: `${target.description}: skipped: ${skipped.reason}` }
      : { ...common, status: "failed", message: `${target.description}: "${target.task}" did not complete` };
  }
  const measured = `${target.statistic} ${target.measuredMs.toFixed(3)} ms (limit ${target.maximumMs} ms)`;
  if (target.measuredMs <= target.maximumMs) {
    return { ...common, status: "pass", message: `${target.description}: ${measured}` };
  }
  const noisy = isNoisy(target.rmePercent, settings);
  return {
    ...common,
    status: noisy ? "inconclusive" : "target-missed",
    message: `${target.description}: ${measured} — missed${noisy ? ` (median ±${target.rmePercent!.toFixed(1)}%)` : ""}`,
  };
}

function signedPercent(fraction: number): string {
  const percent = fraction * 100;
  return `${percent >= 0 ? "+" : ""}${percent.toFixed(1)}%`;
}

/** Compares a run with the baseline: one finding per suite problem, ratio and absolute target. */
export function evaluateGate(
  results: Pick<BenchResults, "suites">,
  baseline: Baseline,
  settings: GateSettings = defaultGateSettings,
): GateFinding[] {
  const findings: GateFinding[] = [];
  for (const suite of results.suites) {
    if (suite.status !== "completed") {
      findings.push({
        kind: "suite",
        suite: suite.suite,
        key: suite.suite,
        status: suite.status === "skipped" ? "skipped" : "failed",
        measured: null,
        message: `${suite.suite} ${suite.status}: ${suite.reason ?? "no reason given"}`,
      });
    }
    if (suite.status === "skipped") continue;
    for (const ratio of suite.ratios) findings.push(evaluateRatio(suite, ratio, baseline, settings));
    for (const target of suite.targets) findings.push(evaluateTarget(suite, target, settings));
    if (suite.status !== "completed") continue;
    const defined = new Set(suite.ratios.map((ratio) => ratioKey(suite.suite, ratio.id)));
    for (const key of Object.keys(baseline.ratios)) {
      if (key.startsWith(`${suite.suite}/`) && !defined.has(key)) {
        findings.push({
          kind: "ratio",
          suite: suite.suite,
          key,
          status: "stale",
          measured: null,
          message: `${key} is in the baseline but the suite no longer defines it; \`baseline --write\` drops nothing, edit baseline.json`,
        });
      }
    }
  }
  return findings;
}

export interface GateDecision {
  exitCode: 0 | 1;
  failures: GateFinding[];
  inconclusive: GateFinding[];
}

export function gateDecision(findings: readonly GateFinding[]): GateDecision {
  const failures = findings.filter((finding) => failingStatuses.has(finding.status));
  const inconclusive = findings.filter((finding) => finding.status === "inconclusive");
  return { exitCode: failures.length > 0 ? 1 : 0, failures, inconclusive };
}

/**
 * Suites worth running again: those with a noisy figure, and those with a regression, so that a
 * regression must reproduce before it fails the gate (a neighbour process on a shared CI runner
 * can slow a cross-thread round trip threefold for a few seconds without raising the rme).
 */
export function suitesToRerun(findings: readonly GateFinding[]): string[] {
  const worthRerunning = (finding: GateFinding) =>
    finding.status === "inconclusive" || finding.status === "regression" || finding.status === "target-missed";
  return [...new Set(findings.filter(worthRerunning).map((finding) => finding.suite))];
}

/** Failures weigh more than noise; a lower score is a cleaner attempt. */
function attemptScore(suite: SuiteResult, baseline: Baseline, settings: GateSettings): number {
  const findings = evaluateGate({ suites: [suite] }, baseline, settings);
  return findings.reduce(
    (score, finding) =>
      score + (failingStatuses.has(finding.status) ? 1000 : finding.status === "inconclusive" ? 1 : 0),
    0,
  );
}

/**
 * Folds a re-run into the results: for each re-run suite the cleaner attempt is kept (the newer
 * one on a tie), so a figure fails the gate only when it regressed in every attempt.
 */
export function mergeRerun(
  results: BenchResults,
  rerun: BenchResults,
  baseline: Baseline,
  settings: GateSettings = defaultGateSettings,
): BenchResults {
  const replacements = new Map(rerun.suites.map((suite) => [suite.suite, suite]));
  return {
    ...results,
    suites: results.suites.map((suite) => {
      const replacement = replacements.get(suite.suite);
      if (!replacement) return suite;
      const attempts = (suite.attempts ?? 1) + 1;
      const keepNew = attemptScore(replacement, baseline, settings) <= attemptScore(suite, baseline, settings);
      return { ...(keepNew ? replacement : suite), attempts };
    }),
  };
}
