import type { GateDecision, GateFinding } from "./evaluate.js";

const symbols: Record<GateFinding["status"], string> = {
  pass: "ok      ",
  improved: "better  ",
  new: "new     ",
  regression: "REGRESSED",
  "target-missed": "MISSED  ",
  inconclusive: "noisy   ",
  failed: "FAILED  ",
  skipped: "skipped ",
  stale: "stale   ",
  info: "info    ",
};

export function renderFinding(finding: GateFinding): string {
  return `${symbols[finding.status]} ${finding.key}: ${finding.message}`;
}

/** The gate's report: every finding, then the verdict with the figures that moved. */
export function renderGateReport(findings: readonly GateFinding[], decision: GateDecision): string {
  const lines = findings.map(renderFinding);
  lines.push("");
  if (decision.failures.length > 0) {
    lines.push(`Benchmark gate FAILED: ${decision.failures.length} figure(s) regressed:`);
    for (const failure of decision.failures) lines.push(`  - ${failure.key}: ${failure.message}`);
  } else {
    lines.push("Benchmark gate passed.");
  }
  if (decision.inconclusive.length > 0) {
    lines.push(
      `${decision.inconclusive.length} figure(s) too noisy to judge (reported, not failed): ${decision.inconclusive.map((finding) => finding.key).join(", ")}`,
    );
  }
  return lines.join("\n");
}
