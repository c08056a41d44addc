import type { BenchResults, MachineInfo, RatioResult, SuiteResult, TaskMeasurement } from "../harness/types.js";
import { formatBytes, formatDuration, formatOperationsPerSecond, formatPercent, formatRatio } from "./format.js";

const headers = ["task", "median", "±median", "p99", "ops/s", "rme", "samples"];

function taskRow(task: TaskMeasurement): string[] {
  if (task.state !== "completed") return [task.name, `${task.state}: ${task.error ?? ""}`, "", "", "", "", ""];
  return [
    task.name,
    formatDuration(task.medianMs),
    formatPercent(task.medianRmePercent),
    formatDuration(task.p99Ms),
    formatOperationsPerSecond(task.opsPerSecond),
    formatPercent(task.rmePercent),
    String(task.samples ?? ""),
  ];
}

/** Left-aligns the name column and right-aligns the numbers, as people read figures. */
export function alignColumns(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length)));
  return rows.map((row) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join("  ")
      .trimEnd(),
  );
}

/** "quickjs-emscripten call / plain JS call = 312x (target ≤ 500x)". */
export function ratioLine(ratio: RatioResult): string {
  const target = ratio.targetMaximum === undefined ? "" : ` (target ≤ ${formatRatio(ratio.targetMaximum)})`;
  const noise =
    ratio.rmePercent !== null && ratio.rmePercent > 10
      ? ` [noisy: ±${formatPercent(ratio.rmePercent)} on a median]`
      : "";
  return `${ratio.numerator} / ${ratio.denominator} = ${formatRatio(ratio.value)}${target}${noise}`;
}

export function renderSuite(suite: SuiteResult): string {
  const lines = [`${suite.suite} — ${suite.description}`];
  if (suite.status !== "completed") lines.push(`  ${suite.status}: ${suite.reason ?? "no reason given"}`);
  if (suite.tasks.length > 0) {
    lines.push(...alignColumns([headers, ...suite.tasks.map(taskRow)]).map((line) => `  ${line}`));
  }
  for (const skipped of suite.skippedTasks) lines.push(`  skipped ${skipped.name}: ${skipped.reason}`);
  if (suite.ratios.length > 0) {
    lines.push("  ratios (medians, same run):");
    for (const ratio of suite.ratios) lines.push(`    ${ratioLine(ratio)}`);
  }
  for (const target of suite.targets) {
    const verdict =
      target.measuredMs === null ? "not measured" : target.measuredMs <= target.maximumMs ? "holds" : "MISSED";
    lines.push(
      `  target ${target.description}: ${target.statistic} ${formatDuration(target.measuredMs)} ≤ ${formatDuration(target.maximumMs)} — ${verdict}`,
    );
  }
  return lines.join("\n");
}

export function renderMachine(machine: MachineInfo): string {
  const python = machine.pythonVersion ? `Python ${machine.pythonVersion}` : "no python3";
  return `${machine.cpuModel}, ${machine.cores} cores, ${formatBytes(machine.memoryBytes)}, ${machine.platform}/${machine.arch}, Node ${machine.nodeVersion}, ${python}, ${machine.date}`;
}

/** The readable table `npm run bench` prints. */
export function renderResultsTable(results: BenchResults): string {
  const header = `Dana Gateway benchmarks${results.quick ? " (quick)" : ""} on ${renderMachine(results.machine)}`;
  return [header, "", ...results.suites.map(renderSuite).flatMap((block) => [block, ""])].join("\n");
}
