/**
 * Python's stable sort with `key=` and `reverse=` (shared by `list.sort` and `sorted`). Only `<` is used to
 * compare, as in CPython, and `reverse=True` keeps equal elements in their original order.
 */

import { PROGRESS_INTERVAL } from "../values/access.js";
import { compareStrings, hasSurrogates } from "../values/code-points.js";
import { compareWithoutCoercion } from "../values/compare.js";
import type { RuntimeServices } from "../values/services.js";
import type { Value } from "../values/types.js";

export function sortValues(items: Value[], key: Value, reverse: boolean, services: RuntimeServices): void {
  if (key === null) {
    sortPlain(items, reverse, services);
    return;
  }
  const keyed = items.map((item, index) => ({ key: services.call(key, [item]), item, index }));
  const keys = keyed.map((entry) => entry.key);
  const order = withProgress(lessThanFor(keys), services);
  keyed.sort((a, b) => (reverse ? order(b.key, a.key) : order(a.key, b.key)));
  for (let index = 0; index < keyed.length; index++) items[index] = (keyed[index] as { item: Value }).item;
}

function sortPlain(items: Value[], reverse: boolean, services: RuntimeServices): void {
  const order = withProgress(lessThanFor(items), services);
  items.sort(reverse ? (a, b) => order(b, a) : order);
}

/** Reports progress every PROGRESS_INTERVAL comparisons, so a long sort honours the deadline. */
function withProgress<T>(order: (a: T, b: T) => number, services: RuntimeServices): (a: T, b: T) => number {
  if (services.step === undefined) return order;
  let remaining = PROGRESS_INTERVAL;
  return (a, b) => {
    if (--remaining === 0) {
      remaining = PROGRESS_INTERVAL;
      services.step?.(PROGRESS_INTERVAL);
    }
    return order(a, b);
  };
}

/** A comparator; plain numbers and plain strings get fast paths that never box or throw. */
function lessThanFor(values: readonly Value[]): (a: Value, b: Value) => number {
  if (values.every((value) => typeof value === "number")) return (a, b) => (a as number) - (b as number);
  if (values.every((value) => typeof value === "string" && !hasSurrogates(value))) {
    return (a, b) => ((a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0);
  }
  if (values.every((value) => typeof value === "string")) return (a, b) => compareStrings(a as string, b as string);
  return (a, b) => (compareWithoutCoercion("<", a, b) ? -1 : compareWithoutCoercion("<", b, a) ? 1 : 0);
}
