import { describe, expect, it } from "vitest";
import type { Baseline } from "../src/gate/baseline.js";
import { evaluateGate, gateDecision, mergeRerun, suitesToRerun } from "../src/gate/evaluate.js";
import { ratio, results, suiteResult } from "./fixtures/results.js";

function baseline(ratios: Baseline["ratios"]): Baseline {
  return { formatVersion: 1, recordedAt: "2026-11-20T00:00:00.000Z", quick: true, machine: null, ratios };
}

const onlyFinding = (findings: ReturnType<typeof evaluateGate>) => {
  expect(findings).toHaveLength(1);
  return findings[0]!;
};

describe("evaluateGate on ratios", () => {
  it("passes a ratio within the default 35% tolerance", () => {
    const finding = onlyFinding(
      evaluateGate(
        results([suiteResult("peers", { ratios: [ratio("a", 13)] })]),
        baseline({ "peers/a": { value: 10 } }),
      ),
    );
    expect(finding.status).toBe("pass");
    expect(finding.limit).toBeCloseTo(13.5);
  });

  it("fails a ratio that grew beyond the tolerance and says which figure moved and by how much", () => {
    const findings = evaluateGate(
      results([suiteResult("peers", { ratios: [ratio("a", 14.8)] })]),
      baseline({ "peers/a": { value: 10 } }),
    );
    const finding = onlyFinding(findings);
    expect(finding.status).toBe("regression");
    expect(finding.change).toBeCloseTo(0.48);
    expect(finding.message).toContain("a numerator / a denominator moved from 10x to 14.80x (+48.0%");
    expect(gateDecision(findings).exitCode).toBe(1);
  });

  it("takes the tolerance from the baseline entry first, then the suite's ratio, then the gate default", () => {
    const run = results([
      suiteResult("s", {
        ratios: [ratio("entry", 15, { tolerance: 0.1 }), ratio("suite", 15, { tolerance: 0.6 }), ratio("plain", 15)],
      }),
    ]);
    const findings = evaluateGate(
      run,
      baseline({ "s/entry": { value: 10, tolerance: 0.6 }, "s/suite": { value: 10 }, "s/plain": { value: 10 } }),
      { defaultTolerance: 0.55, noisyRmePercent: 10 },
    );
    expect(findings.map((finding) => finding.status)).toEqual(["pass", "pass", "pass"]);
    const stricter = evaluateGate(
      run,
      baseline({ "s/plain": { value: 10 }, "s/entry": { value: 10 }, "s/suite": { value: 10 } }),
    );
    expect(stricter.map((finding) => finding.status)).toEqual(["regression", "pass", "regression"]);
  });

  it("calls a regression inconclusive, not failed, when either side is noisy", () => {
    const findings = evaluateGate(
      results([suiteResult("peers", { ratios: [ratio("a", 20, { rmePercent: 14 })] })]),
      baseline({ "peers/a": { value: 10 } }),
    );
    expect(onlyFinding(findings).status).toBe("inconclusive");
    const decision = gateDecision(findings);
    expect(decision.exitCode).toBe(0);
    expect(decision.inconclusive).toHaveLength(1);
    expect(suitesToRerun(findings)).toEqual(["peers"]);
  });

  it("passes a noisy ratio that is within tolerance anyway", () => {
    const findings = evaluateGate(
      results([suiteResult("peers", { ratios: [ratio("a", 10.5, { rmePercent: 40 })] })]),
      baseline({ "peers/a": { value: 10 } }),
    );
    expect(onlyFinding(findings).status).toBe("pass");
    expect(suitesToRerun(findings)).toEqual([]);
  });

  it("reports improvements and new ratios without failing", () => {
    const findings = evaluateGate(
      results([suiteResult("s", { ratios: [ratio("faster", 5), ratio("fresh", 3)] })]),
      baseline({ "s/faster": { value: 10 } }),
    );
    expect(findings.map((finding) => finding.status)).toEqual(["improved", "new"]);
    expect(gateDecision(findings).exitCode).toBe(0);
  });

  it("reports an ungated ratio without judging it, whatever the baseline says", () => {
    const findings = evaluateGate(
      results([suiteResult("peers", { ratios: [ratio("bimodal", 50, { gated: false })] })]),
      baseline({ "peers/bimodal": { value: 1 } }),
    );
    expect(onlyFinding(findings)).toMatchObject({ status: "info" });
    expect(gateDecision(findings).exitCode).toBe(0);
    expect(suitesToRerun(findings)).toEqual([]);
  });

  it("fails a ratio above its own absolute target even without a baseline", () => {
    const findings = evaluateGate(
      results([suiteResult("s", { ratios: [ratio("a", 60, { targetMaximum: 50 })] })]),
      baseline({}),
    );
    expect(onlyFinding(findings).status).toBe("target-missed");
  });

  it("marks baseline entries that a completed suite no longer defines as stale, without failing", () => {
    const findings = evaluateGate(
      results([suiteResult("s", { ratios: [] })]),
      baseline({ "s/gone": { value: 2 }, "t/other": { value: 2 } }),
    );
    expect(onlyFinding(findings)).toMatchObject({ key: "s/gone", status: "stale" });
    expect(gateDecision(findings).exitCode).toBe(0);
  });
});

describe("evaluateGate on suites and absolute targets", () => {
  const target = {
    id: "call-under-1ms",
    task: "gateway call",
    statistic: "median" as const,
    maximumMs: 1,
    description: "a call takes < 1 ms",
  };

  it("checks absolute targets", () => {
    const holds = evaluateGate(
      results([suiteResult("g", { targets: [{ ...target, measuredMs: 0.2, rmePercent: 2 }] })]),
      baseline({}),
    );
    expect(onlyFinding(holds).status).toBe("pass");
    const missed = evaluateGate(
      results([suiteResult("g", { targets: [{ ...target, measuredMs: 1.6, rmePercent: 2 }] })]),
      baseline({}),
    );
    expect(onlyFinding(missed).status).toBe("target-missed");
    expect(gateDecision(missed).exitCode).toBe(1);
    const noisy = evaluateGate(
      results([suiteResult("g", { targets: [{ ...target, measuredMs: 1.6, rmePercent: 30 }] })]),
      baseline({}),
    );
    expect(onlyFinding(noisy).status).toBe("inconclusive");
  });

  it("skips, without failing, a suite whose subject does not exist yet, and keeps its baseline", () => {
    const findings = evaluateGate(
      results([
        suiteResult("gateway-call-worker", {
          status: "skipped",
          reason: "@dana-gateway/core has no DanaRuntime.create yet",
        }),
      ]),
      baseline({ "gateway-call-worker/gateway-over-plain": { value: 100 } }),
    );
    expect(onlyFinding(findings)).toMatchObject({ kind: "suite", status: "skipped" });
    expect(gateDecision(findings).exitCode).toBe(0);
  });

  it("skips ratios whose tasks were skipped, but fails ratios whose tasks did not complete", () => {
    const run = results([
      suiteResult("programs", {
        skippedTasks: [{ name: "fib (Dana)", reason: "no interpreter yet" }],
        ratios: [
          ratio("fib-dana-over-javascript", null, { numerator: "fib (Dana)", denominator: "fib (plain JS)" }),
          ratio("fib-python-over-javascript", null, { numerator: "fib (CPython)", denominator: "fib (plain JS)" }),
        ],
      }),
    ]);
    expect(evaluateGate(run, baseline({})).map((finding) => finding.status)).toEqual(["skipped", "failed"]);
  });

  it("fails a suite that crashed", () => {
    const findings = evaluateGate(
      results([suiteResult("peers", { status: "failed", reason: "timed out after 90000 ms" })]),
      baseline({}),
    );
    expect(onlyFinding(findings).status).toBe("failed");
    expect(gateDecision(findings).exitCode).toBe(1);
  });
});

describe("re-runs", () => {
  const base = baseline({ "b/x": { value: 10 } });

  it("re-runs suites with noisy or regressed figures, not clean or crashed ones", () => {
    const findings = evaluateGate(
      results([
        suiteResult("clean", { ratios: [ratio("x", 1)] }),
        suiteResult("b", { ratios: [ratio("x", 20)] }),
        suiteResult("noisy", { ratios: [ratio("x", 20, { targetMaximum: 5, rmePercent: 50 })] }),
        suiteResult("crashed", { status: "failed", reason: "boom" }),
      ]),
      base,
    );
    expect(suitesToRerun(findings)).toEqual(["b", "noisy"]);
  });

  it("keeps the cleaner attempt, so a regression fails only when it reproduces", () => {
    const first = results([
      suiteResult("a", { attempts: 1 }),
      suiteResult("b", { attempts: 1, ratios: [ratio("x", 20)] }),
    ]);
    const recovered = mergeRerun(first, results([suiteResult("b", { ratios: [ratio("x", 11)] })]), base);
    expect(recovered.suites.map((suite) => [suite.suite, suite.attempts])).toEqual([
      ["a", 1],
      ["b", 2],
    ]);
    expect(recovered.suites[1]!.ratios[0]!.value).toBe(11);

    const reproduced = mergeRerun(first, results([suiteResult("b", { ratios: [ratio("x", 19)] })]), base);
    expect(reproduced.suites[1]!.ratios[0]!.value).toBe(19);
    expect(gateDecision(evaluateGate(reproduced, base)).exitCode).toBe(1);
  });

  it("does not trade a conclusive pass for a noisier attempt", () => {
    const first = results([suiteResult("b", { ratios: [ratio("x", 10.5)] })]);
    const merged = mergeRerun(
      first,
      results([suiteResult("b", { ratios: [ratio("x", 30, { rmePercent: 40 })] })]),
      base,
    );
    expect(merged.suites[0]!.ratios[0]!.value).toBe(10.5);
    expect(merged.suites[0]!.attempts).toBe(2);
  });
});
