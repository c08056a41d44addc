import { describe, expect, it } from "vitest";
import { DanaBuiltinFunction } from "../../src/builtins/builtin-function.js";
import { builtinFunctions, unsupportedBuiltinError, unsupportedBuiltinNames } from "../../src/builtins/functions.js";
import { getBuiltinAttribute } from "../../src/builtins/methods.js";
import { DanaLimitError } from "../../src/errors.js";
import { getItem as getItemFor, getSlice as getSliceFor } from "../../src/values/access.js";
import { contains, equals } from "../../src/values/compare.js";
import { repr } from "../../src/values/print.js";
import {
  DanaDict,
  DanaFloat,
  DanaIterator,
  DanaList,
  DanaRange,
  DanaSet,
  DanaStructInstance,
  DanaStructType,
  DanaTuple,
  DanaTypeName,
  type KeywordArguments,
  type Value,
} from "../../src/values/types.js";
import {
  decode,
  type Encoded,
  expectedOutcome,
  fakeServices,
  jsFunction,
  keywords,
  type Outcome,
  outcomeOf,
  pythonExpected,
} from "./helpers.js";

const services = fakeServices();

function call(name: string, positional: Value[], named: KeywordArguments = new Map()): Value {
  const builtin = builtinFunctions.get(name);
  if (builtin === undefined) throw new Error(`no builtin ${name}`);
  return builtin.implementation(positional, named, services);
}

describe("print and log", () => {
  it("joins str() of the values and honours sep and end", () => {
    const local = fakeServices();
    const print = builtinFunctions.get("print") as DanaBuiltinFunction;
    expect(print.implementation(["a", 1, new DanaFloat(2), null, new DanaList(["x"])], new Map(), local)).toBe(null);
    print.implementation([1, 2], keywords({ sep: "-", end: "!" }), local);
    print.implementation([], new Map(), local);
    print.implementation([1, 2], keywords({ sep: null, end: null }), local);
    expect(local.stdout).toEqual(["a 1 2.0 None ['x']\n", "1-2!", "\n", "1 2\n"]);
    expect(() => print.implementation([1], keywords({ sep: 5 }), local)).toThrow(
      "sep must be None or a string, not int",
    );
  });

  it("logs str(message) at a level, defaulting to INFO", () => {
    const local = fakeServices();
    const log = builtinFunctions.get("log") as DanaBuiltinFunction;
    log.implementation(["hello"], new Map(), local);
    log.implementation([new DanaList([1]), "warning"], new Map(), local);
    log.implementation(["x"], keywords({ level: "bogus" }), local);
    expect(local.logs).toEqual([
      ["INFO", "hello"],
      ["WARNING", "[1]"],
      ["INFO", "x"],
    ]);
    expect(local.stdout).toEqual([]);
  });
});

describe("conversions", () => {
  it.each([
    ["str", [], "''"],
    ["str", [true], "'True'"],
    ["str", [null], "'None'"],
    ["int", [], "0"],
    ["int", [new DanaFloat(3.9)], "3"],
    ["int", [new DanaFloat(-3.9)], "-3"],
    ["int", [true], "1"],
    ["int", [new DanaFloat(1e20)], "100000000000000000000"],
    ["float", [new DanaFloat(3.5)], "3.5"],
    ["float", [2], "2.0"],
    ["float", [], "0.0"],
    ["bool", [null], "False"],
    ["bool", ["no"], "False"],
    ["bool", ["yes"], "True"],
    ["bool", [new DanaList([])], "False"],
    ["bool", [], "False"],
  ] as [string, Value[], string][])("%s(%s) is %s", (name, positional, expected) => {
    expect(repr(call(name, positional))).toBe(expected);
  });

  type ParseCase = { text: string; base?: number } & Outcome;
  it.each((pythonExpected.intParse as ParseCase[]).map((entry) => [entry.text, entry] as const))(
    "int(%j) matches CPython",
    (_text, entry) => {
      const positional: Value[] = entry.base === undefined ? [entry.text] : [entry.text, entry.base];
      expect(outcomeOf(() => call("int", positional))).toEqual(expectedOutcome(entry));
    },
  );

  it.each((pythonExpected.floatParse as ParseCase[]).map((entry) => [entry.text, entry] as const))(
    "float(%j) matches CPython",
    (_text, entry) => {
      expect(outcomeOf(() => call("float", [entry.text]))).toEqual(expectedOutcome(entry));
    },
  );

  it("rejects ints of more than maxIntDigits digits", () => {
    expect(() => call("int", ["1".repeat(5000)])).toThrow(
      "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit",
    );
  });

  it("raises Python's errors for bad arguments", () => {
    expect(() => call("int", [null])).toThrow(
      "int() argument must be a string, a bytes-like object or a real number, not 'NoneType'",
    );
    expect(() => call("float", [new DanaList([])])).toThrow(
      "float() argument must be a string or a real number, not 'list'",
    );
    expect(() => call("int", [new DanaFloat(Number.NaN)])).toThrow("cannot convert float NaN to integer");
    expect(() => call("int", [new DanaFloat(Number.POSITIVE_INFINITY)])).toThrow(
      "cannot convert float infinity to integer",
    );
  });
});

describe("type and isinstance", () => {
  const point = new DanaStructType("Point", [], null, null);
  const instance = new DanaStructInstance(point, []);

  it("type() returns a name that equals its string", () => {
    const result = call("type", [1]);
    expect(result).toBeInstanceOf(DanaTypeName);
    expect(repr(result)).toBe("int");
    expect(repr(call("type", [instance]))).toBe("Struct[Point]");
    expect(repr(call("type", [new DanaFloat(1)]))).toBe("float");
  });

  it("isinstance takes names, tuples of names, struct types and type() results", () => {
    expect(call("isinstance", [1, "int"])).toBe(true);
    expect(call("isinstance", [1, "float"])).toBe(false);
    expect(call("isinstance", [new DanaFloat(1), new DanaTuple(["int", "float"])])).toBe(true);
    expect(call("isinstance", [instance, "Point"])).toBe(true);
    expect(call("isinstance", [instance, point])).toBe(true);
    expect(call("isinstance", ["s", call("type", ["t"])])).toBe(true);
    expect(call("isinstance", ["s", builtinFunctions.get("str") as Value])).toBe(true);
    expect(() => call("isinstance", [1, 5])).toThrow("isinstance() arg 2");
  });
});

describe("collections", () => {
  it("len, range, list, set, sorted, reversed, enumerate, all, any", () => {
    expect(call("len", ["héllo😀"])).toBe(6);
    expect(() => call("len", [5])).toThrow("object of type 'int' has no len()");
    expect(repr(call("range", [5]))).toBe("range(0, 5)");
    expect(repr(call("list", [call("range", [10, 0, -3])]))).toBe("[10, 7, 4, 1]");
    expect(() => call("range", [new DanaFloat(1)])).toThrow("'float' object cannot be interpreted as an integer");
    expect(() => call("range", [1, 2, 0])).toThrow("range() arg 3 must not be zero");
    expect(repr(call("list", ["ab"]))).toBe("['a', 'b']");
    expect(repr(call("list", []))).toBe("[]");
    expect(repr(call("set", [new DanaList([1, new DanaFloat(1), true, "x"])]))).toBe("{1, 'x'}");
    expect(repr(call("sorted", [new DanaTuple([3, 1, 2])], keywords({ reverse: true })))).toBe("[3, 2, 1]");
    const negate = jsFunction((value) => -(value as number));
    expect(repr(call("sorted", [new DanaList([1, 3, 2])], keywords({ key: negate })))).toBe("[3, 2, 1]");
    const reversed = call("reversed", [new DanaList([1, 2])]);
    expect(reversed).toBeInstanceOf(DanaIterator);
    expect(repr(call("list", [reversed]))).toBe("[2, 1]");
    expect(repr(call("list", [reversed]))).toBe("[]");
    expect(() => call("reversed", [new DanaSet()])).toThrow("'set' object is not reversible");
    expect(repr(call("list", [call("enumerate", [new DanaList(["a", "b"]), 1])]))).toBe("[(1, 'a'), (2, 'b')]");
    expect(call("all", [new DanaList([1, "x"])])).toBe(true);
    expect(call("all", [new DanaList([])])).toBe(true);
    expect(call("any", [new DanaList([0, "", null])])).toBe(false);
    expect(call("any", [new DanaList([0, "no"])])).toBe(true);
  });

  it("iterates dicts and dict views", () => {
    const dict = new DanaDict();
    dict.set("a", 1);
    dict.set("b", 2);
    expect(repr(call("list", [dict]))).toBe("['a', 'b']");
    expect(repr(call("sorted", [dict], keywords({ reverse: true })))).toBe("['b', 'a']");
    expect(repr(call("list", [new DanaRange(0, 0, 1)]))).toBe("[]");
  });
});

describe("numeric builtins", () => {
  it("sum, max, min, abs", () => {
    expect(call("sum", [new DanaList([1, 2, 3])])).toBe(6);
    expect(repr(call("sum", [new DanaList([1, new DanaFloat(0.5)])]))).toBe("1.5");
    expect(call("sum", [new DanaList([2 ** 53 - 1, 1])])).toBe(2n ** 53n);
    expect(repr(call("sum", [new DanaList([new DanaList([1]), new DanaList([2])]), new DanaList([])]))).toBe("[1, 2]");
    expect(() => call("sum", [new DanaList(["a"])])).toThrow("unsupported operand type(s) for +: 'int' and 'str'");
    expect(() => call("sum", [new DanaList([]), "x"])).toThrow("sum() can't sum strings");
    expect(call("max", [new DanaList([3, 9, 2])])).toBe(9);
    expect(call("max", [3, 9, 2])).toBe(9);
    expect(call("max", [5])).toBe(5);
    expect(call("min", ["b", "a"])).toBe("a");
    const length = jsFunction((value) => (value as string).length);
    expect(call("max", [new DanaList(["aa", "b", "cc"])], keywords({ key: length }))).toBe("aa");
    expect(call("min", [new DanaList([])], keywords({ default: "none" }))).toBe("none");
    expect(() => call("max", [new DanaList([])])).toThrow("max() arg is an empty sequence");
    expect(call("abs", [-3])).toBe(3);
    expect(repr(call("abs", [new DanaFloat(-0)]))).toBe("0.0");
    expect(call("abs", [-(2n ** 60n)])).toBe(2n ** 60n);
    expect(() => call("abs", ["x"])).toThrow("bad operand type for abs(): 'str'");
  });

  type RoundCase = { value: Encoded; digits: number | null } & Outcome;
  it.each(
    (pythonExpected.rounding as RoundCase[]).map(
      (entry) => [JSON.stringify(entry.value), entry.digits, entry] as const,
    ),
  )("round(%s, %s) matches CPython", (_value, digits, entry) => {
    const positional = digits === null ? [decode(entry.value)] : [decode(entry.value), digits];
    expect(outcomeOf(() => call("round", positional))).toEqual(expectedOutcome(entry));
  });
});

describe("cast, noop and unsupported names", () => {
  it("cast converts by type name, type() result or builtin", () => {
    expect(call("cast", ["int", "42"])).toBe(42);
    expect(call("cast", [builtinFunctions.get("str") as Value, 5])).toBe("5");
    expect(call("cast", [new DanaTypeName("bool"), "no"])).toBe(false);
    expect(repr(call("cast", ["float", 2]))).toBe("2.0");
    expect(() => call("cast", ["Point", 1])).toThrow("cast() cannot convert to 'Point'");
    expect(call("noop", [7])).toBe(7);
  });

  it("lists the Python builtins Dana lacks", () => {
    for (const name of ["zip", "map", "filter", "dict", "tuple", "eval", "getattr", "repr", "next", "use"]) {
      expect(unsupportedBuiltinNames.has(name)).toBe(true);
      expect(builtinFunctions.has(name)).toBe(false);
    }
    expect(unsupportedBuiltinNames.has("reason")).toBe(false);
    expect(unsupportedBuiltinError("zip").message).toBe("'zip' is not supported in Dana");
  });

  it("prints builtins", () => {
    expect(repr(builtinFunctions.get("len") as Value)).toBe("<built-in function len>");
    expect(builtinFunctions.get("len")).toBeInstanceOf(DanaBuiltinFunction);
  });
});

describe("builtins over huge ranges stay bounded", () => {
  const huge = () => call("range", [10 ** 15]);

  /** Services whose step hook stops the program after `budget` steps, like the runtime's step budget. */
  function stepLimited(budget: number) {
    const local = fakeServices();
    let used = 0;
    return Object.assign(local, {
      step(count = 1) {
        used += count;
        if (used > budget) throw new DanaLimitError("steps", "TimeoutError", "step budget exhausted");
      },
    });
  }

  it("report progress to the runtime, so the step budget and deadline hold inside them", () => {
    const limited = stepLimited(100_000);
    for (const name of ["sum", "all", "max", "min"]) {
      const builtin = builtinFunctions.get(name) as DanaBuiltinFunction;
      const source = name === "all" ? call("range", [1, 10 ** 7]) : call("range", [10 ** 7]);
      expect(() => builtin.implementation([source], new Map(), stepLimited(100_000))).toThrow(
        expect.objectContaining({ danaType: "TimeoutError" }),
      );
    }
    const sorted = builtinFunctions.get("sorted") as DanaBuiltinFunction;
    const many = new DanaList(Array.from({ length: 200_000 }, (_, index) => (index * 7919) % 200_003));
    expect(() => sorted.implementation([many], new Map(), limited)).toThrow(
      expect.objectContaining({ danaType: "TimeoutError" }),
    );
    expect(call("sum", [call("range", [10, 0, -3]), 1])).toBe(23);
  });

  it("refuses to materialise them", () => {
    for (const name of ["list", "set", "sorted", "reversed", "max", "min"]) {
      expect(() => call(name, [huge()])).toThrow(expect.objectContaining({ danaType: "MemoryError" }));
    }
  });
});

describe("ranges over big ints (decision 7)", () => {
  it("iterate, index, measure, compare and print like Python", () => {
    const big = call("range", [2n ** 53n, 2n ** 53n + 2n]);
    expect(repr(call("list", [big]))).toBe("[9007199254740992, 9007199254740993]");
    expect(repr(big)).toBe("range(9007199254740992, 9007199254740994)");
    expect(repr(call("type", [big]))).toBe("range");
    expect(call("len", [big])).toBe(2);
    const stepped = call("range", [0, 2n ** 64n, 2n ** 62n]);
    expect(repr(stepped)).toBe("range(0, 18446744073709551616, 4611686018427387904)");
    expect(call("len", [stepped])).toBe(4);
    expect(getItemFor(stepped, -1)).toBe(3n * 2n ** 62n);
    expect(contains(call("range", [2n ** 60n, 2n ** 60n + 5n]), 2n ** 60n + 1n)).toBe(true);
    expect(contains(call("range", [2n ** 60n, 2n ** 60n + 5n]), 2n ** 60n + 7n)).toBe(false);
    expect(equals(call("range", [0n + 2n ** 70n, 2n ** 70n]), call("range", [0]))).toBe(true);
    expect(getBuiltinAttribute(stepped, "start")).toBe(0);
    expect(repr(getSliceFor(stepped, 1, null, 2))).toBe(
      "range(4611686018427387904, 18446744073709551616, 9223372036854775808)",
    );
    expect(() => call("len", [call("range", [2n ** 70n])])).toThrow("Python int too large to convert to C ssize_t");
    expect(() => call("list", [call("range", [2n ** 70n])])).toThrow(
      expect.objectContaining({ danaType: "MemoryError" }),
    );
  });
});
