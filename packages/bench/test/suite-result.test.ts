import { describe, expect, it } from "vitest";
import { buildSuiteResult, computeRatios, computeTargets } from "../src/harness/suite-result.js";
import { task } from "./fixtures/results.js";

describe("computeRatios", () => {
  it("divides medians measured in the same run and carries the larger rme", () => {
    const [ratio] = computeRatios(
      [task("gateway", 0.05, 4), task("plain", 0.00001, 12)],
      [{ id: "g", numerator: "gateway", denominator: "plain" }],
    );
    expect(ratio!.value).toBeCloseTo(5000);
    expect(ratio!.rmePercent).toBe(12);
  });

  it("has no value when a side is missing or did not complete", () => {
    const ratios = computeRatios(
      [task("a", 1), { name: "b", state: "errored", error: "x" }],
      [
        { id: "missing", numerator: "a", denominator: "nowhere" },
        { id: "errored", numerator: "a", denominator: "b" },
      ],
    );
    expect(ratios.map((ratio) => ratio.value)).toEqual([null, null]);
  });
});

describe("computeTargets and buildSuiteResult", () => {
  it("reads the requested statistic", () => {
    const definition = { id: "t", task: "call", maximumMs: 1, description: "d" };
    const tasks = [task("call", 0.4)];
    expect(computeTargets(tasks, [{ ...definition, statistic: "median" }])[0]!.measuredMs).toBe(0.4);
    expect(computeTargets(tasks, [{ ...definition, statistic: "p99" }])[0]!.measuredMs).toBe(0.8);
  });

  it("marks a suite failed when a task did not complete, naming the task", () => {
    const result = buildSuiteResult({
      suite: "s",
      description: "d",
      tasks: [task("ok", 1), { name: "broken", state: "errored", error: "Error: no" }],
      startedAt: performance.now(),
    });
    expect(result.status).toBe("failed");
    expect(result.reason).toContain("broken: Error: no");
  });
});
