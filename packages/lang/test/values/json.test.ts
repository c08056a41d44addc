import { describe, expect, it } from "vitest";
import { builtinFunctions } from "../../src/builtins/functions.js";
import { fromJSON, toJSON } from "../../src/values/json.js";
import { repr } from "../../src/values/print.js";
import {
  DanaDict,
  DanaFloat,
  DanaList,
  DanaRange,
  DanaSet,
  DanaStructInstance,
  DanaStructType,
  DanaTuple,
} from "../../src/values/types.js";

describe("fromJSON", () => {
  it("converts plain data", () => {
    expect(repr(fromJSON({ a: [1, 2.5, "x", null, true], b: { c: 1e300 }, big: 2 ** 60 }))).toBe(
      "{'a': [1, 2.5, 'x', None, True], 'b': {'c': 1e+300}, 'big': 1.152921504606847e+18}",
    );
    expect(fromJSON(2n ** 70n)).toBe(2n ** 70n);
    expect(fromJSON(5n)).toBe(5);
    expect(fromJSON(undefined)).toBe(null);
    expect(Object.is(fromJSON(-0), 0)).toBe(true);
  });

  it("keeps __proto__ as an ordinary key", () => {
    const data = JSON.parse('{"__proto__": 1, "constructor": 2}');
    expect(repr(fromJSON(data))).toBe("{'__proto__': 1, 'constructor': 2}");
  });

  it("rejects host objects", () => {
    expect(() => fromJSON(new Date(0))).toThrow("cannot convert a JS Date to a Dana value");
    expect(() => fromJSON(() => 1)).toThrow("cannot convert a JS function");
    expect(() => fromJSON(new Map())).toThrow("cannot convert a JS Map");
  });
});

describe("toJSON", () => {
  it("converts values to plain data with the documented rules", () => {
    const dict = new DanaDict();
    dict.set("s", "x");
    dict.set(1, new DanaTuple([1, new DanaFloat(2)]));
    dict.set(false, 2n ** 70n);
    dict.set(null, new DanaFloat(Number.NaN));
    dict.set(new DanaFloat(1.5), new DanaRange(0, 3, 1));
    const set = new DanaSet();
    set.add("only");
    dict.set("__proto__", set);
    const json = toJSON(dict) as Record<string, unknown>;
    expect(JSON.stringify(json)).toBe(
      '{"1":[1,2],"s":"x","false":"1180591620717411303424","null":null,"1.5":[0,1,2],"__proto__":["only"]}',
    );
    expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
  });

  it("converts structs to objects", () => {
    const point = new DanaStructType(
      "P",
      [
        {
          name: "x",
          type: {
            kind: "TypeName",
            name: "int",
            arguments: [],
            span: { line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 },
          },
          default: undefined,
          description: null,
        },
      ],
      null,
      null,
    );
    expect(toJSON(new DanaStructInstance(point, [3]))).toEqual({ x: 3 });
  });

  it("rejects cycles, functions and tuple keys", () => {
    const list = new DanaList([]);
    list.items.push(list);
    expect(() => toJSON(list)).toThrow("Circular reference detected");
    expect(() => toJSON(builtinFunctions.get("len") ?? null)).toThrow(
      "Object of type builtin_function is not JSON serializable",
    );
    const dict = new DanaDict();
    dict.set(new DanaTuple([1]), 1);
    expect(() => toJSON(dict)).toThrow("keys must be str, int, float, bool or None, not tuple");
  });

  it("round-trips JSON data", () => {
    const data = { a: [1, 2.5, "x", null, false, { b: [] }], "": {} };
    expect(toJSON(fromJSON(data))).toEqual(data);
  });
});
