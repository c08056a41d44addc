import { describe, expect, it } from "vitest";
import { loadSuite, resolveSuiteNames, suiteNames, UnknownSuiteError } from "../src/harness/registry.js";

describe("the suite registry", () => {
  it.each(suiteNames)("%s loads, and its definition carries the same name", async (name) => {
    const suite = await loadSuite(name);
    expect(suite.name).toBe(name);
    expect(suite.description.length).toBeGreaterThan(20);
    const availability = await suite.available();
    expect(availability === true || (typeof availability === "string" && availability.length > 0)).toBe(true);
  });

  it("rejects an unknown suite up front, naming the known ones", () => {
    expect(() => resolveSuiteNames(["peers", "nope"])).toThrow(UnknownSuiteError);
    expect(() => resolveSuiteNames(["nope"])).toThrow(/Known suites: peers, /);
    expect(resolveSuiteNames([])).toEqual(suiteNames);
  });
});
