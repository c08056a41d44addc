/**
 * Typed assignment (`x: int = "42"`, spec 1.13) and struct field validation (spec 1.8).
 *
 * Typed assignment is lenient and converts: int↔float, numeric strings → numbers, anything → str (bools as
 * "true"/"false"), strings → bool semantically, JSON strings → dict/list, dicts → structs. Field validation is
 * strict: an int field rejects a str; the only conversions are int → float and dict → struct.
 * None is accepted everywhere (fields default to None; `x: int = None` clears a variable).
 */
import { DanaException } from "../errors.js";
import type { TypeExpression } from "../syntax/ast.js";
import { parseFloatText } from "./convert.js";
import { floatToInt, intToFloat, parseIntText } from "./integers.js";
import { fromJSON } from "./json.js";
import { operandTypeName, repr, str } from "./print.js";
import type { RuntimeServices } from "./services.js";
import { isSemanticallyTruthy } from "./truthiness.js";
import {
  DanaDict,
  DanaFloat,
  DanaList,
  DanaSet,
  DanaStructInstance,
  type DanaStructType,
  DanaTuple,
  type Value,
} from "./types.js";

type Mode = "assignment" | "field";

/** Returned by converters when the value does not fit; never escapes this module. */
const MISMATCH: unique symbol = Symbol("mismatch");
type Conversion = Value | typeof MISMATCH;

export function coerceForAssignment(
  value: Value,
  type: TypeExpression,
  targetName: string,
  services: RuntimeServices,
): Value {
  if (value === null) return null;
  const result = convert(value, type, "assignment", services);
  if (result !== MISMATCH) return result;
  throw new DanaException(
    "TypeError",
    `Assignment to '${targetName}' failed: cannot coerce ${operandTypeName(value)} ${shortRepr(value, services)} to ${typeText(type)}`,
  );
}

export function validateFieldValue(
  struct: DanaStructType,
  fieldName: string,
  value: Value,
  services: RuntimeServices,
): Value {
  const index = struct.fieldIndex.get(fieldName);
  const field = index === undefined ? undefined : struct.fields[index];
  if (field === undefined) {
    throw new DanaException("AttributeError", `'${struct.name}' has no field '${fieldName}'`);
  }
  if (value === null) return null;
  const result = convert(value, field.type, "field", services);
  if (result !== MISMATCH) return result;
  throw new DanaException(
    "TypeError",
    `Field '${fieldName}' of ${struct.name} expects ${typeText(field.type)}, got ${operandTypeName(value)} ${shortRepr(value, services)}`,
  );
}

/**
 * Builds a struct instance from a dict of field values (typed assignment of JSON/dicts, nested struct fields).
 * Defaults are copied per instance (the reference's shared mutable defaults are a quirk we do not copy).
 */
export function structFromDict(struct: DanaStructType, dict: DanaDict, services: RuntimeServices): DanaStructInstance {
  const fields: Value[] = new Array(struct.fields.length);
  const given = new Array<boolean>(struct.fields.length).fill(false);
  for (const [key, value] of dict.entries()) {
    const index = typeof key === "string" ? struct.fieldIndex.get(key) : undefined;
    if (index === undefined) {
      throw new DanaException("TypeError", `${struct.name} has no field ${repr(key, services.limits)}`);
    }
    fields[index] = validateFieldValue(struct, key as string, value, services);
    given[index] = true;
  }
  const missing: string[] = [];
  struct.fields.forEach((field, index) => {
    if (given[index]) return;
    if (field.default === undefined) missing.push(field.name);
    else fields[index] = freshDefault(field.default);
  });
  if (missing.length > 0) {
    throw new DanaException("TypeError", `Missing required fields for ${struct.name}: ${missing.join(", ")}`);
  }
  return new DanaStructInstance(struct, fields);
}

/** A per-instance copy of a mutable field default (lists, dicts, sets, recursively); immutable values as is. */
export function freshDefault(value: Value): Value {
  if (value instanceof DanaList) return new DanaList(value.items.map(freshDefault));
  if (value instanceof DanaDict) {
    const copy = new DanaDict();
    for (const [key, item] of value.entries()) copy.set(key, freshDefault(item));
    return copy;
  }
  if (value instanceof DanaSet) {
    const copy = new DanaSet();
    for (const member of value) copy.add(member);
    return copy;
  }
  return value;
}

function convert(value: Value, type: TypeExpression, mode: Mode, services: RuntimeServices): Conversion {
  if (type.kind === "TypeUnion") {
    // An option the value already is wins over converting it to an earlier option (`int | str` keeps "42").
    for (const option of type.options) if (matchesExactly(value, option, services)) return value;
    for (const option of type.options) {
      const result = convert(value, option, mode, services);
      if (result !== MISMATCH) return result;
    }
    return MISMATCH;
  }
  switch (type.name) {
    case "any":
    case "Any":
    case "object":
      return value;
    case "int":
      return toIntType(value, mode);
    case "float":
      return toFloatType(value, mode);
    case "str":
      if (typeof value === "string") return value;
      if (mode === "field") return MISMATCH;
      return typeof value === "boolean" ? (value ? "true" : "false") : str(value, services.limits);
    case "bool":
      if (typeof value === "boolean") return value;
      if (mode === "field") return MISMATCH;
      if (
        typeof value === "string" ||
        typeof value === "number" ||
        typeof value === "bigint" ||
        value instanceof DanaFloat
      ) {
        return isSemanticallyTruthy(value);
      }
      return MISMATCH;
    case "list":
    case "List":
      if (value instanceof DanaList) return value;
      return mode === "assignment" ? fromJSONText(value, "list") : MISMATCH;
    case "dict":
    case "Dict":
      if (value instanceof DanaDict) return value;
      return mode === "assignment" ? fromJSONText(value, "dict") : MISMATCH;
    case "tuple":
    case "Tuple":
      return value instanceof DanaTuple ? value : MISMATCH;
    case "set":
    case "Set":
      return value instanceof DanaSet ? value : MISMATCH;
    case "None":
      return MISMATCH; // None itself was accepted before converting
  }
  const struct = services.findStruct(type.name);
  if (struct === undefined) return value; // unknown type names are not checked (spec 1.13)
  if (value instanceof DanaStructInstance) return value.type === struct ? value : MISMATCH;
  const dict = value instanceof DanaDict ? value : mode === "assignment" ? fromJSONText(value, "dict") : MISMATCH;
  if (!(dict instanceof DanaDict)) return MISMATCH;
  return structFromDict(struct, dict, services);
}

function matchesExactly(value: Value, type: TypeExpression, services: RuntimeServices): boolean {
  if (type.kind === "TypeUnion") return type.options.some((option) => matchesExactly(value, option, services));
  switch (type.name) {
    case "int":
      return typeof value === "number" || typeof value === "bigint";
    case "float":
      return value instanceof DanaFloat;
    case "str":
      return typeof value === "string";
    case "bool":
      return typeof value === "boolean";
    case "list":
      return value instanceof DanaList;
    case "dict":
      return value instanceof DanaDict;
    case "tuple":
      return value instanceof DanaTuple;
    case "set":
      return value instanceof DanaSet;
    case "any":
      return true;
  }
  const struct = services.findStruct(type.name);
  return struct !== undefined && value instanceof DanaStructInstance && value.type === struct;
}

function toIntType(value: Value, mode: Mode): Conversion {
  if (typeof value === "number" || typeof value === "bigint") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (mode === "field") return MISMATCH;
  if (value instanceof DanaFloat) return Number.isFinite(value.value) ? floatToInt(value.value) : MISMATCH;
  if (typeof value === "string") return parseIntText(value, 10) ?? MISMATCH;
  return MISMATCH;
}

function toFloatType(value: Value, mode: Mode): Conversion {
  if (value instanceof DanaFloat) return value;
  if (typeof value === "number" || typeof value === "bigint") return new DanaFloat(intToFloat(value));
  if (typeof value === "boolean") return new DanaFloat(value ? 1 : 0);
  if (mode === "assignment" && typeof value === "string") {
    const parsed = parseFloatText(value);
    return parsed === undefined ? MISMATCH : new DanaFloat(parsed);
  }
  return MISMATCH;
}

function fromJSONText(value: Value, expected: "list" | "dict"): Conversion {
  if (typeof value !== "string") return MISMATCH;
  let data: unknown;
  try {
    data = JSON.parse(value);
  } catch {
    return MISMATCH;
  }
  const converted = fromJSON(data);
  if (expected === "list" ? converted instanceof DanaList : converted instanceof DanaDict) return converted;
  return MISMATCH;
}

function typeText(type: TypeExpression): string {
  if (type.kind === "TypeUnion") return type.options.map(typeText).join(" | ");
  return type.arguments.length === 0 ? type.name : `${type.name}[${type.arguments.map(typeText).join(", ")}]`;
}

function shortRepr(value: Value, services: RuntimeServices): string {
  const text = repr(value, services.limits);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
