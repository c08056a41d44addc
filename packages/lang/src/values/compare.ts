/**
 * Equality, ordering, identity and membership with Python semantics plus Dana's numeric-string coercion at the
 * top level of `==`/`<` (never inside containers: `["10"] == [10]` is False, as in the reference).
 */
import { DanaException } from "../errors.js";
import { DanaBigRange } from "./big-range.js";
import { compareStrings } from "./code-points.js";
import { compareInts, compareIntWithFloat } from "./integers.js";
import { stringAsFloat, stringAsInt } from "./numeric-strings.js";
import { operandTypeName } from "./print.js";
import {
  DanaDict,
  DanaDictView,
  DanaFloat,
  DanaIterator,
  DanaList,
  DanaNativeObject,
  DanaRange,
  DanaSet,
  type DanaStructInstance,
  DanaTuple,
  DanaTypeName,
  hashKey,
  type Value,
} from "./types.js";

export type OrderingOperator = "<" | ">" | "<=" | ">=";

/** `a == b` in Dana: Python equality, plus numeric strings equal to numbers. */
export function equals(a: Value, b: Value): boolean {
  if (typeof a === "number" && typeof b === "number") return a === b;
  if (a === b) return !(a instanceof DanaFloat && Number.isNaN(a.value));
  if (typeof a === "string") {
    if (typeof b === "number" || typeof b === "bigint") return stringEqualsInt(a, b);
    if (b instanceof DanaFloat) return stringAsFloat(a) === b.value;
  } else if (typeof b === "string") {
    if (typeof a === "number" || typeof a === "bigint") return stringEqualsInt(b, a);
    if (a instanceof DanaFloat) return stringAsFloat(b) === a.value;
  }
  return pythonEquals(a, b);
}

function stringEqualsInt(text: string, value: number | bigint): boolean {
  const parsed = stringAsInt(text);
  return parsed !== undefined && compareInts(parsed, value) === 0;
}

/** Python `==` without Dana's string coercion: used inside containers, for `in`, `index`, `count`, `remove`. */
export function pythonEquals(a: Value, b: Value): boolean {
  if (a === b) return true; // identity implies equality inside containers, even for NaN (as CPython)
  const numericOrder = compareNumbers(a, b);
  if (numericOrder !== undefined) return numericOrder === 0;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") {
    if (a instanceof DanaTypeName) return typeof b === "string" && a.name === b;
    if (b instanceof DanaTypeName) return typeof a === "string" && b.name === a;
    return false;
  }
  if (a instanceof DanaTypeName) return b instanceof DanaTypeName && a.name === b.name;
  if (a instanceof DanaFloat || b instanceof DanaFloat) return false; // numbers were handled above
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case "list":
      return sequencesEqual((a as DanaList).items, (b as DanaList).items);
    case "tuple":
      return sequencesEqual((a as DanaTuple).items, (b as DanaTuple).items);
    case "dict":
      return dictsEqual(a as DanaDict, b as DanaDict);
    case "set":
      return setsEqual(a as DanaSet, b as DanaSet);
    case "range":
      return rangesEqual(a as DanaRange | DanaBigRange, b as DanaRange | DanaBigRange);
    case "struct": {
      const left = a as DanaStructInstance;
      const right = b as DanaStructInstance;
      return left.type === right.type && sequencesEqual(left.fields, right.fields);
    }
    case "dict-view":
      return dictViewsEqual(a as DanaDictView, b as DanaDictView);
    case "native":
      return hashKey(a) === hashKey(b);
  }
  return false;
}

function sequencesEqual(left: readonly Value[], right: readonly Value[]): boolean {
  if (left.length !== right.length) return false;
  for (let index = 0; index < left.length; index++) {
    if (!pythonEquals(left[index] as Value, right[index] as Value)) return false;
  }
  return true;
}

function dictsEqual(left: DanaDict, right: DanaDict): boolean {
  if (left.size !== right.size) return false;
  for (const [key, value] of left.entries()) {
    const other = right.get(key);
    if (other === undefined || !pythonEquals(value, other)) return false;
  }
  return true;
}

function setsEqual(left: DanaSet, right: DanaSet): boolean {
  return left.size === right.size && isSubset(left, right);
}

function isSubset(left: DanaSet, right: DanaSet): boolean {
  for (const member of left) if (!right.has(member)) return false;
  return true;
}

/** Python compares ranges as sequences: same length, and (when non-empty) same start and (when longer) step. */
function rangesEqual(left: DanaRange | DanaBigRange, right: DanaRange | DanaBigRange): boolean {
  const length = BigInt(left.length);
  if (length !== BigInt(right.length)) return false;
  if (length === 0n) return true;
  if (BigInt(left.start) !== BigInt(right.start)) return false;
  return length === 1n || BigInt(left.step) === BigInt(right.step);
}

function dictViewsEqual(left: DanaDictView, right: DanaDictView): boolean {
  if (left.view !== right.view || left.view === "values") return false; // values views compare by identity
  if (left.dict.size !== right.dict.size) return false;
  for (const [key, value] of left.dict.entries()) {
    const other = right.dict.get(key);
    if (other === undefined) return false;
    if (left.view === "items" && !pythonEquals(value, other)) return false;
  }
  return true;
}

/** Orders two numbers (int, bigint, float, bool): -1, 0, 1, NaN when unordered, undefined when not both numbers. */
export function compareNumbers(a: Value, b: Value): number | undefined {
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : 0;
  const left = numericOperand(a);
  if (left === undefined) return undefined;
  const right = numericOperand(b);
  if (right === undefined) return undefined;
  if (left instanceof DanaFloat) {
    if (right instanceof DanaFloat) {
      const x = left.value;
      const y = right.value;
      return x < y ? -1 : x > y ? 1 : x === y ? 0 : Number.NaN;
    }
    return -compareIntWithFloat(right, left.value);
  }
  if (right instanceof DanaFloat) return compareIntWithFloat(left, right.value);
  return compareInts(left, right);
}

function numericOperand(value: Value): number | bigint | DanaFloat | undefined {
  switch (typeof value) {
    case "number":
    case "bigint":
      return value;
    case "boolean":
      return value ? 1 : 0;
  }
  return value instanceof DanaFloat ? value : undefined;
}

/** `<`, `>`, `<=`, `>=`: Python ordering, numeric strings coerced against numbers, TypeError otherwise. */
export function compare(operator: OrderingOperator, a: Value, b: Value): boolean {
  if (typeof a === "number" && typeof b === "number") return applyOrder(operator, a < b ? -1 : a > b ? 1 : 0);
  if (typeof a === "string" && typeof b === "string") return applyOrder(operator, compareStrings(a, b));
  const numeric = compareNumbers(a, b);
  if (numeric !== undefined) return applyOrder(operator, numeric);
  const coerced = compareCoercedString(a, b);
  if (coerced !== undefined) return applyOrder(operator, coerced);
  return compareStructured(operator, a, b);
}

function applyOrder(operator: OrderingOperator, order: number): boolean {
  // NaN fails every comparison, as in Python.
  switch (operator) {
    case "<":
      return order < 0;
    case ">":
      return order > 0;
    case "<=":
      return order <= 0;
    case ">=":
      return order >= 0;
  }
}

function compareCoercedString(a: Value, b: Value): number | undefined {
  if (typeof a === "string" && (typeof b === "number" || typeof b === "bigint" || b instanceof DanaFloat)) {
    const parsed = b instanceof DanaFloat ? floatOrUndefined(stringAsFloat(a)) : stringAsInt(a);
    return parsed === undefined ? undefined : compareNumbers(parsed, b);
  }
  if (typeof b === "string" && (typeof a === "number" || typeof a === "bigint" || a instanceof DanaFloat)) {
    const parsed = a instanceof DanaFloat ? floatOrUndefined(stringAsFloat(b)) : stringAsInt(b);
    return parsed === undefined ? undefined : compareNumbers(a, parsed);
  }
  return undefined;
}

function floatOrUndefined(value: number | undefined): DanaFloat | undefined {
  return value === undefined ? undefined : new DanaFloat(value);
}

/** Python's rich comparison for sequences (lexicographic) and sets (subset order). */
function compareStructured(operator: OrderingOperator, a: Value, b: Value): boolean {
  if (a instanceof DanaList && b instanceof DanaList) return compareSequences(operator, a.items, b.items);
  if (a instanceof DanaTuple && b instanceof DanaTuple) return compareSequences(operator, a.items, b.items);
  if (a instanceof DanaSet && b instanceof DanaSet) {
    switch (operator) {
      case "<=":
        return isSubset(a, b);
      case ">=":
        return isSubset(b, a);
      case "<":
        return a.size < b.size && isSubset(a, b);
      case ">":
        return a.size > b.size && isSubset(b, a);
    }
  }
  throw new DanaException(
    "TypeError",
    `'${operator}' not supported between instances of '${operandTypeName(a)}' and '${operandTypeName(b)}'`,
  );
}

function compareSequences(operator: OrderingOperator, left: readonly Value[], right: readonly Value[]): boolean {
  const shorter = Math.min(left.length, right.length);
  for (let index = 0; index < shorter; index++) {
    const x = left[index] as Value;
    const y = right[index] as Value;
    if (!pythonEquals(x, y)) return compareWithoutCoercion(operator, x, y);
  }
  return applyOrder(operator, left.length - right.length);
}

/** Element comparison inside sequences and sorts: Python ordering with no string coercion. */
export function compareWithoutCoercion(operator: OrderingOperator, a: Value, b: Value): boolean {
  if (typeof a === "number" && typeof b === "number") return applyOrder(operator, a < b ? -1 : a > b ? 1 : 0);
  if (typeof a === "string" && typeof b === "string") return applyOrder(operator, compareStrings(a, b));
  const numeric = compareNumbers(a, b);
  if (numeric !== undefined) return applyOrder(operator, numeric);
  return compareStructured(operator, a, b);
}

/** `a is b`: identity. Ints, strings, bools and None compare by value (CPython caches the ones programs meet). */
export function identical(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a instanceof DanaTypeName && b instanceof DanaTypeName) return a.name === b.name;
  return false;
}

/** `item in container`. */
export function contains(container: Value, item: Value): boolean {
  if (typeof container === "string") {
    if (typeof item !== "string") {
      throw new DanaException(
        "TypeError",
        `'in <string>' requires string as left operand, not ${operandTypeName(item)}`,
      );
    }
    return container.includes(item);
  }
  if (container instanceof DanaList || container instanceof DanaTuple) {
    const items = container.items;
    for (let index = 0; index < items.length; index++) if (pythonEquals(items[index] as Value, item)) return true;
    return false;
  }
  if (container instanceof DanaDict || container instanceof DanaSet) return container.has(item);
  if (container instanceof DanaRange) return rangeContains(container, item);
  if (container instanceof DanaBigRange) {
    if (typeof item === "number" || typeof item === "bigint") return container.has(BigInt(item));
    if (typeof item === "boolean") return container.has(item ? 1n : 0n);
    if (item instanceof DanaFloat && Number.isInteger(item.value)) return container.has(BigInt(item.value));
    return false;
  }
  if (container instanceof DanaDictView) return dictViewContains(container, item);
  if (container instanceof DanaIterator) {
    for (let step = container.source.next(); !step.done; step = container.source.next()) {
      if (pythonEquals(step.value, item)) return true;
    }
    return false;
  }
  if (container instanceof DanaNativeObject) {
    const iterator = container.iterate();
    if (iterator !== undefined) {
      for (let step = iterator.next(); !step.done; step = iterator.next())
        if (pythonEquals(step.value, item)) return true;
      return false;
    }
  }
  throw new DanaException("TypeError", `argument of type '${operandTypeName(container)}' is not iterable`);
}

function rangeContains(range: DanaRange, item: Value): boolean {
  let value: number;
  if (typeof item === "bigint") return false; // a number range never reaches beyond the safe ints
  if (typeof item === "number") value = item;
  else if (typeof item === "boolean") value = item ? 1 : 0;
  else if (item instanceof DanaFloat) {
    if (!Number.isInteger(item.value)) return false;
    value = item.value;
  } else return false;
  const { start, stop, step } = range;
  if (step > 0 ? value < start || value >= stop : value > start || value <= stop) return false;
  return (value - start) % step === 0;
}

function dictViewContains(view: DanaDictView, item: Value): boolean {
  switch (view.view) {
    case "keys":
      return view.dict.has(item);
    case "values":
      for (const value of view.dict.values()) if (pythonEquals(value, item)) return true;
      return false;
    case "items": {
      if (!(item instanceof DanaTuple) || item.items.length !== 2) return false;
      const value = view.dict.get(item.items[0] as Value);
      return value !== undefined && pythonEquals(value, item.items[1] as Value);
    }
  }
}
