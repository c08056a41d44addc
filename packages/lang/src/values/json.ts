/**
 * Conversion between Dana values and plain JSON-compatible JS data.
 *
 * JS → Dana (`fromJSON`): null/undefined → None; booleans → bool; integral numbers in the safe range → int, other
 * numbers → float; bigint → int; strings → str; arrays → list; plain objects → dict (insertion order, any key
 * including "__proto__"). Anything else (functions, class instances, symbols) → TypeError.
 *
 * Dana → JS (`toJSON`): None → null; bool; int → number, but an int beyond the safe range → its decimal string
 * (lossless; JSON has no big integers); float → number, except nan/inf/-inf → null (JSON has none); str;
 * list/tuple/set/range/dict views → arrays; dict → object with keys converted like Python's json (str as is,
 * int/float/bool/None keys → "1", "1.5", "true", "null"; other keys → TypeError; note that JS objects list
 * integer-like keys first, whatever the dict order); struct → object of its fields.
 * Functions, modules and other runtime values → TypeError; a container that contains itself → ValueError.
 */
import { DanaException } from "../errors.js";
import { iterate } from "./access.js";
import { DanaBigRange } from "./big-range.js";
import { floatRepr } from "./float-format.js";
import { operandTypeName } from "./print.js";
import {
  DanaDict,
  DanaDictView,
  DanaFloat,
  DanaList,
  DanaRange,
  DanaSet,
  DanaStructInstance,
  DanaTuple,
  type Value,
} from "./types.js";

export function fromJSON(data: unknown): Value {
  switch (typeof data) {
    case "undefined":
      return null;
    case "boolean":
    case "string":
      return data;
    case "number":
      return Number.isSafeInteger(data) ? data + 0 : new DanaFloat(data);
    case "bigint":
      return data >= -9007199254740991n && data <= 9007199254740991n ? Number(data) : data;
    case "object": {
      if (data === null) return null;
      if (Array.isArray(data)) return new DanaList(data.map(fromJSON));
      const prototype = Object.getPrototypeOf(data);
      if (prototype !== Object.prototype && prototype !== null) break;
      const dict = new DanaDict();
      for (const key of Object.keys(data)) dict.set(key, fromJSON((data as Record<string, unknown>)[key]));
      return dict;
    }
  }
  throw new DanaException("TypeError", `cannot convert a JS ${describe(data)} to a Dana value`);
}

function describe(data: unknown): string {
  if (typeof data !== "object" || data === null) return typeof data;
  const name: unknown = (data as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === "string" && name !== "" ? name : "object";
}

export function toJSON(value: Value): unknown {
  return new JsonWriter().convert(value);
}

class JsonWriter {
  private readonly active = new Set<object>();

  convert(value: Value): unknown {
    switch (typeof value) {
      case "boolean":
      case "string":
      case "number":
        return value;
      case "bigint":
        return value.toString();
    }
    if (value === null) return null;
    if (value instanceof DanaFloat) return Number.isFinite(value.value) ? value.value : null;
    if (this.active.has(value)) throw new DanaException("ValueError", "Circular reference detected");
    this.active.add(value);
    try {
      return this.convertObject(value);
    } finally {
      this.active.delete(value);
    }
  }

  private convertObject(value: Exclude<Value, null | boolean | number | bigint | string | DanaFloat>): unknown {
    if (value instanceof DanaList || value instanceof DanaTuple) return value.items.map((item) => this.convert(item));
    if (
      value instanceof DanaSet ||
      value instanceof DanaRange ||
      value instanceof DanaBigRange ||
      value instanceof DanaDictView
    ) {
      const result: unknown[] = [];
      const iterator = iterate(value);
      for (let step = iterator.next(); !step.done; step = iterator.next()) result.push(this.convert(step.value));
      return result;
    }
    if (value instanceof DanaDict) {
      const result: Record<string, unknown> = {};
      for (const [key, item] of value.entries()) defineProperty(result, jsonKey(key), this.convert(item));
      return result;
    }
    if (value instanceof DanaStructInstance) {
      const result: Record<string, unknown> = {};
      value.type.fields.forEach((field, index) => {
        defineProperty(result, field.name, this.convert(value.fields[index] ?? null));
      });
      return result;
    }
    throw new DanaException("TypeError", `Object of type ${operandTypeName(value)} is not JSON serializable`);
  }
}

/** Plain assignment would treat "__proto__" as the prototype setter. */
function defineProperty(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function jsonKey(key: Value): string {
  switch (typeof key) {
    case "string":
      return key;
    case "number":
    case "bigint":
      return key.toString();
    case "boolean":
      return key ? "true" : "false";
  }
  if (key === null) return "null";
  if (key instanceof DanaFloat) {
    if (Number.isNaN(key.value)) return "NaN";
    if (!Number.isFinite(key.value)) return key.value > 0 ? "Infinity" : "-Infinity";
    return floatRepr(key.value);
  }
  throw new DanaException("TypeError", `keys must be str, int, float, bool or None, not ${operandTypeName(key)}`);
}
