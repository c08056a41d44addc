/**
 * Whatever values a program combines, the value layer answers with a result or a DanaException — never a host
 * TypeError/RangeError (BigInt(1.5), "x".repeat(-1), invalid array length, stack overflow).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { builtinFunctions } from "../../src/builtins/functions.js";
import { allBuiltinMethodNames, callBuiltinMethod, getBuiltinAttribute } from "../../src/builtins/methods.js";
import { DanaException } from "../../src/errors.js";
import { defaultLimits } from "../../src/host.js";
import { getItem, getSlice, iterate, length, setItem, setSlice } from "../../src/values/access.js";
import { augmentedOperation, binaryOperation, unaryOperation } from "../../src/values/arithmetic.js";
import { DanaBigRange } from "../../src/values/big-range.js";
import { compare, contains, equals, identical } from "../../src/values/compare.js";
import { toJSON } from "../../src/values/json.js";
import { repr, str } from "../../src/values/print.js";
import { isSemanticallyTruthy, isTruthy } from "../../src/values/truthiness.js";
import {
  DanaDict,
  DanaFloat,
  DanaList,
  DanaRange,
  DanaSet,
  DanaStructInstance,
  DanaStructType,
  DanaTuple,
  type Value,
} from "../../src/values/types.js";
import { fakeServices } from "./helpers.js";

const limits = { ...defaultLimits, maxMemoryBytes: 1 << 20 };
const services = fakeServices(limits);
const point = new DanaStructType("P", [], null, null);

const scalar: fc.Arbitrary<Value> = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.maxSafeInteger(),
  fc.bigInt({ min: -(2n ** 130n), max: 2n ** 130n }).filter((value) => value > 2n ** 53n || value < -(2n ** 53n)),
  fc.double().map((value) => new DanaFloat(value)),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 6 }),
  fc.constantFrom("😀x", "10", " 2.5 ", "%d", "{}", "{0}{name}", "%(a)s", "no"),
);

const value: fc.Arbitrary<Value> = fc.letrec((tie) => ({
  value: fc.oneof(
    { weight: 5, arbitrary: scalar },
    { weight: 1, arbitrary: fc.array(tie("value"), { maxLength: 3 }).map((items) => new DanaList(items as Value[])) },
    { weight: 1, arbitrary: fc.array(tie("value"), { maxLength: 3 }).map((items) => new DanaTuple(items as Value[])) },
    {
      weight: 1,
      arbitrary: fc.array(fc.tuple(scalar, tie("value")), { maxLength: 3 }).map((entries) => {
        const dict = new DanaDict();
        for (const [key, item] of entries) dict.set(key, item as Value);
        return dict;
      }),
    },
    {
      weight: 1,
      arbitrary: fc.array(scalar, { maxLength: 3 }).map((members) => {
        const set = new DanaSet();
        for (const member of members) set.add(member);
        return set;
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: -5, max: 5 }), fc.constantFrom(1, 2, -1))
        .map(([start, stop, step]) => new DanaRange(start, stop, step)),
    },
    { weight: 1, arbitrary: fc.constant(new DanaStructInstance(point, [])) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }), fc.bigInt({ min: 1n, max: 2n ** 66n }))
        .map(([start, step]) => new DanaBigRange(start, start + step * 3n, step)),
    },
  ),
})).value;

function onlyDanaErrors(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof DanaException)) throw error;
  }
}

const arithmetic = ["+", "-", "*", "/", "//", "%", "**"] as const;
const orderings = ["<", ">", "<=", ">="] as const;
const methodNames = [...allBuiltinMethodNames, "__proto__", "constructor"];
const builtinNames = [...builtinFunctions.keys()].filter((name) => name !== "print" && name !== "log");

describe("the value layer throws only Dana errors", () => {
  it("for operators, comparisons and conversions", () => {
    fc.assert(
      fc.property(value, value, (left, right) => {
        for (const operator of arithmetic) onlyDanaErrors(() => binaryOperation(operator, left, right, limits));
        for (const operator of ["+", "-", "*", "/"] as const) {
          onlyDanaErrors(() => augmentedOperation(operator, left, right, limits));
        }
        for (const operator of orderings) onlyDanaErrors(() => compare(operator, left, right));
        onlyDanaErrors(() => equals(left, right));
        onlyDanaErrors(() => identical(left, right));
        onlyDanaErrors(() => contains(left, right));
        onlyDanaErrors(() => unaryOperation("-", left));
        onlyDanaErrors(() => repr(left));
        onlyDanaErrors(() => str(left, limits));
        onlyDanaErrors(() => toJSON(left));
        onlyDanaErrors(() => isTruthy(left) && isSemanticallyTruthy(left));
      }),
      { numRuns: 1500 },
    );
  });

  it("for indexing, slicing and iteration", () => {
    const index = fc.oneof(scalar, fc.integer({ min: -8, max: 8 }));
    fc.assert(
      fc.property(
        value,
        index,
        index,
        fc.oneof(fc.constant(null), fc.integer({ min: -3, max: 3 })),
        value,
        (object, start, stop, step, item) => {
          onlyDanaErrors(() => getItem(object, start));
          onlyDanaErrors(() => getSlice(object, start, stop, step));
          onlyDanaErrors(() => setItem(object, start, item));
          onlyDanaErrors(() => setSlice(object, start, stop, step, item));
          onlyDanaErrors(() => length(object));
          onlyDanaErrors(() => {
            const iterator = iterate(object);
            for (let count = 0; count < 20 && !iterator.next().done; count++);
          });
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("for builtin methods and functions with random arguments", () => {
    fc.assert(
      fc.property(
        value,
        fc.constantFrom(...methodNames),
        fc.constantFrom(...builtinNames),
        fc.array(value, { maxLength: 3 }),
        (object, method, builtin, positional) => {
          onlyDanaErrors(() => callBuiltinMethod(object, method, positional, new Map(), services));
          onlyDanaErrors(() => getBuiltinAttribute(object, method));
          onlyDanaErrors(() => builtinFunctions.get(builtin)?.implementation(positional, new Map(), services));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("for the host-limit edge cases named in the contract", () => {
    expect(() => binaryOperation("*", "x", -1, limits)).not.toThrow();
    expect(() => binaryOperation("*", new DanaList([1]), 2 ** 40, limits)).toThrow(DanaException);
    expect(() => binaryOperation("**", new DanaFloat(1.5), 2n ** 70n, limits)).toThrow(DanaException);
    expect(() => binaryOperation("//", new DanaFloat(1.5), 2n ** 1030n, limits)).toThrow(DanaException);
    const hugeRange = builtinFunctions.get("range")?.implementation([2n ** 70n], new Map(), services) ?? null;
    expect(() => builtinFunctions.get("len")?.implementation([hugeRange], new Map(), services)).toThrow(DanaException);
  });
});
