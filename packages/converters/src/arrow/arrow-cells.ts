/**
 * One cell both ways, by Arrow type — the rules of the README's round-trip table:
 *
 *   Int8…Int32, Uint8…Uint32 ↔ int        Int64, Uint64 ↔ int (bigint in JavaScript beyond ±2^53−1)
 *   Float16/32/64 ↔ float (NaN, -0 kept)  Bool ↔ bool        Utf8, LargeUtf8, Dictionary<…> ↔ str (or its values)
 *   Date ↔ "YYYY-MM-DD"                   Timestamp ↔ ISO 8601 string at the unit's precision (UTC)
 *   List, FixedSizeList, LargeList ↔ list  Struct ↔ dict      null (any type) ↔ None
 *
 * `arrowToDana` reads values as `Vector.get` returns them (nested timestamps arrive in milliseconds: their
 * sub-millisecond digits are lost; top-level columns are read exactly by `ArrowColumn`).
 */

import { DanaDict, DanaFloat, DanaList, DanaTuple, normalizeInt, type Value } from "@dana-gateway/lang";
import { type DataType, type Field, Type, type Vector } from "apache-arrow";
import { formatDate, formatTimestamp, parseDate, parseTimestamp, type TimeUnitIndex } from "./temporal.js";

type StructRowLike = { toArray(): unknown[] };

export function arrowToDana(type: DataType, raw: unknown): Value {
  if (raw === null || raw === undefined) return null;
  switch (type.typeId) {
    case Type.Int:
      return typeof raw === "bigint" ? normalizeInt(raw) : (raw as number);
    case Type.Float:
      return new DanaFloat(raw as number);
    case Type.Bool:
    case Type.Utf8:
    case Type.LargeUtf8:
      return raw as Value;
    case Type.Date:
      return formatDate(Number(raw instanceof Date ? raw.getTime() : raw));
    case Type.Timestamp: {
      const unit = (type as DataType & { unit: TimeUnitIndex }).unit;
      const milliseconds = Math.trunc(Number(raw instanceof Date ? raw.getTime() : raw));
      return formatTimestamp(millisecondsToUnit(milliseconds, unit), unit);
    }
    case Type.Dictionary:
      return arrowToDana((type as DataType & { dictionary: DataType }).dictionary, raw);
    case Type.Struct: {
      const dict = new DanaDict();
      const values = (raw as StructRowLike).toArray();
      const children = type.children as Field[];
      for (let index = 0; index < children.length; index++) {
        const child = children[index]!;
        dict.set(child.name, arrowToDana(child.type, values[index]));
      }
      return dict;
    }
  }
  // List, FixedSizeList, LargeList: a Vector of the child type.
  const child = (type.children as Field[])[0]!;
  const vector = raw as Vector;
  const items: Value[] = new Array(vector.length);
  for (let index = 0; index < vector.length; index++) items[index] = arrowToDana(child.type, vector.get(index));
  return new DanaList(items);
}

/** Nested timestamps arrive as milliseconds: scale to the unit (zeros past the millisecond). */
function millisecondsToUnit(milliseconds: number, unit: TimeUnitIndex): bigint {
  if (unit === 0) return BigInt(Math.floor(milliseconds / 1000));
  return BigInt(milliseconds) * [1n, 1n, 1_000n, 1_000_000n][unit]!;
}

export class CellConversionError extends Error {
  override readonly name = "CellConversionError";
}

function fail(type: DataType, value: Value, why = ""): never {
  const shown =
    value instanceof DanaFloat
      ? `float ${value.value}`
      : typeof value === "object"
        ? value?.kind
        : JSON.stringify(String(value));
  throw new CellConversionError(`${shown} cannot be stored in an Arrow ${String(type)} column${why}`);
}

/**
 * A Dana value as the JavaScript value `vectorFromArray` expects for `type` (bigint for 64-bit ints, numbers,
 * strings, plain arrays and objects for lists and structs); throws `CellConversionError` when it does not fit.
 */
export function danaToArrow(type: DataType, value: Value): unknown {
  if (value === null) return null;
  switch (type.typeId) {
    case Type.Null:
      return fail(type, value);
    case Type.Int: {
      const integer = typeof value === "boolean" ? Number(value) : value;
      if (typeof integer !== "number" && typeof integer !== "bigint") return fail(type, value);
      const { bitWidth, isSigned } = type as DataType & { bitWidth: number; isSigned: boolean };
      const big = BigInt(integer);
      const lowest = isSigned ? -(1n << BigInt(bitWidth - 1)) : 0n;
      const highest = isSigned ? (1n << BigInt(bitWidth - 1)) - 1n : (1n << BigInt(bitWidth)) - 1n;
      if (big < lowest || big > highest) return fail(type, value, " (out of range)");
      return bitWidth === 64 ? big : Number(integer);
    }
    case Type.Float:
      if (value instanceof DanaFloat) return value.value;
      if (typeof value === "number" || typeof value === "bigint") return Number(value);
      return fail(type, value);
    case Type.Bool:
      return typeof value === "boolean" ? value : fail(type, value);
    case Type.Utf8:
    case Type.LargeUtf8:
      return typeof value === "string" ? value : fail(type, value);
    case Type.Dictionary:
      return danaToArrow((type as DataType & { dictionary: DataType }).dictionary, value);
    case Type.Date: {
      const milliseconds = typeof value === "string" ? parseDate(value) : undefined;
      return milliseconds === undefined ? fail(type, value, ' (expected "YYYY-MM-DD")') : new Date(milliseconds);
    }
    case Type.Timestamp: {
      // Arrow's builders take milliseconds (`ArrowColumn` builds top-level timestamp columns exactly itself).
      const parsed = typeof value === "string" ? parseTimestamp(value, 1) : undefined;
      if (parsed === undefined) return fail(type, value, " (expected an ISO 8601 UTC timestamp)");
      return Number(parsed);
    }
    case Type.Struct: {
      if (!(value instanceof DanaDict)) return fail(type, value);
      const record: Record<string, unknown> = Object.create(null);
      for (const child of type.children as Field[])
        record[child.name] = danaToArrow(child.type, value.get(child.name) ?? null);
      return record;
    }
  }
  if (!(value instanceof DanaList || value instanceof DanaTuple)) return fail(type, value);
  const child = (type.children as Field[])[0]!;
  return value.items.map((item) => danaToArrow(child.type, item));
}
