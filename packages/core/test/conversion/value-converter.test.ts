import {
  DanaDict,
  DanaFloat,
  DanaList,
  DanaRange,
  DanaSet,
  DanaTuple,
  DanaTypeName,
  type Value,
} from "@dana-gateway/lang";
import { describe, expect, it } from "vitest";
import { DanaType, danaTypeOf } from "../../src/conversion/dana-type.js";
import { float, isTuple, tuple } from "../../src/conversion/markers.js";
import { TypeConverterRegistry } from "../../src/conversion/type-converter.js";
import { ValueConverter } from "../../src/conversion/value-converter.js";
import { TypeConversionError } from "../../src/errors/classes.js";

const converter = new ValueConverter();
const toDana = (value: unknown) => converter.toDana(value, "args[0]");
const fromDana = (value: Value) => converter.fromDana(value);
const roundTrip = (value: unknown) => fromDana(toDana(value));

function conversionError(action: () => unknown): TypeConversionError {
  try {
    action();
  } catch (error) {
    if (error instanceof TypeConversionError) return error;
    throw error;
  }
  throw new Error("expected a TypeConversionError");
}

describe("JavaScript → Dana → JavaScript (README table)", () => {
  it("null and undefined become None; None comes back as null", () => {
    expect(toDana(null)).toBeNull();
    expect(toDana(undefined)).toBeNull();
    expect(roundTrip(undefined)).toBeNull();
  });

  it("booleans and strings are unchanged", () => {
    expect(roundTrip(true)).toBe(true);
    expect(roundTrip('héllo """ ')).toBe('héllo """ ');
  });

  it("integral numbers are ints, others floats", () => {
    expect(toDana(3)).toBe(3);
    expect(danaTypeOf(toDana(3))).toBe(DanaType.Int);
    expect(toDana(2.5)).toEqual(new DanaFloat(2.5));
    expect(roundTrip(2.5)).toBe(2.5);
  });

  it("integral numbers beyond 2^53 become big ints and come back as bigint", () => {
    expect(toDana(1e20)).toBe(100000000000000000000n);
    expect(roundTrip(1e20)).toBe(100000000000000000000n);
  });

  it("NaN, ±Infinity and -0 are floats and survive", () => {
    expect(roundTrip(Number.NaN)).toBeNaN();
    expect(roundTrip(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(toDana(-0)).toBeInstanceOf(DanaFloat);
    expect(Object.is(roundTrip(-0), -0)).toBe(true);
  });

  it("float(n) makes an integral float; it comes back as a plain number", () => {
    expect(toDana(float(2))).toEqual(new DanaFloat(2));
    expect(roundTrip(float(2))).toBe(2);
  });

  it("bigints are ints: safe ones come back as numbers, big ones as bigint", () => {
    expect(toDana(5n)).toBe(5);
    expect(roundTrip(2n ** 70n)).toBe(2n ** 70n);
  });

  it("arrays are lists; tuples need tuple() and come back marked", () => {
    expect(toDana([1, "a"])).toEqual(new DanaList([1, "a"]));
    expect(roundTrip([1, [2.5]])).toEqual([1, [2.5]]);
    const pair = roundTrip(tuple(1, "a"));
    expect(toDana(tuple(1, "a"))).toBeInstanceOf(DanaTuple);
    expect(isTuple(pair)).toBe(true);
    expect(Object.isFrozen(pair)).toBe(true);
    expect([...(pair as unknown[])]).toEqual([1, "a"]);
  });

  it("plain objects are dicts with string keys, __proto__ included as data", () => {
    const dict = toDana({ a: 1, nested: { b: [true] } }) as DanaDict;
    expect(dict).toBeInstanceOf(DanaDict);
    expect(dict.get("a")).toBe(1);
    expect(roundTrip({ a: 1, nested: { b: [true] } })).toEqual({ a: 1, nested: { b: [true] } });
    const tricky = JSON.parse('{"__proto__": {"polluted": true}}');
    const back = roundTrip(tricky) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.hasOwn(back, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("Maps are dicts; dicts with non-string keys come back as Maps", () => {
    const map = new Map<unknown, unknown>([
      [1, "one"],
      [tuple(1, 2), "pair"],
    ]);
    const back = roundTrip(map) as Map<unknown, unknown>;
    expect(back).toBeInstanceOf(Map);
    expect(back.get(1)).toBe("one");
    expect(roundTrip(new Map([["a", 1]]))).toEqual({ a: 1 });
  });

  it("Python key equality: 1, 1.0 and true are one dict key", () => {
    const dict = toDana(
      new Map<unknown, unknown>([
        [1, "int"],
        [true, "bool"],
      ]),
    ) as DanaDict;
    expect(dict.size).toBe(1);
  });

  it("Sets are sets", () => {
    const back = roundTrip(new Set([1, "a"])) as Set<unknown>;
    expect(back).toEqual(new Set([1, "a"]));
    expect(toDana(new Set([1]))).toBeInstanceOf(DanaSet);
  });

  it("Dates become ISO 8601 strings (one way)", () => {
    expect(toDana(new Date(Date.UTC(2024, 0, 2, 3, 4, 5)))).toBe("2024-01-02T03:04:05.000Z");
    expect(conversionError(() => toDana(new Date(Number.NaN))).path).toBe("args[0]");
  });

  it("Uint8Arrays become lists of ints (one way)", () => {
    expect(roundTrip(new Uint8Array([0, 255]))).toEqual([0, 255]);
  });

  it("ranges, dict views and type names come back as arrays and strings", () => {
    expect(fromDana(new DanaRange(0, 6, 2))).toEqual([0, 2, 4]);
    expect(fromDana(new DanaTypeName("int"))).toBe("int");
  });
});

describe("rejections name the path inside the value", () => {
  it("class instances without a converter", () => {
    class Point {
      constructor(readonly x: number) {}
    }
    const error = conversionError(() => converter.toDana({ rows: [1, 2, 3, { when: new Point(1) }] }, "args[0]"));
    expect(error.path).toBe("args[0].rows[3].when");
    expect(error.message).toContain("an instance of Point");
    expect(error.message).toContain("TypeConverter");
  });

  it("symbols, symbol keys and cycles", () => {
    expect(conversionError(() => toDana({ a: Symbol("s") })).path).toBe("args[0].a");
    expect(conversionError(() => toDana({ [Symbol("k")]: 1 })).reason).toContain("symbol keys");
    const cyclic: Record<string, unknown> = { list: [] };
    (cyclic.list as unknown[]).push(cyclic);
    const error = conversionError(() => toDana(cyclic));
    expect(error.path).toBe("args[0].list[0]");
    expect(error.reason).toContain("cycle");
  });

  it("unhashable dict keys and set members", () => {
    expect(conversionError(() => toDana(new Map([[[1], "x"]]))).reason).toContain("unhashable");
    expect(conversionError(() => toDana(new Set([{ a: 1 }]))).reason).toContain("unhashable");
  });

  it("functions without a context that can host them", () => {
    expect(conversionError(() => toDana([() => 1])).path).toBe("args[0][0]");
  });

  it("keys that are not identifiers are quoted in the path", () => {
    expect(conversionError(() => toDana({ "two words": Symbol() })).path).toBe('args[0]["two words"]');
  });
});

describe("TypeConverter plugins", () => {
  class Money {
    constructor(
      readonly cents: number,
      readonly currency: string,
    ) {}
  }

  it("register() adds a converter both ways and returns an unregister function", () => {
    const registry = new TypeConverterRegistry();
    const unregister = registry.register<Money>({
      name: "money",
      danaType: DanaType.Dict,
      matches: (value): value is Money => value instanceof Money,
      toDana: (value, scope) => scope.toDana({ cents: value.cents, currency: value.currency }, "money"),
    });
    const withPlugin = new ValueConverter(undefined, registry);
    const dict = withPlugin.toDana(new Money(150, "EUR")) as DanaDict;
    expect(dict.get("cents")).toBe(150);
    unregister();
    expect(() => withPlugin.toDana(new Money(1, "EUR"))).toThrow(TypeConversionError);
  });

  it("a later registration under the same name replaces the earlier one", () => {
    const registry = new TypeConverterRegistry();
    const base = { danaType: DanaType.Str, matches: (value: unknown): value is Money => value instanceof Money };
    registry.register({ ...base, name: "money", toDana: () => "first" });
    registry.register({ ...base, name: "money", toDana: () => "second" });
    expect(registry.size).toBe(1);
    expect(new ValueConverter(undefined, registry).toDana(new Money(1, "EUR"))).toBe("second");
  });
});
