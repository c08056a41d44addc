/**
 * Methods of `list` and `tuple` with Python semantics (`append` and `sort` return None, Python's errors).
 */
import { DanaException } from "../errors.js";
import { toArray } from "../values/access.js";
import { pythonEquals } from "../values/compare.js";
import { checkMemory } from "../values/memory.js";
import { repr } from "../values/print.js";
import type { RuntimeServices } from "../values/services.js";
import { isTruthy } from "../values/truthiness.js";
import { DanaList, type DanaTuple, type KeywordArguments, type Value } from "../values/types.js";
import { expectArguments, expectKeywords, integerArgument } from "./arguments.js";
import { sortValues } from "./sort.js";
import { clampRange, optionalIndex } from "./string-helpers.js";

export const listMethodNames: ReadonlySet<string> = new Set([
  "append",
  "extend",
  "insert",
  "pop",
  "remove",
  "index",
  "count",
  "sort",
  "reverse",
  "copy",
  "clear",
]);
export const tupleMethodNames: ReadonlySet<string> = new Set(["index", "count"]);

export function callListMethod(
  list: DanaList,
  name: string,
  positional: readonly Value[],
  keywords: KeywordArguments,
  services: RuntimeServices,
): Value | undefined {
  const items = list.items;
  switch (name) {
    case "append":
      expectArguments("list.append", positional, 1, 1);
      items.push(positional[0] as Value);
      if (items.length * 8 > services.limits.maxMemoryBytes) checkMemory(items.length * 8, services.limits);
      return null;
    case "extend": {
      expectArguments("list.extend", positional, 1, 1);
      const source = positional[0] as Value;
      const added = toArray(source, services);
      for (const item of added) items.push(item);
      checkMemory(items.length * 8, services.limits);
      return null;
    }
    case "insert": {
      expectArguments("insert", positional, 2, 2);
      let index = integerArgument(positional[0] as Value, "");
      if (index < 0) index = Math.max(0, index + items.length);
      items.splice(Math.min(index, items.length), 0, positional[1] as Value);
      return null;
    }
    case "pop": {
      expectArguments("pop", positional, 0, 1);
      if (items.length === 0) throw new DanaException("IndexError", "pop from empty list");
      let index = positional.length === 0 ? items.length - 1 : integerArgument(positional[0] as Value, "");
      if (index < 0) index += items.length;
      if (index < 0 || index >= items.length) throw new DanaException("IndexError", "pop index out of range");
      return index === items.length - 1 ? (items.pop() as Value) : (items.splice(index, 1)[0] as Value);
    }
    case "remove": {
      expectArguments("list.remove", positional, 1, 1);
      const index = items.findIndex((item) => pythonEquals(item, positional[0] as Value));
      if (index === -1) throw new DanaException("ValueError", "list.remove(x): x not in list");
      items.splice(index, 1);
      return null;
    }
    case "index":
      return indexOf(items, positional, "list");
    case "count":
      return countOf(items, positional);
    case "sort":
      expectArguments("sort", positional, 0, 0);
      expectKeywords("sort", keywords, ["key", "reverse"]);
      sortValues(items, keywords.get("key") ?? null, isTruthy(keywords.get("reverse") ?? false), services);
      return null;
    case "reverse":
      items.reverse();
      return null;
    case "copy":
      return new DanaList(items.slice());
    case "clear":
      items.length = 0;
      return null;
  }
  return undefined;
}

export function callTupleMethod(tuple: DanaTuple, name: string, positional: readonly Value[]): Value | undefined {
  switch (name) {
    case "index":
      return indexOf(tuple.items, positional, "tuple");
    case "count":
      return countOf(tuple.items, positional);
  }
  return undefined;
}

function indexOf(items: readonly Value[], positional: readonly Value[], typeLabel: string): number {
  expectArguments("index", positional, 1, 3);
  const target = positional[0] as Value;
  const [start, end] = clampRange(optionalIndex(positional[1]), optionalIndex(positional[2]), items.length);
  for (let index = start; index < end; index++) if (pythonEquals(items[index] as Value, target)) return index;
  throw new DanaException(
    "ValueError",
    typeLabel === "list" ? `${repr(target)} is not in list` : "tuple.index(x): x not in tuple",
  );
}

function countOf(items: readonly Value[], positional: readonly Value[]): number {
  expectArguments("count", positional, 1, 1);
  let count = 0;
  for (const item of items) if (pythonEquals(item, positional[0] as Value)) count++;
  return count;
}
