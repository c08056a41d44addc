import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pythonEquals } from "../../src/values/compare.js";
import { DanaDict, DanaFloat, DanaSet, DanaTuple, type Value } from "../../src/values/types.js";

/**
 * A reference model of Python dict/set semantics: an association list searched with Python equality (the
 * implementation's hashing must agree with it: 1 == 1.0 == True, tuples by value, -0.0 == 0).
 */
class ModelDict {
  readonly entries: [Value, Value][] = [];
  find(key: Value): number {
    return this.entries.findIndex(([existing]) => pythonEquals(existing, key));
  }
  set(key: Value, value: Value): void {
    const index = this.find(key);
    if (index === -1) this.entries.push([key, value]);
    else (this.entries[index] as [Value, Value])[1] = value; // the first key object is kept, as in CPython
  }
  delete(key: Value): boolean {
    const index = this.find(key);
    if (index === -1) return false;
    this.entries.splice(index, 1);
    return true;
  }
}

const scalar: fc.Arbitrary<Value> = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.integer({ min: -3, max: 3 }).map((value) => new DanaFloat(value)),
  fc.constantFrom(0.5, -0, 2 ** 60).map((value) => new DanaFloat(value)),
  fc.constant(2n ** 60n),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom("a", "b", "1", "", "__proto__", "\u0000t"),
);
const key: fc.Arbitrary<Value> = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 2 }).map((items) => new DanaTuple(items)) },
);
const operation = fc.oneof(
  fc.record({ type: fc.constant("set" as const), key, value: fc.integer() }),
  fc.record({ type: fc.constant("delete" as const), key }),
  fc.record({ type: fc.constant("get" as const), key }),
);

describe("DanaDict and DanaSet against a reference model", () => {
  it("dict: random operation sequences agree on lookups, size and order", () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 40 }), (operations) => {
        const dict = new DanaDict();
        const model = new ModelDict();
        for (const step of operations) {
          if (step.type === "set") {
            dict.set(step.key, step.value);
            model.set(step.key, step.value);
          } else if (step.type === "delete") {
            expect(dict.delete(step.key)).toBe(model.delete(step.key));
          } else {
            const index = model.find(step.key);
            expect(dict.get(step.key)).toBe(index === -1 ? undefined : (model.entries[index] as [Value, Value])[1]);
            expect(dict.has(step.key)).toBe(index !== -1);
          }
          expect(dict.size).toBe(model.entries.length);
        }
        expect(Array.from(dict.entries())).toEqual(model.entries);
      }),
      { numRuns: 1500 },
    );
  });

  it("set: random adds and deletes agree on membership, size and order", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), key), { maxLength: 40 }), (operations) => {
        const set = new DanaSet();
        const model = new ModelDict();
        for (const [add, member] of operations) {
          if (add) {
            set.add(member);
            if (model.find(member) === -1) model.set(member, null);
          } else {
            expect(set.delete(member)).toBe(model.delete(member));
          }
          expect(set.size).toBe(model.entries.length);
          expect(set.has(member)).toBe(model.find(member) !== -1);
        }
        expect(Array.from(set.values())).toEqual(model.entries.map(([member]) => member));
      }),
      { numRuns: 1500 },
    );
  });

  it("keeps 1, 1.0 and True as one key, and 'a' and ('a',) apart", () => {
    const dict = new DanaDict();
    dict.set(1, "int");
    dict.set(new DanaFloat(1), "float");
    dict.set(true, "bool");
    dict.set("a", "str");
    dict.set(new DanaTuple(["a"]), "tuple");
    expect(dict.size).toBe(3);
    expect(dict.get(1)).toBe("bool");
    expect(Array.from(dict.keys())[0]).toBe(1);
  });
});
