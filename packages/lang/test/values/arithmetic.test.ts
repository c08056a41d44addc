import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DanaLimitError } from "../../src/errors.js";
import { defaultLimits } from "../../src/host.js";
import { augmentedOperation, binaryOperation, unaryOperation } from "../../src/values/arithmetic.js";
import { repr } from "../../src/values/print.js";
import { DanaFloat, DanaList, DanaSet, DanaTuple, normalizeInt, type Value } from "../../src/values/types.js";
import { decode, type Encoded, expectedOutcome, type Outcome, outcomeOf, pythonExpected } from "./helpers.js";

type ArithmeticCase = { op: "+" | "-" | "*" | "/" | "//" | "%" | "**"; a: Encoded; b: Encoded } & Outcome;

describe("binaryOperation against CPython", () => {
  const cases = pythonExpected.arithmetic as ArithmeticCase[];
  it(`agrees on ${cases.length} operand pairs`, () => {
    const mismatches = [];
    for (const entry of cases) {
      const actual = outcomeOf(() => binaryOperation(entry.op, decode(entry.a), decode(entry.b), defaultLimits));
      const expected = expectedOutcome(entry);
      if (entry.op === "**" && withinOneUlp(actual, expected)) continue; // V8's pow is not correctly rounded
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        mismatches.push({ op: entry.op, a: entry.a, b: entry.b, expected, actual });
      }
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
  });
});

/** Both outcomes are finite floats at most one unit in the last place apart. */
function withinOneUlp(actual: Outcome, expected: Outcome): boolean {
  if (!("ok" in actual) || !("ok" in expected)) return false;
  const a = Number(actual.ok);
  const b = Number(expected.ok);
  if (!Number.isFinite(a) || !Number.isFinite(b) || (!actual.ok.includes(".") && !actual.ok.includes("e")))
    return false;
  const view = new DataView(new ArrayBuffer(16));
  view.setFloat64(0, a);
  view.setFloat64(8, b);
  const distance = view.getBigInt64(0) - view.getBigInt64(8);
  return distance >= -1n && distance <= 1n;
}

describe("Dana + coercion (spec 1.3)", () => {
  it.each([
    ["n=", new DanaFloat(1.5), "'n=1.5'"],
    [1, "2", "'12'"],
    ["x", true, "'xtrue'"],
    [false, "!", "'false!'"],
    ["v", 2n ** 64n, "'v18446744073709551616'"],
  ] as [Value, Value, string][])("%s + %s", (left, right, expected) => {
    expect(repr(binaryOperation("+", left, right, defaultLimits))).toBe(expected);
  });

  it("does not coerce None or lists", () => {
    expect(() => binaryOperation("+", null, "a", defaultLimits)).toThrow(
      "unsupported operand type(s) for +: 'NoneType' and 'str'",
    );
    expect(() => binaryOperation("+", "a", null, defaultLimits)).toThrow(
      'can only concatenate str (not "NoneType") to str',
    );
    expect(() => binaryOperation("-", "3", 1, defaultLimits)).toThrow(
      "unsupported operand type(s) for -: 'str' and 'int'",
    );
  });
});

describe("augmentedOperation", () => {
  it("does not coerce strings", () => {
    expect(() => augmentedOperation("+", 3, "a", defaultLimits)).toThrow(
      "unsupported operand type(s) for +: 'int' and 'str'",
    );
    expect(() => augmentedOperation("+", "a", 3, defaultLimits)).toThrow('can only concatenate str (not "int") to str');
  });

  it("extends a list in place with any iterable", () => {
    const list = new DanaList([1]);
    const result = augmentedOperation("+", list, "ab", defaultLimits);
    expect(result).toBe(list);
    expect(repr(list)).toBe("[1, 'a', 'b']");
    augmentedOperation("+", list, list, defaultLimits);
    expect(repr(list)).toBe("[1, 'a', 'b', 1, 'a', 'b']");
    expect(() => augmentedOperation("+", list, 5, defaultLimits)).toThrow("'int' object is not iterable");
  });

  it("repeats a list in place", () => {
    const list = new DanaList([1, 2]);
    expect(augmentedOperation("*", list, 2, defaultLimits)).toBe(list);
    expect(repr(list)).toBe("[1, 2, 1, 2]");
  });

  it("keeps numbers fast and exact", () => {
    expect(augmentedOperation("+", 2 ** 53 - 1, 1, defaultLimits)).toBe(2n ** 53n);
    expect(repr(augmentedOperation("/", 1, 4, defaultLimits))).toBe("0.25");
  });
});

describe("unaryOperation", () => {
  it.each([
    ["-", 0, "0"],
    ["-", 5, "-5"],
    ["-", -(2 ** 53 - 1), "9007199254740991"],
    ["-", 2n ** 53n, "-9007199254740992"],
    ["-", true, "-1"],
    ["+", false, "0"],
    ["-", new DanaFloat(0), "-0.0"],
    ["+", new DanaFloat(2.5), "2.5"],
  ] as ["-" | "+", Value, string][])("%s%s", (operator, operand, expected) => {
    expect(repr(unaryOperation(operator, operand))).toBe(expected);
  });

  it("rejects strings", () => {
    expect(() => unaryOperation("-", "a")).toThrow("bad operand type for unary -: 'str'");
  });

  it("never produces a negative zero int", () => {
    expect(Object.is(unaryOperation("-", 0), 0)).toBe(true);
    expect(Object.is(binaryOperation("*", -3, 0, defaultLimits), 0)).toBe(true);
    expect(Object.is(binaryOperation("%", -4, 2, defaultLimits), 0)).toBe(true);
  });
});

describe("set difference", () => {
  it("supports set - set", () => {
    const left = new DanaSet();
    for (const member of [1, 2, 3]) left.add(member);
    const right = new DanaSet();
    right.add(new DanaFloat(2));
    expect(repr(binaryOperation("-", left, right, defaultLimits))).toBe("{1, 3}");
  });
});

describe("memory budget (decision 8)", () => {
  const small = { ...defaultLimits, maxMemoryBytes: 1_000_000 };

  it("refuses 2 ** 10 ** 9 before computing it", () => {
    const exponent = binaryOperation("**", 10, 9, defaultLimits);
    const started = performance.now();
    expect(() => binaryOperation("**", 2, exponent, defaultLimits)).toThrow(DanaLimitError);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it("refuses huge products, strings and lists", () => {
    const big = binaryOperation("**", 2, 1_500_000, small);
    expect(() => binaryOperation("*", big, big, small)).toThrow(expect.objectContaining({ danaType: "MemoryError" }));
    expect(() => binaryOperation("*", "ab", 1_000_000, small)).toThrow(DanaLimitError);
    expect(() => binaryOperation("*", new DanaList([1, 2]), 1_000_000, small)).toThrow(DanaLimitError);
    expect(() => binaryOperation("*", "x", 2n ** 60n, small)).toThrow(DanaLimitError);
    expect(() => binaryOperation("*", new DanaTuple([1]), 10 ** 12, defaultLimits)).toThrow(DanaLimitError);
    expect(binaryOperation("*", "", 2n ** 60n, small)).toBe("");
  });

  it("refuses string concatenation beyond the budget", () => {
    const half = "x".repeat(600_000);
    expect(() => binaryOperation("+", half, half, small)).toThrow(DanaLimitError);
  });
});

/** Random ints: mostly small, some near 2**53, some far beyond. */
const anyInt = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.maxSafeInteger(),
  fc.bigInt({ min: -(2n ** 200n), max: 2n ** 200n }),
);

function reference(operator: string, a: bigint, b: bigint): bigint | "ZeroDivisionError" {
  switch (operator) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "//": {
      if (b === 0n) return "ZeroDivisionError";
      const quotient = a / b;
      return a % b !== 0n && a < 0n !== b < 0n ? quotient - 1n : quotient;
    }
    default: {
      if (b === 0n) return "ZeroDivisionError";
      const remainder = a % b;
      return remainder !== 0n && remainder < 0n !== b < 0n ? remainder + b : remainder;
    }
  }
}

describe("int arithmetic against a BigInt reference model", () => {
  it.each(["+", "-", "*", "//", "%"] as const)("%s agrees, normalised to the canonical representation", (operator) => {
    fc.assert(
      fc.property(anyInt, anyInt, (x, y) => {
        const left = normalizeInt(BigInt(x));
        const right = normalizeInt(BigInt(y));
        const expected = reference(operator, BigInt(x), BigInt(y));
        if (expected === "ZeroDivisionError") {
          const message = operator === "%" ? "integer modulo by zero" : "integer division or modulo by zero";
          expect(() => binaryOperation(operator, left, right, defaultLimits)).toThrow(message);
          return;
        }
        const actual = binaryOperation(operator, left, right, defaultLimits);
        expect(actual).toStrictEqual(normalizeInt(expected));
      }),
      { numRuns: 3000 },
    );
  });

  it("** agrees for non-negative exponents", () => {
    fc.assert(
      fc.property(anyInt, fc.integer({ min: 0, max: 40 }), (x, exponent) => {
        const actual = binaryOperation("**", normalizeInt(BigInt(x)), exponent, defaultLimits);
        expect(actual).toStrictEqual(normalizeInt(BigInt(x) ** BigInt(exponent)));
      }),
      { numRuns: 2000 },
    );
  });

  it("// and % satisfy the floor identity a == (a // b) * b + a % b with the sign of b", () => {
    fc.assert(
      fc.property(
        anyInt,
        anyInt.filter((value) => BigInt(value) !== 0n),
        (x, y) => {
          const a = normalizeInt(BigInt(x));
          const b = normalizeInt(BigInt(y));
          const quotient = BigInt(binaryOperation("//", a, b, defaultLimits) as number | bigint);
          const remainder = BigInt(binaryOperation("%", a, b, defaultLimits) as number | bigint);
          expect(quotient * BigInt(y) + remainder).toBe(BigInt(x));
          expect(remainder === 0n || remainder < 0n === BigInt(y) < 0n).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
