/**
 * Struct instances: keyword-only construction with validation, per-instance copies of mutable defaults,
 * attribute reads and writes with `_field` delegation (spec 1.8), and attribute access on the other values.
 */

import { getBuiltinAttribute } from "../builtins/index.js";
import { DanaException } from "../errors.js";
import { typeName, validateFieldValue } from "../values/index.js";
import {
  DanaDict,
  DanaList,
  DanaModule,
  DanaNativeObject,
  DanaSet,
  DanaStructInstance,
  type DanaStructType,
  type KeywordArguments,
  type Value,
} from "../values/types.js";
import { DanaBoundMethod } from "./callables.js";
import type { Runtime } from "./runtime-state.js";

/** Mutable defaults are copied per instance (sharing them is a reference QUIRK not copied). */
export function copyDefault(value: Value): Value {
  if (value === null || typeof value !== "object") return value;
  if (value instanceof DanaList) return new DanaList(value.items.map(copyDefault));
  if (value instanceof DanaDict) {
    const copy = new DanaDict();
    for (const [key, item] of value.entries()) copy.set(key, copyDefault(item));
    return copy;
  }
  if (value instanceof DanaSet) {
    const copy = new DanaSet();
    for (const item of value) copy.add(item);
    return copy;
  }
  if (value instanceof DanaStructInstance) return new DanaStructInstance(value.type, value.fields.map(copyDefault));
  return value;
}

/** `Point(x=1, y=2)`: keyword arguments by name; positional arguments are ignored (kept DIFF). */
export function constructStruct(
  runtime: Runtime,
  type: DanaStructType,
  names: readonly string[],
  values: readonly Value[],
): DanaStructInstance {
  const fields: (Value | undefined)[] = new Array(type.fields.length);
  for (let index = 0; index < names.length; index++) {
    const name = names[index]!;
    const slot = type.fieldIndex.get(name);
    if (slot === undefined) {
      throw new DanaException("TypeError", `${type.name}() got an unexpected field '${name}'`);
    }
    fields[slot] = validateFieldValue(type, name, values[index]!, runtime);
  }
  let missing: string[] | null = null;
  for (let slot = 0; slot < fields.length; slot++) {
    if (fields[slot] !== undefined) continue;
    const field = type.fields[slot]!;
    if (field.default === undefined) {
      missing ??= [];
      missing.push(`'${field.name}'`);
    } else fields[slot] = copyDefault(field.default);
  }
  if (missing !== null) {
    throw new DanaException("TypeError", `${type.name}() missing required fields: ${missing.join(", ")}`);
  }
  return new DanaStructInstance(type, fields as Value[]);
}

export function constructStructFromKeywords(
  runtime: Runtime,
  type: DanaStructType,
  keywords: KeywordArguments | null,
): DanaStructInstance {
  if (keywords === null) return constructStruct(runtime, type, [], []);
  return constructStruct(runtime, type, [...keywords.keys()], [...keywords.values()]);
}

function describe(value: Value): string {
  return value instanceof DanaStructInstance ? value.type.name : typeName(value);
}

export function noAttribute(value: Value, name: string): DanaException {
  if (value instanceof DanaModule) {
    return new DanaException("AttributeError", `module '${value.name}' has no attribute '${name}'`);
  }
  return new DanaException("AttributeError", `'${describe(value)}' object has no attribute '${name}'`);
}

/** `value.name`, or undefined when there is no such attribute. */
export function findAttribute(runtime: Runtime, value: Value, name: string): Value | undefined {
  if (value instanceof DanaStructInstance) {
    const type = value.type;
    const slot = type.fieldIndex.get(name);
    if (slot !== undefined) return value.fields[slot];
    const method = type.methods.get(name) ?? runtime.typeMethods.get(type.name)?.get(name);
    if (method !== undefined) return new DanaBoundMethod(value, method, name);
    for (const delegate of type.delegateFields) {
      const found = findAttribute(runtime, value.fields[delegate]!, name);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value instanceof DanaModule) return value.members.get(name);
  const builtin = getBuiltinAttribute(value, name);
  if (builtin !== undefined) return builtin;
  if (runtime.typeMethods.size > 0) {
    const method = runtime.typeMethods.get(typeName(value))?.get(name);
    if (method !== undefined) return new DanaBoundMethod(value, method, name);
  }
  if (value instanceof DanaNativeObject) return value.getAttribute(name);
  return undefined;
}

export function getAttribute(runtime: Runtime, value: Value, name: string): Value {
  if (value instanceof DanaStructInstance) {
    const slot = value.type.fieldIndex.get(name);
    if (slot !== undefined) return value.fields[slot]!;
  }
  const found = findAttribute(runtime, value, name);
  if (found === undefined) throw noAttribute(value, name);
  return found;
}

function hasField(value: Value, name: string): boolean {
  if (!(value instanceof DanaStructInstance)) return false;
  if (value.type.fieldIndex.has(name)) return true;
  return value.type.delegateFields.some((delegate) => hasField(value.fields[delegate]!, name));
}

/** `value.name = v`: declared struct fields (validated), else a delegate that has the field. */
export function setAttribute(runtime: Runtime, value: Value, name: string, newValue: Value): void {
  if (value instanceof DanaStructInstance) {
    const type = value.type;
    const slot = type.fieldIndex.get(name);
    if (slot !== undefined) {
      value.fields[slot] = validateFieldValue(type, name, newValue, runtime);
      return;
    }
    for (const delegate of type.delegateFields) {
      const inner = value.fields[delegate]!;
      if (hasField(inner, name)) {
        setAttribute(runtime, inner, name, newValue);
        return;
      }
    }
    throw new DanaException("AttributeError", `'${type.name}' object has no field '${name}'`);
  }
  if (value instanceof DanaDict) {
    throw new DanaException(
      "AttributeError",
      `cannot assign attribute '${name}' of a dict; use ${name === "" ? "d[key]" : `d["${name}"]`} = value`,
    );
  }
  throw new DanaException("AttributeError", `'${describe(value)}' object attribute '${name}' cannot be assigned`);
}
