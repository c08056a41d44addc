/**
 * Methods of `dict` and `set` with Python semantics.
 */
import { DanaException } from "../errors.js";
import type { Limits } from "../host.js";
import { BYTES_PER_ENTRY, iterate } from "../values/access.js";
import { checkMemory } from "../values/memory.js";
import { operandTypeName, repr } from "../values/print.js";
import {
  DanaDict,
  DanaDictView,
  DanaList,
  DanaSet,
  DanaTuple,
  type KeywordArguments,
  type Value,
} from "../values/types.js";
import { expectArguments } from "./arguments.js";

export const dictMethodNames: ReadonlySet<string> = new Set([
  "get",
  "keys",
  "values",
  "items",
  "pop",
  "popitem",
  "setdefault",
  "update",
  "copy",
  "clear",
]);
export const setMethodNames: ReadonlySet<string> = new Set([
  "add",
  "remove",
  "discard",
  "pop",
  "union",
  "intersection",
  "difference",
  "symmetric_difference",
  "update",
  "intersection_update",
  "difference_update",
  "issubset",
  "issuperset",
  "isdisjoint",
  "copy",
  "clear",
]);

/** MemoryError when a dict or set has grown past the memory budget (checked after each growing call). */
function checkEntries(size: number, limits: Limits): void {
  if (size * BYTES_PER_ENTRY > limits.maxMemoryBytes) checkMemory(size * BYTES_PER_ENTRY, limits);
}

export function callDictMethod(
  dict: DanaDict,
  name: string,
  positional: readonly Value[],
  keywords: KeywordArguments,
  limits: Limits,
): Value | undefined {
  switch (name) {
    case "get": {
      expectArguments("get", positional, 1, 2);
      return dict.get(positional[0] as Value) ?? positional[1] ?? null;
    }
    case "keys":
    case "values":
    case "items":
      expectArguments(`dict.${name}`, positional, 0, 0);
      return new DanaDictView(dict, name);
    case "pop": {
      expectArguments("pop", positional, 1, 2);
      const key = positional[0] as Value;
      const found = dict.get(key);
      if (found !== undefined) {
        dict.delete(key);
        return found;
      }
      if (positional.length === 2) return positional[1] as Value;
      throw new DanaException("KeyError", repr(key));
    }
    case "popitem": {
      let last: [Value, Value] | undefined;
      for (const entry of dict.entries()) last = entry;
      if (last === undefined) throw new DanaException("KeyError", "'popitem(): dictionary is empty'");
      dict.delete(last[0]);
      return new DanaTuple(last);
    }
    case "setdefault": {
      expectArguments("setdefault", positional, 1, 2);
      const key = positional[0] as Value;
      const found = dict.get(key);
      if (found !== undefined) return found;
      const fallback = positional[1] ?? null;
      checkEntries(dict.size + 1, limits);
      dict.set(key, fallback);
      return fallback;
    }
    case "update":
      expectArguments("update", positional, 0, 1);
      if (positional.length === 1) updateDict(dict, positional[0] as Value);
      for (const [key, value] of keywords) dict.set(key, value);
      checkEntries(dict.size, limits);
      return null;
    case "copy": {
      const copy = new DanaDict();
      for (const [key, value] of dict.entries()) copy.set(key, value);
      return copy;
    }
    case "clear":
      dict.clear();
      return null;
  }
  return undefined;
}

function updateDict(dict: DanaDict, source: Value): void {
  if (source instanceof DanaDict) {
    for (const [key, value] of Array.from(source.entries())) dict.set(key, value);
    return;
  }
  const iterator = iterate(source);
  let index = 0;
  for (let step = iterator.next(); !step.done; step = iterator.next(), index++) {
    const pair = step.value;
    const items = pair instanceof DanaTuple || pair instanceof DanaList ? pair.items : undefined;
    if (items === undefined || items.length !== 2) {
      const size = items === undefined ? operandTypeName(pair) : `length ${items.length}`;
      throw new DanaException(
        items === undefined ? "TypeError" : "ValueError",
        items === undefined
          ? `cannot convert dictionary update sequence element #${index} to a sequence`
          : `dictionary update sequence element #${index} has ${size}; 2 is required`,
      );
    }
    dict.set(items[0] as Value, items[1] as Value);
  }
}

/** The members of any iterable, as a set (for union(...) and friends). */
function asSet(value: Value): DanaSet {
  if (value instanceof DanaSet) return value;
  const result = new DanaSet();
  const iterator = iterate(value);
  for (let step = iterator.next(); !step.done; step = iterator.next()) result.add(step.value);
  return result;
}

function copySet(set: DanaSet): DanaSet {
  const result = new DanaSet();
  for (const member of set) result.add(member);
  return result;
}

export function callSetMethod(
  set: DanaSet,
  name: string,
  positional: readonly Value[],
  limits: Limits,
): Value | undefined {
  switch (name) {
    case "add":
      expectArguments("set.add", positional, 1, 1);
      set.add(positional[0] as Value);
      checkEntries(set.size, limits);
      return null;
    case "remove":
      expectArguments("set.remove", positional, 1, 1);
      if (!set.delete(positional[0] as Value)) throw new DanaException("KeyError", repr(positional[0] as Value));
      return null;
    case "discard":
      expectArguments("set.discard", positional, 1, 1);
      set.delete(positional[0] as Value);
      return null;
    case "pop": {
      const first = set.values().next();
      if (first.done) throw new DanaException("KeyError", "'pop from an empty set'");
      set.delete(first.value);
      return first.value;
    }
    case "union": {
      const result = copySet(set);
      for (const other of positional) for (const member of asSet(other)) result.add(member);
      return result;
    }
    case "update":
      for (const other of positional) for (const member of asSet(other)) set.add(member);
      checkEntries(set.size, limits);
      return null;
    case "intersection":
    case "intersection_update": {
      let result = copySet(set);
      for (const other of positional) {
        const members = asSet(other);
        const next = new DanaSet();
        for (const member of result) if (members.has(member)) next.add(member);
        result = next;
      }
      if (name === "intersection") return result;
      replaceMembers(set, result);
      return null;
    }
    case "difference":
    case "difference_update": {
      const result = copySet(set);
      for (const other of positional) for (const member of asSet(other)) result.delete(member);
      if (name === "difference") return result;
      replaceMembers(set, result);
      return null;
    }
    case "symmetric_difference": {
      expectArguments("symmetric_difference", positional, 1, 1);
      const other = asSet(positional[0] as Value);
      const result = new DanaSet();
      for (const member of set) if (!other.has(member)) result.add(member);
      for (const member of other) if (!set.has(member)) result.add(member);
      return result;
    }
    case "issubset": {
      expectArguments("issubset", positional, 1, 1);
      const other = asSet(positional[0] as Value);
      for (const member of set) if (!other.has(member)) return false;
      return true;
    }
    case "issuperset": {
      expectArguments("issuperset", positional, 1, 1);
      for (const member of asSet(positional[0] as Value)) if (!set.has(member)) return false;
      return true;
    }
    case "isdisjoint": {
      expectArguments("isdisjoint", positional, 1, 1);
      for (const member of asSet(positional[0] as Value)) if (set.has(member)) return false;
      return true;
    }
    case "copy":
      return copySet(set);
    case "clear":
      set.clear();
      return null;
  }
  return undefined;
}

function replaceMembers(set: DanaSet, members: DanaSet): void {
  set.clear();
  for (const member of members) set.add(member);
}
