import { describe, expect, it } from "vitest";
import {
  measurementOf,
  measureTasks,
  medianRelativeMarginOfError,
  repeatSync,
  replaySamples,
  replayTask,
  SamplePool,
} from "../src/harness/measure.js";
import type { TaskMeasurement } from "../src/harness/types.js";

describe("measurementOf", () => {
  it("reads statistics only from a completed task", () => {
    const latency = { p50: 2, p99: 5, mean: 2.5, min: 1, max: 9, rme: 3.5, samplesCount: 40 };
    const measurement = measurementOf({ name: "t", result: { state: "completed", latency } } as never);
    expect(measurement).toMatchObject({
      state: "completed",
      medianMs: 2,
      p99Ms: 5,
      opsPerSecond: 500,
      rmePercent: 3.5,
      samples: 40,
    });
  });

  it("does not trust the partial statistics of an aborted task", () => {
    const latency = { p50: 2, p99: 5, mean: 2.5, min: 1, max: 9, rme: 3.5, samplesCount: 3 };
    const measurement = measurementOf({ name: "t", result: { state: "aborted-with-statistics", latency } } as never);
    expect(measurement.state).toBe("aborted");
    expect(measurement.medianMs).toBeUndefined();
  });

  it("keeps the error of an errored task", () => {
    const measurement = measurementOf({
      name: "t",
      result: { state: "errored", error: new TypeError("boom") },
    } as never);
    expect(measurement).toMatchObject({ state: "errored", error: "TypeError: boom" });
  });
});

describe("medianRelativeMarginOfError", () => {
  it("ignores rare large outliers that dominate the mean's rme", () => {
    // 1,000 samples of 40 ns ± 2 ns with one 100 µs pause: the median is steady.
    const latency = { p50: 0.00004, mad: 0.000002, critical: 1.96, samplesCount: 1000 };
    expect(medianRelativeMarginOfError(latency)).toBeCloseTo(0.576, 2);
  });

  it("is large for a handful of scattered samples and 100% for a single one", () => {
    expect(medianRelativeMarginOfError({ p50: 20, mad: 4, critical: 2.57, samplesCount: 6 })).toBeGreaterThan(10);
    expect(medianRelativeMarginOfError({ p50: 20, mad: 0, critical: 12.7, samplesCount: 1 })).toBe(100);
  });
});

describe("measureTasks with tinybench 6", () => {
  it("returns completed figures, and an errored task instead of throwing", async () => {
    const measurements = await measureTasks(
      [
        replayTask("replayed", [1, 2, 3, 10]),
        {
          name: "throws",
          fn: () => {
            throw new Error("task failure");
          },
        },
      ],
      { timeMs: 0, iterations: 4, warmupTimeMs: 0, warmupIterations: 0 },
    );
    // Exactly the replayed samples: a declared-synchronous task gets no async-detection probe call.
    expect(measurements[0]).toMatchObject({
      name: "replayed",
      state: "completed",
      medianMs: 2.5,
      maxMs: 10,
      samples: 4,
    });
    expect(measurements[1]).toMatchObject({ name: "throws", state: "errored" });
    expect(measurements[1]!.error).toContain("task failure");
  });
});

describe("batching helpers", () => {
  it("repeatSync reports the mean per call and the whole batch as the iteration cost", () => {
    let calls = 0;
    const timing = repeatSync(() => calls++, 50)();
    expect(calls).toBe(50);
    expect(timing.overriddenDuration * 50).toBeCloseTo(timing.overriddenIterationCost);
  });

  it("replaySamples cycles through externally timed samples", () => {
    const next = replaySamples([1, 2]);
    expect([next(), next(), next()].map((timing) => timing.overriddenDuration)).toEqual([1, 2, 1]);
    expect(() => replaySamples([])).toThrow();
  });
});

describe("rounds", () => {
  it("pools the samples of every round into one measurement per task", async () => {
    const measurements = await measureTasks([replayTask("a", [1, 3]), replayTask("b", [5])], {
      timeMs: 0,
      iterations: 4,
      warmupTimeMs: 0,
      warmupIterations: 0,
      rounds: 2,
    });
    // Two rounds of two iterations each: a replays 1, 3, 1, 3; b replays 5 four times.
    expect(measurements.map((measurement) => [measurement.name, measurement.samples, measurement.medianMs])).toEqual([
      ["a", 4, 2],
      ["b", 4, 5],
    ]);
  });

  it("keeps the declared task order when a task fails", async () => {
    const pool = new SamplePool();
    pool.addRound(
      new Map<string, number[] | TaskMeasurement>([
        ["first", { name: "first", state: "errored", error: "Error: x" }],
        ["second", [1]],
      ]),
    );
    expect((await pool.summarise()).map((measurement) => measurement.name)).toEqual(["first", "second"]);
  });

  it("reports a task that failed in any round as failed", async () => {
    const pool = new SamplePool();
    pool.addRound(new Map([["t", [1, 2]]]));
    pool.addRound(new Map([["t", { name: "t", state: "errored" as const, error: "Error: second round" }]]));
    pool.addSamples("external", [7, 7, 7]);
    const [failed, external] = await pool.summarise();
    expect(failed).toMatchObject({ name: "t", state: "errored", error: "Error: second round" });
    expect(external).toMatchObject({ name: "external", state: "completed", medianMs: 7, samples: 3 });
  });
});
