import { describe, expect, it } from "vitest";
import { DanaBuiltinFunction } from "../../src/builtins/builtin-function.js";
import { callBuiltinMethod, getBuiltinAttribute } from "../../src/builtins/methods.js";
import { DanaException } from "../../src/errors.js";
import { repr } from "../../src/values/print.js";
import {
  DanaDict,
  DanaErrorValue,
  DanaFloat,
  DanaList,
  DanaRange,
  DanaSet,
  DanaTuple,
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
const none = new Map<string, Value>();

function call(object: Value, name: string, ...positional: Value[]): Value {
  const result = callBuiltinMethod(object, name, positional, none, services);
  if (result === undefined) throw new Error(`no method ${name}`);
  return result;
}

type StringMethodCase = { text: string; method: string; args: Encoded[] } & Outcome;

describe("str methods against CPython", () => {
  const cases = pythonExpected.stringMethods as StringMethodCase[];
  it(`agree on ${cases.length} calls`, () => {
    const mismatches = [];
    for (const entry of cases) {
      const actual = outcomeOf(() => call(entry.text, entry.method, ...entry.args.map(decode)));
      const expected = expectedOutcome(entry);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) mismatches.push({ ...entry, actual });
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
  });
});

describe("list methods", () => {
  it("append, extend, insert, pop, remove, index, count, reverse, copy, clear", () => {
    const list = new DanaList([3, 1]);
    expect(call(list, "append", 2)).toBe(null);
    expect(call(list, "extend", new DanaTuple([5, 4]))).toBe(null);
    call(list, "insert", -1, "x");
    call(list, "insert", 100, "end");
    expect(repr(list)).toBe("[3, 1, 2, 5, 'x', 4, 'end']");
    expect(call(list, "pop")).toBe("end");
    expect(call(list, "pop", 0)).toBe(3);
    expect(call(list, "remove", "x")).toBe(null);
    expect(call(list, "index", new DanaFloat(5))).toBe(2);
    expect(call(list, "count", 1)).toBe(1);
    call(list, "reverse");
    expect(repr(list)).toBe("[4, 5, 2, 1]");
    const copy = call(list, "copy") as DanaList;
    call(list, "clear");
    expect(repr(list)).toBe("[]");
    expect(repr(copy)).toBe("[4, 5, 2, 1]");
  });

  it("raises Python's errors", () => {
    expect(() => call(new DanaList([]), "pop")).toThrow("pop from empty list");
    expect(() => call(new DanaList([1]), "pop", 5)).toThrow("pop index out of range");
    expect(() => call(new DanaList([1]), "remove", 2)).toThrow("list.remove(x): x not in list");
    expect(() => call(new DanaList([1]), "index", "a")).toThrow("'a' is not in list");
    expect(() => call(new DanaList([1]), "extend", 3)).toThrow("'int' object is not iterable");
  });

  it("sorts stably with key= and reverse=", () => {
    const words = new DanaList(["bb", "a", "ccc", "dd", "e"]);
    const byLength = jsFunction((word) => (word as string).length);
    callBuiltinMethod(words, "sort", [], keywords({ key: byLength }), services);
    expect(repr(words)).toBe("['a', 'e', 'bb', 'dd', 'ccc']");
    callBuiltinMethod(words, "sort", [], keywords({ key: byLength, reverse: true }), services);
    expect(repr(words)).toBe("['ccc', 'bb', 'dd', 'a', 'e']");
    const mixed = new DanaList([3, new DanaFloat(1.5), true, 2n ** 60n]);
    call(mixed, "sort");
    expect(repr(mixed)).toBe("[True, 1.5, 3, 1152921504606846976]");
    const strings = new DanaList(["b", "B", "a", "😀", "\uffff"]);
    call(strings, "sort");
    expect(repr(strings)).toBe("['B', 'a', 'b', '\\uffff', '😀']");
    expect(() => call(new DanaList([1, "a"]), "sort")).toThrow(
      "'<' not supported between instances of 'str' and 'int'",
    );
  });
});

describe("dict methods", () => {
  it("get, keys/values/items views, pop, setdefault, update, copy, popitem, clear", () => {
    const dict = new DanaDict();
    dict.set("a", 1);
    expect(call(dict, "get", "a")).toBe(1);
    expect(call(dict, "get", "b")).toBe(null);
    expect(call(dict, "get", "b", 0)).toBe(0);
    const keysView = call(dict, "keys");
    expect(call(dict, "setdefault", "b", new DanaList([]))).toBeInstanceOf(DanaList);
    expect(repr(keysView)).toBe("dict_keys(['a', 'b'])");
    expect(repr(call(dict, "items"))).toBe("dict_items([('a', 1), ('b', [])])");
    const other = new DanaDict();
    other.set("c", 3);
    callBuiltinMethod(dict, "update", [other], keywords({ d: 4 }), services);
    callBuiltinMethod(dict, "update", [new DanaList([new DanaTuple(["e", 5])])], none, services);
    expect(repr(call(dict, "values"))).toBe("dict_values([1, [], 3, 4, 5])");
    expect(call(dict, "pop", "a")).toBe(1);
    expect(call(dict, "pop", "zz", "default")).toBe("default");
    expect(() => call(dict, "pop", "zz")).toThrow(expect.objectContaining({ danaType: "KeyError", message: "'zz'" }));
    expect(repr(call(dict, "popitem"))).toBe("('e', 5)");
    const copy = call(dict, "copy");
    call(dict, "clear");
    expect(repr(dict)).toBe("{}");
    expect(repr(copy)).toBe("{'b': [], 'c': 3, 'd': 4}");
  });
});

describe("set and tuple methods", () => {
  it("add, remove, discard, pop and the algebra", () => {
    const set = new DanaSet();
    call(set, "add", 1);
    call(set, "add", new DanaFloat(1));
    call(set, "add", "x");
    expect(repr(set)).toBe("{1, 'x'}");
    expect(() => call(set, "remove", 9)).toThrow(expect.objectContaining({ danaType: "KeyError", message: "9" }));
    call(set, "discard", 9);
    expect(repr(call(set, "union", new DanaList([2, 3])))).toBe("{1, 'x', 2, 3}");
    expect(repr(call(set, "intersection", new DanaList(["x", 5])))).toBe("{'x'}");
    expect(repr(call(set, "difference", new DanaList(["x"])))).toBe("{1}");
    expect(repr(call(set, "symmetric_difference", new DanaList(["x", 7])))).toBe("{1, 7}");
    expect(call(set, "issubset", new DanaList([1, "x", 3]))).toBe(true);
    expect(call(set, "issuperset", new DanaList([1]))).toBe(true);
    expect(call(set, "pop")).toBe(1);
    expect(() => call(new DanaSet(), "pop")).toThrow("'pop from an empty set'");
  });

  it("tuple index and count", () => {
    const tuple = new DanaTuple([1, 2, 1]);
    expect(call(tuple, "count", 1)).toBe(2);
    expect(call(tuple, "index", 2)).toBe(1);
    expect(() => call(tuple, "index", 5)).toThrow("tuple.index(x): x not in tuple");
  });
});

describe("attributes of builtin values", () => {
  it("reads dict keys by dot and falls back to bound methods", () => {
    const dict = new DanaDict();
    dict.set("on", true);
    dict.set("items", "shadowed");
    expect(getBuiltinAttribute(dict, "on")).toBe(true);
    expect(getBuiltinAttribute(dict, "items")).toBe("shadowed");
    expect(getBuiltinAttribute(dict, "get")).toBeInstanceOf(DanaBuiltinFunction);
    expect(getBuiltinAttribute(dict, "missing")).toBeUndefined();
  });

  it("binds methods as values", () => {
    const list = new DanaList([]);
    const append = getBuiltinAttribute(list, "append") as DanaBuiltinFunction;
    append.implementation([7], none, services);
    expect(repr(list)).toBe("[7]");
    expect(repr(append)).toBe("<built-in method append of list object>");
    const upper = getBuiltinAttribute("abc", "upper") as DanaBuiltinFunction;
    expect(upper.implementation([], none, services)).toBe("ABC");
  });

  it("never exposes JS properties", () => {
    for (const name of ["__proto__", "constructor", "prototype", "toString", "length", "hasOwnProperty", "__class__"]) {
      expect(getBuiltinAttribute(new DanaList([]), name)).toBeUndefined();
      expect(callBuiltinMethod("abc", name, [], none, services)).toBeUndefined();
      expect(callBuiltinMethod(new DanaDict(), name, [], none, services)).toBeUndefined();
    }
    expect(getBuiltinAttribute("abc", "length")).toBeUndefined();
    expect(getBuiltinAttribute(5, "real")).toBeUndefined();
  });

  it("exposes error fields and range bounds", () => {
    const exception = new DanaException("KeyError", "'k'", {
      location: { file: "main.na", span: { line: 3, column: 5, endLine: 3, endColumn: 9, offset: 0, endOffset: 0 } },
    });
    exception.traceback.push({ file: "main.na", function: "<module>", line: 3, column: 5, sourceLine: "d['k']" });
    const error = new DanaErrorValue(exception);
    expect(getBuiltinAttribute(error, "type")).toBe("KeyError");
    expect(getBuiltinAttribute(error, "message")).toBe("'k'");
    expect(getBuiltinAttribute(error, "line")).toBe(3);
    expect(getBuiltinAttribute(error, "column")).toBe(5);
    expect(getBuiltinAttribute(error, "filename")).toBe("main.na");
    expect(getBuiltinAttribute(error, "source_line")).toBe("d['k']");
    expect(repr(getBuiltinAttribute(error, "traceback") ?? null)).toBe(`['File "main.na", line 3, in <module>']`);
    expect(getBuiltinAttribute(new DanaRange(1, 9, 2), "step")).toBe(2);
  });
});

describe("memory budget for growing collections", () => {
  it("stops set.add, dict.setdefault and list.append past the budget", () => {
    const small = fakeServices({ ...services.limits, maxMemoryBytes: 320 });
    const set = new DanaSet();
    expect(() => {
      for (let index = 0; index < 100; index++) callBuiltinMethod(set, "add", [index], none, small);
    }).toThrow(expect.objectContaining({ danaType: "MemoryError" }));
    const dict = new DanaDict();
    expect(() => {
      for (let index = 0; index < 100; index++) callBuiltinMethod(dict, "setdefault", [index], none, small);
    }).toThrow(expect.objectContaining({ danaType: "MemoryError" }));
    const list = new DanaList([]);
    expect(() => {
      for (let index = 0; index < 100; index++) callBuiltinMethod(list, "append", [index], none, small);
    }).toThrow(expect.objectContaining({ danaType: "MemoryError" }));
    expect(list.items.length).toBeLessThanOrEqual(41);
  });
});
