import { describe, expect, it } from "vitest";
import { lastValue, parseArguments, UsageError } from "../src/commands/arguments.js";

describe("parseArguments", () => {
  it("collects repeated --suite values, flags and --key=value forms", () => {
    const parsed = parseArguments(["gate", "--quick", "--suite", "peers", "--suite=programs", "--results", "r.json"]);
    expect(parsed.command).toBe("gate");
    expect(parsed.flags.has("--quick")).toBe(true);
    expect(parsed.values.get("--suite")).toEqual(["peers", "programs"]);
    expect(lastValue(parsed, "--results")).toBe("r.json");
  });

  it("rejects a value option without a value and stray words", () => {
    expect(() => parseArguments(["run", "--suite"])).toThrow(UsageError);
    expect(() => parseArguments(["run", "peers"])).toThrow(/unexpected argument/);
  });
});
