/**
 * Indexing, slicing, iteration and len() over builtin values, with Python's messages. Out-of-range slice bounds
 * raise ValueError instead of clamping (a kept Dana difference, spec 1.4).
 */
import { DanaException } from "../errors.js";
import { defaultLimits, type Limits } from "../host.js";
import { bigRangeLength, DanaBigRange } from "./big-range.js";
import { codePointLength, codePoints, hasSurrogates } from "./code-points.js";
import { checkMemory } from "./memory.js";
import { operandTypeName, repr } from "./print.js";
import type { Budget } from "./services.js";
import {
  DanaDict,
  DanaDictView,
  DanaIterator,
  DanaList,
  DanaNativeObject,
  DanaRange,
  DanaSet,
  DanaTuple,
  type Value,
} from "./types.js";

export function getItem(object: Value, index: Value): Value {
  if (object instanceof DanaList) {
    if (typeof index === "number") {
      const items = object.items;
      const position = index < 0 ? index + items.length : index;
      if (position >= 0 && position < items.length) return items[position] as Value;
      throw new DanaException("IndexError", "list index out of range");
    }
    return object.items[sequenceIndex(index, object.items.length, "list")] as Value;
  }
  if (object instanceof DanaDict) {
    const found = object.get(index);
    if (found === undefined) throw new DanaException("KeyError", repr(index));
    return found;
  }
  if (typeof object === "string") return stringItem(object, index);
  if (object instanceof DanaTuple) return object.items[sequenceIndex(index, object.items.length, "tuple")] as Value;
  if (object instanceof DanaRange) {
    const position = sequenceIndex(index, object.length, "range object");
    return object.start + position * object.step;
  }
  if (object instanceof DanaBigRange) {
    if (typeof index === "number" || typeof index === "bigint") return object.at(BigInt(index));
    if (typeof index === "boolean") return object.at(index ? 1n : 0n);
    throw new DanaException("TypeError", `range indices must be integers or slices, not ${operandTypeName(index)}`);
  }
  if (object instanceof DanaNativeObject) {
    const found = object.getItem(index);
    if (found !== undefined) return found;
  }
  throw new DanaException("TypeError", `'${operandTypeName(object)}' object is not subscriptable`);
}

function stringItem(text: string, index: Value): string {
  if (!hasSurrogates(text)) return text[sequenceIndex(index, text.length, "string")] as string;
  const characters = codePoints(text);
  return characters[sequenceIndex(index, characters.length, "string")] as string;
}

/** Resolves a (possibly negative) index into [0, length); IndexError or TypeError otherwise. */
function sequenceIndex(index: Value, length: number, typeLabel: string): number {
  let position: number;
  if (typeof index === "number") position = index;
  else if (typeof index === "boolean") position = index ? 1 : 0;
  else if (typeof index === "bigint") {
    throw new DanaException("IndexError", `cannot fit 'int' into an index-sized integer`);
  } else {
    const label = typeLabel === "range object" ? "range" : typeLabel === "string" ? "str" : typeLabel;
    const expected =
      typeLabel === "string"
        ? "string indices must be integers, not"
        : `${label} indices must be integers or slices, not`;
    throw new DanaException(
      "TypeError",
      `${expected} ${typeLabel === "string" ? `'${operandTypeName(index)}'` : operandTypeName(index)}`,
    );
  }
  if (position < 0) position += length;
  if (position < 0 || position >= length) throw new DanaException("IndexError", `${typeLabel} index out of range`);
  return position;
}

/** Approximate bytes per dict or set entry (key, value, hash slot), for the memory budget. */
export const BYTES_PER_ENTRY = 32;

/** `object[index] = value`. With `limits`, a dict that grows past the memory budget raises MemoryError. */
export function setItem(object: Value, index: Value, value: Value, limits?: Limits): void {
  if (object instanceof DanaList) {
    const items = object.items;
    if (typeof index === "number") {
      const position = index < 0 ? index + items.length : index;
      if (position >= 0 && position < items.length) {
        items[position] = value;
        return;
      }
      throw new DanaException("IndexError", "list assignment index out of range");
    }
    if (typeof index === "boolean" || typeof index === "bigint") {
      const position = typeof index === "boolean" ? (index ? 1 : 0) : Number.NaN;
      if (position < items.length) {
        items[position] = value;
        return;
      }
      throw new DanaException("IndexError", "list assignment index out of range");
    }
    throw new DanaException("TypeError", `list indices must be integers or slices, not ${operandTypeName(index)}`);
  }
  if (object instanceof DanaDict) {
    const sizeBefore = object.size;
    object.set(index, value);
    if (limits !== undefined && object.size > sizeBefore && object.size * BYTES_PER_ENTRY > limits.maxMemoryBytes) {
      object.delete(index); // refuse the new key, keep the dict as it was
      checkMemory((sizeBefore + 1) * BYTES_PER_ENTRY, limits);
    }
    return;
  }
  throw new DanaException("TypeError", `'${operandTypeName(object)}' object does not support item assignment`);
}

// ---------------------------------------------------------------------------
// Slices

interface SliceBounds {
  start: number;
  stop: number;
  step: number;
  /** Number of selected elements. */
  count: number;
}

function sliceInteger(value: Value, what: string): number | undefined {
  if (value === null) return undefined;
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "bigint") return Number(value); // far out of range: rejected below
  throw new DanaException(
    "TypeError",
    `slice ${what} must be integers or None or have an __index__ method, not ${operandTypeName(value)}`,
  );
}

/** Python's PySlice_AdjustIndices, except that an out-of-range start or stop is an error (Dana). */
function resolveSlice(start: Value, stop: Value, step: Value, length: number, typeLabel: string): SliceBounds {
  const stepValue = sliceInteger(step, "indices") ?? 1;
  if (stepValue === 0) throw new DanaException("ValueError", "slice step cannot be zero");
  const resolve = (value: Value, fallback: number, name: string): number => {
    const given = sliceInteger(value, "indices");
    if (given === undefined) return fallback;
    if (given < -length || given > length) {
      throw new DanaException(
        "ValueError",
        `slice ${name} ${given} is out of range for ${typeLabel} of length ${length}`,
      );
    }
    let position = given < 0 ? given + length : given;
    // A negative step reads from start down to (excluding) stop; `length` as a start means the last element.
    if (stepValue < 0 && position >= length) position = length - 1;
    return position;
  };
  const startValue = resolve(start, stepValue < 0 ? length - 1 : 0, "start");
  const stopValue = resolve(stop, stepValue < 0 ? -1 : length, "stop");
  let count = 0;
  if (stepValue > 0) {
    if (stopValue > startValue) count = Math.floor((stopValue - startValue - 1) / stepValue) + 1;
  } else if (startValue > stopValue) {
    count = Math.floor((startValue - stopValue - 1) / -stepValue) + 1;
  }
  return { start: startValue, stop: stopValue, step: stepValue, count };
}

function sliceItems<T>(items: readonly T[], bounds: SliceBounds): T[] {
  if (bounds.step === 1) return items.slice(bounds.start, bounds.start + bounds.count);
  const result: T[] = new Array(bounds.count);
  for (let index = 0, position = bounds.start; index < bounds.count; index++, position += bounds.step) {
    result[index] = items[position] as T;
  }
  return result;
}

export function getSlice(object: Value, start: Value, stop: Value, step: Value): Value {
  if (object instanceof DanaList) {
    return new DanaList(sliceItems(object.items, resolveSlice(start, stop, step, object.items.length, "list")));
  }
  if (typeof object === "string") {
    if (!hasSurrogates(object)) {
      const bounds = resolveSlice(start, stop, step, object.length, "str");
      if (bounds.step === 1) return object.slice(bounds.start, bounds.start + bounds.count);
      let result = "";
      for (let index = 0, position = bounds.start; index < bounds.count; index++, position += bounds.step) {
        result += object[position];
      }
      return result;
    }
    const characters = codePoints(object);
    return sliceItems(characters, resolveSlice(start, stop, step, characters.length, "str")).join("");
  }
  if (object instanceof DanaTuple) {
    return new DanaTuple(sliceItems(object.items, resolveSlice(start, stop, step, object.items.length, "tuple")));
  }
  if (object instanceof DanaRange) {
    const bounds = resolveSlice(start, stop, step, object.length, "range");
    const newStart = object.start + bounds.start * object.step;
    const newStep = object.step * bounds.step;
    // Python's compute_slice: the new stop is start + stop_index · step.
    return new DanaRange(newStart, object.start + bounds.stop * object.step, newStep);
  }
  if (object instanceof DanaBigRange) {
    const bounds = resolveSlice(start, stop, step, bigRangeLength(object), "range");
    const newStart = object.start + BigInt(bounds.start) * object.step;
    const newStep = object.step * BigInt(bounds.step);
    return new DanaBigRange(newStart, object.start + BigInt(bounds.stop) * object.step, newStep);
  }
  throw new DanaException("TypeError", `'${operandTypeName(object)}' object is not subscriptable`);
}

export function setSlice(object: Value, start: Value, stop: Value, step: Value, value: Value): void {
  if (!(object instanceof DanaList)) {
    throw new DanaException("TypeError", `'${operandTypeName(object)}' object does not support item assignment`);
  }
  const replacement =
    value instanceof DanaList ? value.items.slice() : iterableToArray(value, "can only assign an iterable");
  const items = object.items;
  const bounds = resolveSlice(start, stop, step, items.length, "list");
  if (bounds.step === 1) {
    // Python: an empty or reversed range inserts at start.
    const tail = items.slice(bounds.start + bounds.count);
    items.length = bounds.start;
    // push in a loop: spreading a long array into splice() would overflow the host stack.
    for (const item of replacement) items.push(item);
    for (const item of tail) items.push(item);
    return;
  }
  if (replacement.length !== bounds.count) {
    throw new DanaException(
      "ValueError",
      `attempt to assign sequence of size ${replacement.length} to extended slice of size ${bounds.count}`,
    );
  }
  for (let index = 0, position = bounds.start; index < bounds.count; index++, position += bounds.step) {
    items[position] = replacement[index] as Value;
  }
}

function iterableToArray(value: Value, message: string): Value[] {
  try {
    // setSlice has no limits parameter; the default memory budget still bounds `xs[:0] = range(10 ** 15)`.
    return toArray(value, { limits: defaultLimits });
  } catch (error) {
    if (error instanceof DanaException && error.danaType === "TypeError" && error.message.endsWith("is not iterable")) {
      throw new DanaException("TypeError", message);
    }
    throw error;
  }
}

// ---------------------------------------------------------------------------
// Iteration and length

/** Index-based, so appending to a list while iterating it is seen (Python's list iterator). */
class ListIterator implements Iterator<Value> {
  private index = 0;
  constructor(private readonly list: DanaList) {}
  next(): IteratorResult<Value> {
    const items = this.list.items;
    if (this.index < items.length) return { done: false, value: items[this.index++] as Value };
    return { done: true, value: undefined };
  }
}

class RangeIterator implements Iterator<Value> {
  private current: number;
  private remaining: number;
  constructor(private readonly range: DanaRange) {
    this.current = range.start;
    this.remaining = range.length;
  }
  next(): IteratorResult<Value> {
    if (this.remaining <= 0) return { done: true, value: undefined };
    this.remaining--;
    const value = this.current;
    this.current += this.range.step;
    return { done: false, value };
  }
}

function* dictItems(dict: DanaDict): Generator<Value> {
  for (const [key, value] of dict.entries()) yield new DanaTuple([key, value]);
}

export function iterate(value: Value): Iterator<Value> {
  if (value instanceof DanaList) return new ListIterator(value);
  if (value instanceof DanaRange) return new RangeIterator(value);
  if (value instanceof DanaBigRange) return value.values();
  if (typeof value === "string") return value[Symbol.iterator]();
  if (value instanceof DanaTuple) return value.items[Symbol.iterator]();
  if (value instanceof DanaDict) return value.keys();
  if (value instanceof DanaSet) return value.values();
  if (value instanceof DanaDictView) {
    if (value.view === "keys") return value.dict.keys();
    if (value.view === "values") return value.dict.values();
    return dictItems(value.dict);
  }
  if (value instanceof DanaIterator) return value.source;
  if (value instanceof DanaNativeObject) {
    const iterator = value.iterate();
    if (iterator !== undefined) return iterator;
  }
  throw new DanaException("TypeError", `'${operandTypeName(value)}' object is not iterable`);
}

/** Approximate bytes per collected element (one pointer), for the memory budget. */
const BYTES_PER_ELEMENT = 8;

/** Builtins report progress to the runtime (steps, deadline, cancel) once per this many items. */
export const PROGRESS_INTERVAL = 4096;

/**
 * Collects any iterable Dana value into a fresh array. With a budget, the size is checked against the memory
 * budget as it grows (a range up front) and progress is reported to the runtime, so `list(range(10 ** 15))`
 * is a MemoryError and a long collection still honours the deadline.
 */
export function toArray(value: Value, budget?: Budget): Value[] {
  if (value instanceof DanaList || value instanceof DanaTuple) return value.items.slice();
  if (budget !== undefined && (value instanceof DanaRange || value instanceof DanaBigRange)) {
    checkMemory(Number(value.length) * BYTES_PER_ELEMENT, budget.limits);
  }
  const result: Value[] = [];
  const iterator = iterate(value);
  for (let step = iterator.next(); !step.done; step = iterator.next()) {
    result.push(step.value);
    if (budget !== undefined && result.length % PROGRESS_INTERVAL === 0) reportProgress(result.length, budget);
  }
  return result;
}

/** Called every PROGRESS_INTERVAL items of a builtin loop: steps/deadline/cancel, and the memory budget. */
export function reportProgress(itemsSoFar: number, budget: Budget): void {
  budget.step?.(PROGRESS_INTERVAL);
  checkMemory(itemsSoFar * BYTES_PER_ELEMENT, budget.limits);
}

export function length(value: Value): number {
  if (value instanceof DanaList || value instanceof DanaTuple) return value.items.length;
  if (typeof value === "string") return codePointLength(value);
  if (value instanceof DanaDict || value instanceof DanaSet) return value.size;
  if (value instanceof DanaRange) return value.length;
  if (value instanceof DanaBigRange) return bigRangeLength(value);
  if (value instanceof DanaDictView) return value.dict.size;
  if (value instanceof DanaNativeObject) {
    const result = value.length();
    if (result !== undefined) return result;
  }
  throw new DanaException("TypeError", `object of type '${operandTypeName(value)}' has no len()`);
}
