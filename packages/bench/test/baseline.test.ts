import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BaselineFileError, baselineFromResults, medianOfRuns, readBaseline } from "../src/gate/baseline.js";
import { ratio, results, suiteResult } from "./fixtures/results.js";

describe("baselineFromResults", () => {
  const previous = {
    formatVersion: 1 as const,
    recordedAt: "2026-11-01T00:00:00.000Z",
    quick: true,
    machine: null,
    ratios: {
      "peers/a": { value: 3, tolerance: 0.8, note: "platform figure" },
      "peers/removed": { value: 9 },
      "reason/miss-over-hit": { value: 40 },
    },
  };

  it("records new values, keeps hand-set tolerances and notes, and keeps suites that produced nothing", () => {
    const run = results([
      suiteResult("peers", { ratios: [ratio("a", 3.456789), ratio("b", 120.04)] }),
      suiteResult("reason", { status: "skipped", reason: "no core" }),
    ]);
    const next = baselineFromResults(run, previous);
    expect(next.ratios).toEqual({
      "peers/a": { value: 3.457, tolerance: 0.8, note: "platform figure" },
      "peers/b": { value: 120 },
      "reason/miss-over-hit": { value: 40 },
    });
    expect(next.recordedAt).toBe(run.machine.date);
  });

  it("does not record ungated ratios, and drops them if an older baseline had them", () => {
    const next = baselineFromResults(
      results([suiteResult("peers", { ratios: [ratio("a", 3, { gated: false })] })]),
      previous,
    );
    expect(next.ratios["peers/a"]).toBeUndefined();
  });

  it("does not record ratios without a value", () => {
    const next = baselineFromResults(
      results([suiteResult("programs", { status: "failed", ratios: [ratio("x", null)] })]),
    );
    expect(next.ratios).toEqual({});
  });
});

describe("readBaseline", () => {
  it("treats a missing file as an empty baseline and rejects a file of another shape", async () => {
    const directory = await mkdtemp(join(tmpdir(), "bench-baseline-"));
    expect((await readBaseline(join(directory, "missing.json"))).ratios).toEqual({});
    await writeFile(join(directory, "wrong.json"), JSON.stringify({ suites: [] }));
    await expect(readBaseline(join(directory, "wrong.json"))).rejects.toBeInstanceOf(BaselineFileError);
  });
});

describe("medianOfRuns", () => {
  it("takes each ratio's median over the runs that measured it, so one disturbed run does not set the baseline", () => {
    const runs = [
      results([suiteResult("s", { ratios: [ratio("a", 10), ratio("b", null)] })]),
      results([suiteResult("s", { ratios: [ratio("a", 30), ratio("b", 4)] })]),
      results([suiteResult("s", { ratios: [ratio("a", 11), ratio("b", 6)] })]),
    ];
    const folded = medianOfRuns(runs);
    expect(folded.suites[0]!.ratios.map((entry) => entry.value)).toEqual([11, 5]);
    expect(baselineFromResults(folded).ratios).toEqual({ "s/a": { value: 11 }, "s/b": { value: 5 } });
  });
});
