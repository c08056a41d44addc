import { describe, expect, it } from "vitest";
import { callBuiltinMethod } from "../../src/builtins/methods.js";
import { defaultLimits } from "../../src/host.js";
import { binaryOperation } from "../../src/values/arithmetic.js";
import { formatValue } from "../../src/values/format-spec.js";
import { DanaFloat, type Value } from "../../src/values/types.js";
import {
  decode,
  type Encoded,
  expectedOutcome,
  fakeServices,
  type Outcome,
  outcomeOf,
  pythonExpected,
} from "./helpers.js";

const services = fakeServices();

type FormatCase = { template: string; args: Encoded[]; kwargs: Record<string, Encoded> } & Outcome;
type PercentCase = { template: string; argument: Encoded } & Outcome;

describe("str.format against CPython", () => {
  const cases = pythonExpected.stringFormat as FormatCase[];
  it.each(cases.map((entry) => [entry.template, entry] as const))("%j", (_template, entry) => {
    const keywords = new Map<string, Value>(Object.entries(entry.kwargs).map(([key, value]) => [key, decode(value)]));
    const actual = outcomeOf(
      () => callBuiltinMethod(entry.template, "format", entry.args.map(decode), keywords, services) ?? null,
    );
    expect(actual).toEqual(expectedOutcome(entry));
  });
});

describe("% formatting against CPython", () => {
  const cases = pythonExpected.percentFormat as PercentCase[];
  it.each(cases.map((entry) => [entry.template, entry] as const))("%j", (_template, entry) => {
    const actual = outcomeOf(() => binaryOperation("%", entry.template, decode(entry.argument), defaultLimits));
    expect(actual).toEqual(expectedOutcome(entry));
  });
});

describe("formatValue", () => {
  it.each([
    [new DanaFloat(1234.5), ",.1f", "1,234.5"],
    [42, "", "42"],
    [new DanaFloat(-0), "", "-0.0"],
    [new DanaFloat(-0), ".1f", "-0.0"],
    [2n ** 70n, ",", "1,180,591,620,717,411,303,424"],
    ["é😀", "^5", " é😀  "],
    [new DanaFloat(0.5), ".0f", "0"],
    [new DanaFloat(1.5), ".0f", "2"],
    [new DanaFloat(123.456), "e", "1.234560e+02"],
    [new DanaFloat(1e-7), "", "1e-07"],
    [255, "#o", "0o377"],
  ] as [Value, string, string][])("format(%s, %j) is %j", (value, spec, expected) => {
    expect(formatValue(value, spec, defaultLimits)).toBe(expected);
  });
});
