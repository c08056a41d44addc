import { describe, expect, it } from "vitest";
import { measurementOf, measureTasks, repeatSync, replaySamples } from "../src/harness/measure.js";

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

describe("measureTasks with tinybench 6", () => {
  it("returns completed figures, and an errored task instead of throwing", async () => {
    const measurements = await measureTasks(
      [
        { name: "replayed", fn: replaySamples([4, 4, 4, 8]) },
        {
          name: "throws",
          fn: () => {
            throw new Error("task failure");
          },
        },
      ],
      { timeMs: 0, iterations: 4, warmupTimeMs: 0, warmupIterations: 0 },
    );
    expect(measurements[0]).toMatchObject({ name: "replayed", state: "completed", medianMs: 4, samples: 4 });
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
