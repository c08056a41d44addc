import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DanaException } from "../../src/errors.js";
import { floatRepr } from "../../src/values/float-format.js";
import { quoteString, repr, str, typeName } from "../../src/values/print.js";
import {
  DanaDict,
  DanaErrorValue,
  DanaFloat,
  DanaList,
  DanaRange,
  DanaSet,
  DanaStructInstance,
  DanaStructType,
  DanaTuple,
  DanaTypeName,
} from "../../src/values/types.js";
import { parseFloatRepr, pythonExpected } from "./helpers.js";

const emptySpan = { line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 };

describe("float repr", () => {
  it.each([
    [0.1 + 0.2, "0.30000000000000004"],
    [1e16, "1e+16"],
    [1e15, "1000000000000000.0"],
    [100, "100.0"],
    [Number.POSITIVE_INFINITY, "inf"],
    [Number.NEGATIVE_INFINITY, "-inf"],
    [Number.NaN, "nan"],
    [-0, "-0.0"],
    [1e-5, "1e-05"],
    [0.0001, "0.0001"],
    [1.5e300, "1.5e+300"],
    [5e-324, "5e-324"],
  ])("repr(%s) is %s", (value, expected) => {
    expect(floatRepr(value)).toBe(expected);
  });

  it("matches CPython on the fixture floats", () => {
    const mismatches = (pythonExpected.floatRepr as { value: string; repr: string }[]).filter(
      (entry) => floatRepr(parseFloatRepr(entry.value)) !== entry.repr,
    );
    expect(mismatches).toEqual([]);
  });

  it("round-trips and follows Python's notation rules for any double", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = floatRepr(value);
        expect(Object.is(Number(text), value)).toBe(true);
        const exponent = value === 0 ? 0 : Math.floor(Math.log10(Math.abs(value)));
        if (text.includes("e")) {
          expect(/^-?\d(\.\d+)?e[+-]\d{2,3}$/.test(text)).toBe(true);
        } else {
          expect(/^-?\d+\.\d+$/.test(text)).toBe(true);
          // Positional notation only between 1e-4 and 1e16 (allowing log10 rounding at the edges).
          expect(exponent).toBeGreaterThanOrEqual(-5);
          expect(exponent).toBeLessThan(17);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("string repr", () => {
  it.each([
    ["abc", "'abc'"],
    ["it's", `"it's"`],
    [`say "hi"`, `'say "hi"'`],
    [`it's "x"`, `'it\\'s "x"'`],
    ["a\\nb", "'a\\\\nb'"],
    ["line\nnext\ttab\r", "'line\\nnext\\ttab\\r'"],
    ["\u0000\u007f\u00a0", "'\\x00\\x7f\\xa0'"],
    ["é😀", "'é😀'"],
    ["\u200b\u2028", "'\\u200b\\u2028'"],
    ["", "''"],
  ])("repr(%j) is %s", (text, expected) => {
    expect(quoteString(text)).toBe(expected);
  });
});

describe("repr and str of values", () => {
  const point = new DanaStructType(
    "Point",
    [
      {
        name: "x",
        type: { kind: "TypeName", name: "int", arguments: [], span: emptySpan },
        default: undefined,
        description: null,
      },
      {
        name: "tags",
        type: { kind: "TypeName", name: "list", arguments: [], span: emptySpan },
        default: undefined,
        description: null,
      },
    ],
    null,
    null,
  );
  const dict = new DanaDict();
  dict.set("k", new DanaTuple([1]));
  dict.set(2, new DanaList([new DanaFloat(1), null, true]));

  it.each([
    [null, "None", "None"],
    [true, "True", "True"],
    [12n ** 20n, "3833759992447475122176", "3833759992447475122176"],
    ["a", "'a'", "a"],
    [new DanaList(["a", new DanaFloat(1), null, true]), "['a', 1.0, None, True]", "['a', 1.0, None, True]"],
    [new DanaTuple([]), "()", "()"],
    [new DanaTuple([1]), "(1,)", "(1,)"],
    [new DanaTuple([1, "b"]), "(1, 'b')", "(1, 'b')"],
    [dict, "{'k': (1,), 2: [1.0, None, True]}", "{'k': (1,), 2: [1.0, None, True]}"],
    [new DanaSet(), "set()", "set()"],
    [new DanaRange(0, 3, 1), "range(0, 3)", "range(0, 3)"],
    [new DanaRange(10, 0, -2), "range(10, 0, -2)", "range(10, 0, -2)"],
    [new DanaStructInstance(point, [3, new DanaList([])]), "Point(x=3, tags=[])", "Point(x=3, tags=[])"],
    [new DanaTypeName("int"), "int", "int"],
    [
      new DanaErrorValue(new DanaException("ZeroDivisionError", "division by zero")),
      "ZeroDivisionError('division by zero')",
      "division by zero",
    ],
  ])("%#: repr and str", (value, expectedRepr, expectedStr) => {
    expect(repr(value)).toBe(expectedRepr);
    expect(str(value)).toBe(expectedStr);
  });

  it("prints a set in insertion order", () => {
    const set = new DanaSet();
    for (const member of [3, 1, 2, 1]) set.add(member);
    expect(repr(set)).toBe("{3, 1, 2}");
  });

  it("prints self-containing containers like Python", () => {
    const list = new DanaList([1]);
    list.items.push(list);
    expect(repr(list)).toBe("[1, [...]]");
    const selfDict = new DanaDict();
    selfDict.set("me", selfDict);
    expect(repr(selfDict)).toBe("{'me': {...}}");
  });

  it("reports a deeply nested value as RecursionError instead of a host stack overflow", () => {
    let value = new DanaList([]);
    for (let depth = 0; depth < 200_000; depth++) value = new DanaList([value]);
    expect(() => repr(value)).toThrow(expect.objectContaining({ danaType: "RecursionError" }));
  });

  it("refuses to print an int of more than maxIntDigits digits (decision 8)", () => {
    const huge = 10n ** 5000n;
    expect(() => str(huge)).toThrow(
      "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
    );
    expect(str(10n ** 4299n).length).toBe(4300);
    expect(() => str(10n ** 4300n)).toThrow(DanaException);
    expect(str(huge, { ...defaultLimitsForTest(), maxIntDigits: 6000 }).length).toBe(5001);
  });

  it.each([
    [1, "int"],
    [2n ** 70n, "int"],
    [new DanaFloat(1), "float"],
    ["", "str"],
    [false, "bool"],
    [null, "NoneType"],
    [new DanaList([]), "list"],
    [new DanaDict(), "dict"],
    [new DanaTuple([]), "tuple"],
    [new DanaSet(), "set"],
    [new DanaRange(0, 1, 1), "range"],
  ])("typeName(%s) is %s", (value, expected) => {
    expect(typeName(value)).toBe(expected);
  });

  it("names struct instances Struct[Name]", () => {
    expect(typeName(new DanaStructInstance(point, [1, new DanaList([])]))).toBe("Struct[Point]");
  });
});

function defaultLimitsForTest() {
  return {
    maxSteps: 1,
    timeoutMs: 1,
    maxRecursionDepth: 1,
    maxMemoryBytes: 1 << 20,
    maxOutputBytes: 1,
    maxIntDigits: 4300,
  };
}
