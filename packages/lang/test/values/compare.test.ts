import { describe, expect, it } from "vitest";
import { compare, contains, equals, identical } from "../../src/values/compare.js";
import {
  DanaDict,
  DanaDictView,
  DanaFloat,
  DanaList,
  DanaRange,
  DanaSet,
  DanaStructInstance,
  DanaStructType,
  DanaTuple,
  DanaTypeName,
  type Value,
} from "../../src/values/types.js";
import { decode, type Encoded, expectedOutcome, type Outcome, outcomeOf, pythonExpected } from "./helpers.js";

type ComparisonCase = { op: "<" | ">" | "<=" | ">=" | "=="; a: Encoded; b: Encoded } & Outcome;

describe("ordering and equality against CPython", () => {
  const cases = pythonExpected.comparisons as ComparisonCase[];
  it(`agrees on ${cases.length} pairs`, () => {
    const mismatches = [];
    for (const entry of cases) {
      const a = decode(entry.a);
      const b = decode(entry.b);
      const actual = outcomeOf(() => (entry.op === "==" ? equals(a, b) : compare(entry.op as "<", a, b)));
      const expected = expectedOutcome(entry);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) mismatches.push({ ...entry, actual });
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
  });
});

describe("Dana numeric-string coercion (spec 1.3)", () => {
  it.each([
    ["10", 10, true],
    [10, "10", true],
    [10, "10.0", false],
    ["10.0", new DanaFloat(10), true],
    [" 7 ", 7, true],
    ["abc", 1, false],
    ["1", true, false],
  ] as [Value, Value, boolean][])("%j == %j is %s", (a, b, expected) => {
    expect(equals(a, b)).toBe(expected);
  });

  it("orders numeric strings against numbers and rejects other strings", () => {
    expect(compare("<", "5", 10)).toBe(true);
    expect(compare(">", 10, "9")).toBe(true);
    expect(compare("<", "2.5", new DanaFloat(3))).toBe(true);
    expect(() => compare("<", "abc", 1)).toThrow("'<' not supported between instances of 'str' and 'int'");
    expect(() => compare("<", null, 1)).toThrow("'<' not supported between instances of 'NoneType' and 'int'");
  });

  it("does not coerce inside containers", () => {
    expect(equals(new DanaList(["10"]), new DanaList([10]))).toBe(false);
  });
});

describe("structural equality", () => {
  it("treats 1, 1.0 and True as equal, also as dict keys", () => {
    expect(equals(1, new DanaFloat(1))).toBe(true);
    expect(equals(true, 1)).toBe(true);
    const left = new DanaDict();
    left.set(1, "a");
    const right = new DanaDict();
    right.set(true, "a");
    expect(equals(left, right)).toBe(true);
  });

  it("compares big ints and floats exactly", () => {
    expect(equals(2n ** 53n + 1n, new DanaFloat(2 ** 53))).toBe(false);
    expect(equals(2n ** 60n, new DanaFloat(2 ** 60))).toBe(true);
    expect(compare("<", new DanaFloat(2 ** 53), 2n ** 53n + 1n)).toBe(true);
  });

  it("compares structs field-wise and by type", () => {
    const point = new DanaStructType("Point", [], null, null);
    const other = new DanaStructType("Other", [], null, null);
    expect(equals(new DanaStructInstance(point, [1, 2]), new DanaStructInstance(point, [1, new DanaFloat(2)]))).toBe(
      true,
    );
    expect(equals(new DanaStructInstance(point, [1]), new DanaStructInstance(point, [2]))).toBe(false);
    expect(equals(new DanaStructInstance(point, []), new DanaStructInstance(other, []))).toBe(false);
  });

  it("compares sets, ranges and type names", () => {
    const a = new DanaSet();
    a.add(1);
    a.add(2);
    const b = new DanaSet();
    b.add(new DanaFloat(2));
    b.add(true);
    expect(equals(a, b)).toBe(true);
    expect(compare("<=", b, a)).toBe(true);
    expect(compare("<", b, a)).toBe(false);
    expect(equals(new DanaRange(0, 0, 1), new DanaRange(5, 2, 3))).toBe(true);
    expect(equals(new DanaRange(0, 3, 1), new DanaRange(0, 3, 2))).toBe(false);
    expect(equals(new DanaTypeName("int"), "int")).toBe(true);
    expect(equals("str", new DanaTypeName("str"))).toBe(true);
    expect(equals(new DanaTypeName("int"), new DanaTypeName("int"))).toBe(true);
  });

  it("makes NaN unequal to itself except by identity inside containers", () => {
    const nan = new DanaFloat(Number.NaN);
    expect(equals(nan, nan)).toBe(false);
    expect(equals(new DanaList([nan]), new DanaList([nan]))).toBe(true);
    expect(equals(new DanaFloat(Number.NaN), new DanaFloat(Number.NaN))).toBe(false);
  });
});

describe("identity", () => {
  it("compares ints, strings, None and bools by value and objects by reference", () => {
    expect(identical(5, 5)).toBe(true);
    expect(identical(5, "5")).toBe(false);
    expect(identical(null, null)).toBe(true);
    expect(identical(true, 1)).toBe(false);
    const list = new DanaList([]);
    expect(identical(list, list)).toBe(true);
    expect(identical(list, new DanaList([]))).toBe(false);
    expect(identical(new DanaTypeName("int"), new DanaTypeName("int"))).toBe(true);
  });
});

describe("membership", () => {
  const dict = new DanaDict();
  dict.set("k", 1);
  it.each([
    ["ell", "hello", true],
    ["", "x", true],
    [1, new DanaList([new DanaFloat(1)]), true],
    [2, new DanaTuple([1]), false],
    ["k", dict, true],
    [1, dict, false],
    [4, new DanaRange(0, 10, 2), true],
    [5, new DanaRange(0, 10, 2), false],
    [new DanaFloat(4), new DanaRange(0, 10, 2), true],
    [-2, new DanaRange(0, -10, -2), true],
    [1, new DanaDictView(dict, "values"), true],
    [new DanaTuple(["k", 1]), new DanaDictView(dict, "items"), true],
  ] as [Value, Value, boolean][])("%j in %s is %s", (item, container, expected) => {
    expect(contains(container, item)).toBe(expected);
  });

  it("raises Python's errors", () => {
    expect(() => contains("abc", 1)).toThrow("'in <string>' requires string as left operand, not int");
    expect(() => contains(5, 1)).toThrow("argument of type 'int' is not iterable");
    expect(() => contains(dict, new DanaList([]))).toThrow("unhashable type: 'list'");
  });
});
