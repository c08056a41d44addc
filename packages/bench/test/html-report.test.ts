import { describe, expect, it } from "vitest";
import { renderHtmlReport } from "../src/report/html.js";
import { logarithmicScale, renderRatioChart } from "../src/report/svg-chart.js";
import { ratio, results, suiteResult, task } from "./fixtures/results.js";

const baseline = {
  formatVersion: 1 as const,
  recordedAt: "2026-11-20T00:00:00.000Z",
  quick: true,
  machine: null,
  ratios: { "peers/quickjs-over-plain": { value: 100 }, "peers/slow": { value: 2 } },
};

const run = results([
  suiteResult("peers", {
    tasks: [task("quickjs <call>", 0.0006), task("plain JS call", 0.000005)],
    ratios: [
      ratio("quickjs-over-plain", 120, { numerator: "quickjs <call>", denominator: "plain JS call" }),
      ratio("slow", 4, { numerator: "slow", denominator: "fast", targetMaximum: 3 }),
    ],
  }),
  suiteResult("reason", { status: "skipped", reason: "no core yet" }),
  suiteResult("gateway-call-worker", {
    targets: [
      {
        id: "t",
        task: "call",
        statistic: "median",
        maximumMs: 1,
        description: "one call takes < 1 ms",
        measuredMs: 1.4,
        rmePercent: 1,
      },
    ],
  }),
]);

describe("renderHtmlReport", () => {
  const html = renderHtmlReport(run, baseline);

  it("is self-contained: no scripts, no external resources", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?https?:/i);
    expect(html).not.toMatch(/<link/i);
  });

  it("draws a bar per ratio with its baseline, gate limit and target markers", () => {
    expect(html.match(/<svg/g)).toHaveLength(1);
    expect(html.match(/<rect/g)).toHaveLength(2);
    expect(html).toContain("baseline 100x");
    expect(html).toContain("gate limit 135x");
    expect(html).toContain("target ≤ 3.00x");
    // The regression (4 > 2 × 1.35 and above its target) is drawn in the failure colour.
    expect(html).toMatch(/fill="#c62828"><title>slow \/ fast: 4\.00x \(target-missed\)/);
  });

  it("answers the reference targets first, with the measured figure and a verdict", () => {
    expect(html.indexOf("Reference targets")).toBeLessThan(html.indexOf("<svg"));
    expect(html).toContain(
      '<td>one call takes &#60; 1 ms</td><td>median 1.40 ms</td><td>1.00 ms</td><td class="failed">missed</td>',
    );
    expect(html).toContain("Not measured in this run (skipped): reason");
  });

  it("escapes names and shows skipped suites with their reason", () => {
    expect(html).toContain("quickjs &#60;call&#62;");
    expect(html).not.toContain("quickjs <call>");
    expect(html).toContain("no core yet");
  });
});

describe("renderRatioChart", () => {
  it("scales bars logarithmically so a 10,000x ratio and a 2x ratio are both visible", () => {
    const svg = renderRatioChart([
      { label: "big", value: 10_000, status: "pass" },
      { label: "small", value: 2, status: "pass" },
    ]);
    const widths = [...svg.matchAll(/<rect[^>]*width="([\d.]+)"/g)].map((match) => Number(match[1]));
    expect(widths[0]!).toBeGreaterThan(widths[1]!);
    expect(widths[1]!).toBeGreaterThan(widths[0]! / 20);
  });
});

describe("logarithmicScale", () => {
  it("starts below the smallest ratio so ratios under 1x stay distinguishable", () => {
    const { x, ticks } = logarithmicScale([0.031, 0.2, 140], 400);
    expect(ticks).toEqual([0.01, 0.1, 1, 10, 100]);
    expect(x(0.2)).toBeGreaterThan(x(0.031));
    expect(x(0.01)).toBe(0);
  });

  it("starts at 1x when every ratio is above it", () => {
    expect(logarithmicScale([3, 40], 400).ticks).toEqual([1, 10]);
  });
});
