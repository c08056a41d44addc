import { describe, expect, it } from "vitest";
import { formatDuration, formatOperationsPerSecond, formatRatio } from "../src/report/format.js";
import { ratioLine, renderResultsTable } from "../src/report/table.js";
import { ratio, results, suiteResult, task } from "./fixtures/results.js";

describe("formatting", () => {
  it("picks the unit a reader expects", () => {
    expect(formatDuration(0.0000047)).toBe("4.70 ns");
    expect(formatDuration(0.0703)).toBe("70.3 µs");
    expect(formatDuration(12.345)).toBe("12.3 ms");
    expect(formatDuration(1520)).toBe("1.52 s");
    expect(formatDuration(null)).toBe("—");
    expect(formatOperationsPerSecond(213_400_000)).toBe("213.40M");
    expect(formatRatio(3.2)).toBe("3.20x");
    expect(formatRatio(0.0312)).toBe("0.031x");
    expect(formatRatio(1234)).toBe("1234x");
  });
});

describe("renderResultsTable", () => {
  const run = results([
    suiteResult("gateway-call-inprocess", {
      tasks: [task("gateway call (inprocess)", 0.0032), task("plain JS call", 0.000001)],
      ratios: [
        ratio("gateway-over-plain", 3.2, { numerator: "gateway call", denominator: "plain JS call", targetMaximum: 5 }),
        ratio("noisy", 2, { numerator: "x", denominator: "y", rmePercent: 25 }),
      ],
      targets: [
        {
          id: "t",
          task: "gateway call (inprocess)",
          statistic: "median",
          maximumMs: 1,
          description: "a call takes < 1 ms",
          measuredMs: 0.0032,
          rmePercent: 1,
        },
      ],
    }),
    suiteResult("reason", { status: "skipped", reason: "@dana-gateway/core has no DanaRuntime.create yet" }),
  ]);
  const text = renderResultsTable(run);

  it("prints the machine, a row per task with aligned columns, and ratio lines", () => {
    expect(text).toContain("Test CPU, 2 cores, 8.0 GiB");
    expect(text).toMatch(/gateway call \(inprocess\)\s+3\.20 µs\s+1\.0%\s+6\.40 µs\s+312\.5k\s+2\.0%\s+100/);
    expect(text).toContain("gateway call / plain JS call = 3.20x (target ≤ 5.00x)");
    expect(text).toContain("x / y = 2.00x [noisy: ±25.0% on a median]");
    expect(text).toContain("target a call takes < 1 ms: median 3.20 µs ≤ 1.00 ms — holds");
  });

  it("says why a suite was skipped", () => {
    expect(text).toContain("skipped: @dana-gateway/core has no DanaRuntime.create yet");
  });

  it("shows a ratio without a value as a dash", () => {
    expect(ratioLine(ratio("r", null, { numerator: "a", denominator: "b" }))).toBe("a / b = —");
  });
});
