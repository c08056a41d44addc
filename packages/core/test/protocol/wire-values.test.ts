import { DanaDict, DanaFloat, DanaList, DanaSet, DanaTuple, type Value } from "@dana-gateway/lang";
import { describe, expect, it } from "vitest";
import { HandleReference } from "../../src/protocol/handle-reference.js";
import { decodeOnHost, encodeOnHost } from "../../src/protocol/host-codec.js";
import { decodeValue, encodeValue, type WireValue } from "../../src/protocol/wire-values.js";

const noHandles = () => {
  throw new Error("no handle expected");
};

/** Encodes, sends through JSON (the strictest transport), and decodes. */
function roundTrip(value: Value): Value {
  const wire = JSON.parse(JSON.stringify(encodeValue(value, noHandles))) as WireValue;
  return decodeValue(wire, noHandles);
}

describe("wire values", () => {
  it("keeps int and float distinct, including big ints and special floats", () => {
    expect(roundTrip(7)).toBe(7);
    expect(roundTrip(2n ** 80n)).toBe(2n ** 80n);
    expect((roundTrip(new DanaFloat(1)) as DanaFloat).value).toBe(1);
    expect(roundTrip(new DanaFloat(1))).toBeInstanceOf(DanaFloat);
    expect((roundTrip(new DanaFloat(Number.NaN)) as DanaFloat).value).toBeNaN();
    expect(Object.is((roundTrip(new DanaFloat(-0)) as DanaFloat).value, -0)).toBe(true);
    expect((roundTrip(new DanaFloat(Number.NEGATIVE_INFINITY)) as DanaFloat).value).toBe(Number.NEGATIVE_INFINITY);
  });

  it("keeps tuples, sets and dicts with non-string keys", () => {
    const dict = new DanaDict();
    dict.set(1, "one");
    dict.set(new DanaTuple([1, 2]), "pair");
    const value = roundTrip(new DanaList([new DanaTuple(["a"]), new DanaSet(), dict])) as DanaList;
    expect(value.items[0]).toBeInstanceOf(DanaTuple);
    expect(value.items[1]).toBeInstanceOf(DanaSet);
    const decoded = value.items[2] as DanaDict;
    expect(decoded.get(1)).toBe("one");
    expect(decoded.get(new DanaTuple([1, 2]))).toBe("pair");
  });

  it("rejects cycles with the path of the repeated container", () => {
    const list = new DanaList([1]);
    list.items.push(new DanaList([list]));
    expect(() => encodeValue(list, noHandles)).toThrow(/value\[1\]\[0\].*cycle/);
  });

  it("sends handle references back as handles and refuses other host objects", () => {
    const reference = new HandleReference({ handleId: 3, kind: "function", name: "f", parameterNames: ["x"] });
    const wire = encodeOnHost(new DanaList([reference]), "args");
    expect(wire).toEqual({ $: "list", items: [{ $: "handle", handle: reference.descriptor }] });
    const decoded = decodeOnHost(wire) as DanaList;
    expect((decoded.items[0] as HandleReference).descriptor.handleId).toBe(3);
  });
});
