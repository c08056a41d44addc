import { describe, expect, it } from "vitest";
import { defaultLimits } from "../../src/host.js";
import { getItem, getSlice, iterate, length, setItem, setSlice } from "../../src/values/access.js";
import { repr } from "../../src/values/print.js";
import {
  DanaDict,
  DanaDictView,
  DanaFloat,
  DanaList,
  DanaRange,
  DanaSet,
  DanaTuple,
  type Value,
} from "../../src/values/types.js";

const list = () => new DanaList([10, 20, 30, 40, 50]);

describe("getItem", () => {
  it("indexes sequences with negative indices", () => {
    expect(getItem(list(), 0)).toBe(10);
    expect(getItem(list(), -1)).toBe(50);
    expect(getItem(list(), true)).toBe(20);
    expect(getItem("héllo", 1)).toBe("é");
    expect(getItem("a😀b", 1)).toBe("😀");
    expect(getItem("a😀b", -1)).toBe("b");
    expect(getItem(new DanaTuple([1, 2]), -2)).toBe(1);
    expect(getItem(new DanaRange(0, 10, 3), -1)).toBe(9);
  });

  it("raises Python's errors", () => {
    expect(() => getItem(list(), 5)).toThrow(
      expect.objectContaining({ danaType: "IndexError", message: "list index out of range" }),
    );
    expect(() => getItem("ab", 2)).toThrow("string index out of range");
    expect(() => getItem(new DanaTuple([]), 0)).toThrow("tuple index out of range");
    expect(() => getItem(new DanaRange(0, 2, 1), 2)).toThrow("range object index out of range");
    expect(() => getItem(list(), "a")).toThrow("list indices must be integers or slices, not str");
    expect(() => getItem(list(), new DanaFloat(1))).toThrow("list indices must be integers or slices, not float");
    expect(() => getItem("ab", "a")).toThrow("string indices must be integers, not 'str'");
    expect(() => getItem(5, 0)).toThrow("'int' object is not subscriptable");
    expect(() => getItem(null, 0)).toThrow("'NoneType' object is not subscriptable");
  });

  it("looks up dict keys with Python equality and KeyError repr messages", () => {
    const dict = new DanaDict();
    dict.set(1, "one");
    dict.set("__proto__", "data");
    dict.set(new DanaTuple([1, "a"]), "pair");
    expect(getItem(dict, new DanaFloat(1))).toBe("one");
    expect(getItem(dict, true)).toBe("one");
    expect(getItem(dict, "__proto__")).toBe("data");
    expect(getItem(dict, new DanaTuple([new DanaFloat(1), "a"]))).toBe("pair");
    expect(() => getItem(dict, "k")).toThrow(expect.objectContaining({ danaType: "KeyError", message: "'k'" }));
    expect(() => getItem(dict, new DanaList([]))).toThrow("unhashable type: 'list'");
  });
});

describe("setItem", () => {
  it("assigns list elements and dict keys", () => {
    const values = list();
    setItem(values, -1, "x");
    expect(repr(values)).toBe("[10, 20, 30, 40, 'x']");
    expect(() => setItem(values, 9, 1)).toThrow("list assignment index out of range");
    const dict = new DanaDict();
    setItem(dict, 1, "a");
    setItem(dict, true, "b");
    expect(repr(dict)).toBe("{1: 'b'}");
    expect(() => setItem(new DanaTuple([1]), 0, 2)).toThrow("'tuple' object does not support item assignment");
    expect(() => setItem("abc", 0, "x")).toThrow("'str' object does not support item assignment");
  });
});

describe("getSlice", () => {
  it.each([
    [1, 3, null, "[20, 30]"],
    [null, null, null, "[10, 20, 30, 40, 50]"],
    [null, null, -1, "[50, 40, 30, 20, 10]"],
    [null, null, 2, "[10, 30, 50]"],
    [-2, null, null, "[40, 50]"],
    [3, 1, -1, "[40, 30]"],
    [4, null, -2, "[50, 30, 10]"],
    [3, 1, null, "[]"],
    [5, null, null, "[]"],
    [null, 5, null, "[10, 20, 30, 40, 50]"],
    [-5, null, null, "[10, 20, 30, 40, 50]"],
    [5, null, -1, "[50, 40, 30, 20, 10]"],
  ] as [Value, Value, Value, string][])("[%s:%s:%s]", (start, stop, step, expected) => {
    expect(repr(getSlice(list(), start, stop, step))).toBe(expected);
  });

  it("raises on out-of-range bounds instead of clamping (kept Dana difference)", () => {
    expect(() => getSlice("abc", 10, 20, null)).toThrow(expect.objectContaining({ danaType: "ValueError" }));
    expect(() => getSlice(list(), null, 6, null)).toThrow(expect.objectContaining({ danaType: "ValueError" }));
    expect(() => getSlice(list(), -6, null, null)).toThrow(expect.objectContaining({ danaType: "ValueError" }));
    expect(() => getSlice(list(), null, null, 0)).toThrow("slice step cannot be zero");
    expect(() => getSlice(list(), "a", null, null)).toThrow("slice indices must be integers or None");
  });

  it("slices strings by code point, tuples and ranges", () => {
    expect(getSlice("hello", 1, 4, null)).toBe("ell");
    expect(getSlice("hello", null, null, -1)).toBe("olleh");
    expect(getSlice("a😀b", 1, 2, null)).toBe("😀");
    expect(getSlice("a😀b", null, null, -1)).toBe("b😀a");
    expect(repr(getSlice(new DanaTuple([1, 2, 3]), 1, null, null))).toBe("(2, 3)");
    expect(repr(getSlice(new DanaRange(0, 10, 1), 2, 8, 2))).toBe("range(2, 8, 2)");
  });
});

describe("setSlice", () => {
  it("replaces, grows and shrinks lists", () => {
    const values = list();
    setSlice(values, 1, 2, null, new DanaList([9, 9]));
    expect(repr(values)).toBe("[10, 9, 9, 30, 40, 50]");
    setSlice(values, 0, 3, null, "ab");
    expect(repr(values)).toBe("['a', 'b', 30, 40, 50]");
    setSlice(values, null, null, 2, new DanaTuple([1, 2, 3]));
    expect(repr(values)).toBe("[1, 'b', 2, 40, 3]");
    setSlice(values, 2, 2, null, new DanaList([7]));
    expect(repr(values)).toBe("[1, 'b', 7, 2, 40, 3]");
  });

  it("raises Python's errors", () => {
    expect(() => setSlice(list(), null, null, 2, new DanaList([1]))).toThrow(
      "attempt to assign sequence of size 1 to extended slice of size 3",
    );
    expect(() => setSlice(list(), 0, 1, null, 5)).toThrow("can only assign an iterable");
    expect(() => setSlice("abc", 0, 1, null, "x")).toThrow("'str' object does not support item assignment");
  });

  it("assigns a list to a slice of itself", () => {
    const values = new DanaList([1, 2]);
    setSlice(values, 0, 0, null, values);
    expect(repr(values)).toBe("[1, 2, 1, 2]");
  });
});

describe("iterate and length", () => {
  const collect = (value: Value) => repr(new DanaList(Array.from({ [Symbol.iterator]: () => iterate(value) })));

  it("iterates every iterable type", () => {
    const dict = new DanaDict();
    dict.set("a", 1);
    dict.set("b", 2);
    const set = new DanaSet();
    set.add(3);
    expect(collect("a😀")).toBe("['a', '😀']");
    expect(collect(dict)).toBe("['a', 'b']");
    expect(collect(new DanaDictView(dict, "items"))).toBe("[('a', 1), ('b', 2)]");
    expect(collect(new DanaDictView(dict, "values"))).toBe("[1, 2]");
    expect(collect(set)).toBe("[3]");
    expect(collect(new DanaRange(5, 0, -2))).toBe("[5, 3, 1]");
    expect(collect(new DanaTuple([1]))).toBe("[1]");
    expect(() => iterate(5)).toThrow("'int' object is not iterable");
    expect(() => iterate(null)).toThrow("'NoneType' object is not iterable");
  });

  it("sees items appended during iteration, like Python's list iterator", () => {
    const values = new DanaList([1, 2]);
    const seen: Value[] = [];
    const iterator = iterate(values);
    for (let step = iterator.next(); !step.done; step = iterator.next()) {
      seen.push(step.value);
      if (step.value === 1) values.items.push(3);
    }
    expect(seen).toEqual([1, 2, 3]);
  });

  it("measures lengths in code points", () => {
    expect(length("a😀b")).toBe(3);
    expect(length(new DanaRange(0, 10, 3))).toBe(4);
    expect(length(new DanaDict())).toBe(0);
    expect(() => length(new DanaFloat(1))).toThrow("object of type 'float' has no len()");
  });
});

describe("memory budget for growing dicts", () => {
  it("refuses a new key past the budget but allows updates", () => {
    const limits = { ...defaultLimits, maxMemoryBytes: 32 * 3 };
    const dict = new DanaDict();
    for (const key of [1, 2, 3]) setItem(dict, key, key, limits);
    expect(() => setItem(dict, 4, 4, limits)).toThrow(expect.objectContaining({ danaType: "MemoryError" }));
    expect(dict.size).toBe(3);
    setItem(dict, 1, "updated", limits);
    expect(dict.get(1)).toBe("updated");
  });
});

describe("range slices print as Python computes them", () => {
  it.each([
    [new DanaRange(0, 10, 1), null, null, -1, "range(9, -1, -1)"],
    [new DanaRange(0, 10, 1), 2, 8, 3, "range(2, 8, 3)"],
    [new DanaRange(0, 10, 2), 5, null, null, "range(10, 10, 2)"],
  ] as [DanaRange, Value, Value, Value, string][])("%s[%s:%s:%s]", (range, start, stop, step, expected) => {
    expect(repr(getSlice(range, start, stop, step))).toBe(expected);
  });
});
