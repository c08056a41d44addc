import type { Baseline } from "../gate/baseline.js";
import { ratioKey } from "../gate/baseline.js";
import { defaultGateSettings, evaluateGate, type GateFinding } from "../gate/evaluate.js";
import type { BenchResults, SuiteResult } from "../harness/types.js";
import { formatDuration, formatOperationsPerSecond, formatPercent } from "./format.js";
import { escapeHtml, type RatioBar, renderRatioChart } from "./svg-chart.js";
import { renderMachine } from "./table.js";

function barsOf(suite: SuiteResult, findings: ReadonlyMap<string, GateFinding>, baseline: Baseline): RatioBar[] {
  return suite.ratios.map((ratio) => {
    const key = ratioKey(suite.suite, ratio.id);
    const finding = findings.get(key);
    const entry = baseline.ratios[key];
    return {
      label: `${ratio.numerator} / ${ratio.denominator}`,
      value: ratio.value,
      ...(entry ? { baseline: entry.value } : {}),
      ...(finding?.limit !== undefined && entry ? { limit: finding.limit } : {}),
      ...(ratio.targetMaximum === undefined ? {} : { target: ratio.targetMaximum }),
      status: finding?.status ?? "new",
    };
  });
}

function taskTable(suite: SuiteResult): string {
  if (suite.tasks.length === 0) return "";
  const rows = suite.tasks.map((task) =>
    task.state === "completed"
      ? `<tr><td>${escapeHtml(task.name)}</td><td>${formatDuration(task.medianMs)}</td><td>${formatPercent(task.medianRmePercent)}</td><td>${formatDuration(task.p99Ms)}</td><td>${formatOperationsPerSecond(task.opsPerSecond)}</td><td>${formatPercent(task.rmePercent)}</td><td>${task.samples}</td></tr>`
      : `<tr><td>${escapeHtml(task.name)}</td><td colspan="6">${escapeHtml(`${task.state}: ${task.error ?? ""}`)}</td></tr>`,
  );
  return `<table><thead><tr><th>task</th><th>median</th><th>±median</th><th>p99</th><th>ops/s</th><th>rme</th><th>samples</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function suiteSection(suite: SuiteResult, findings: ReadonlyMap<string, GateFinding>, baseline: Baseline): string {
  const parts = [`<section><h2>${escapeHtml(suite.suite)}</h2><p>${escapeHtml(suite.description)}</p>`];
  if (suite.status !== "completed") {
    parts.push(`<p class="${suite.status}"><strong>${suite.status}</strong>: ${escapeHtml(suite.reason ?? "")}</p>`);
  }
  if (suite.ratios.length > 0) parts.push(renderRatioChart(barsOf(suite, findings, baseline)));
  for (const target of suite.targets) {
    const verdict =
      target.measuredMs === null ? "not measured" : target.measuredMs <= target.maximumMs ? "holds" : "missed";
    parts.push(
      `<p class="target">${escapeHtml(target.description)}: ${target.statistic} ${formatDuration(target.measuredMs)} (limit ${formatDuration(target.maximumMs)}) — <strong>${verdict}</strong></p>`,
    );
  }
  for (const skipped of suite.skippedTasks) {
    parts.push(`<p class="skipped">skipped ${escapeHtml(skipped.name)}: ${escapeHtml(skipped.reason)}</p>`);
  }
  parts.push(taskTable(suite), "</section>");
  return parts.join("\n");
}

/** The reference design's promises, answered first: each absolute target with its measured figure. */
function targetsSummary(results: BenchResults): string {
  const rows = results.suites.flatMap((suite) =>
    suite.targets.map((target) => {
      const verdict =
        target.measuredMs === null ? "not measured" : target.measuredMs <= target.maximumMs ? "holds" : "missed";
      return `<tr><td>${escapeHtml(target.description)}</td><td>${target.statistic} ${formatDuration(target.measuredMs)}</td><td>${formatDuration(target.maximumMs)}</td><td class="${verdict === "holds" ? "holds" : "failed"}">${verdict}</td></tr>`;
    }),
  );
  const skipped = results.suites.filter((suite) => suite.status === "skipped").map((suite) => suite.suite);
  if (rows.length === 0 && skipped.length === 0) return "";
  return `<section><h2>Reference targets</h2><table><thead><tr><th>target</th><th>measured</th><th>limit</th><th>verdict</th></tr></thead><tbody>${rows.join("")}</tbody></table>${
    skipped.length > 0
      ? `<p class="skipped">Not measured in this run (skipped): ${escapeHtml(skipped.join(", "))}</p>`
      : ""
  }</section>`;
}

const style = `body{font-family:system-ui,sans-serif;margin:2rem;max-width:960px;color:#222}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{padding:.2rem .6rem;border-bottom:1px solid #eee;text-align:right}
td:first-child,th:first-child{text-align:left}.skipped{color:#777}.failed{color:#c62828}.holds{color:#2f7d32}.tick{fill:#777}
.legend span{margin-right:1.2rem}`;

/**
 * The self-contained `bench-report.html`: inline SVG and CSS only, no scripts and no network,
 * so it can be attached to a CI run and opened anywhere.
 */
export function renderHtmlReport(results: BenchResults, baseline: Baseline): string {
  const findings = new Map(
    evaluateGate(results, baseline, defaultGateSettings).map((finding) => [finding.key, finding] as const),
  );
  const sections = results.suites.map((suite) => suiteSection(suite, findings, baseline));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Dana Gateway benchmarks</title><style>${style}</style></head>
<body><h1>Dana Gateway benchmarks${results.quick ? " (quick run)" : ""}</h1>
<p>${escapeHtml(renderMachine(results.machine))}</p>
<p>Each bar is a ratio of two medians measured in the same run (lower is better; the axis is logarithmic).</p>
${targetsSummary(results)}
<p class="legend"><span>▮ bar: this run</span><span>│ solid: baseline</span><span>┆ red dashed: gate limit</span><span>⋮ purple dotted: target</span></p>
${sections.join("\n")}
</body></html>
`;
}
