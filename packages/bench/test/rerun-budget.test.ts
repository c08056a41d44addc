import { describe, expect, it } from "vitest";
import type { GateFinding } from "../src/gate/evaluate.js";
import { affordableReruns } from "../src/gate/rerun-budget.js";
import { results, suiteResult } from "./fixtures/results.js";

const finding = (suite: string, status: GateFinding["status"]): GateFinding => ({
  kind: "ratio",
  suite,
  key: `${suite}/x`,
  status,
  measured: 1,
  message: "",
});

describe("affordableReruns", () => {
  const run = results([
    suiteResult("noisy", { durationMs: 20_000 }),
    suiteResult("regressed", { durationMs: 30_000 }),
    suiteResult("small", { durationMs: 2_000 }),
  ]);
  const findings = [
    finding("noisy", "inconclusive"),
    finding("regressed", "regression"),
    finding("small", "inconclusive"),
  ];

  it("re-runs regressed suites first and defers what does not fit the remaining time", () => {
    expect(affordableReruns(["noisy", "regressed", "small"], findings, run, 40_000)).toEqual({
      rerun: ["regressed", "small"],
      deferred: ["noisy"],
    });
  });

  it("re-runs everything when time allows", () => {
    expect(affordableReruns(["noisy", "regressed", "small"], findings, run, Number.POSITIVE_INFINITY).deferred).toEqual(
      [],
    );
  });
});
