/**
 * The builtin function table (spec 1.10 with the project's decisions): builtins are looked up before user
 * functions. Names Dana deliberately lacks (`zip`, `eval`, …) are listed in `unsupportedBuiltinNames`.
 */
import { DanaException } from "../errors.js";
import { iterate, length, PROGRESS_INTERVAL, reportProgress, toArray } from "../values/access.js";
import { DanaBigRange } from "../values/big-range.js";
import { toFloat, toInt } from "../values/convert.js";
import { addInt, type IntValue } from "../values/integers.js";
import { checkMemory, translateHostLimit } from "../values/memory.js";
import { operandTypeName, str, typeName } from "../values/print.js";
import type { LogLevel, RuntimeServices } from "../values/services.js";
import { isSemanticallyTruthy, isTruthy } from "../values/truthiness.js";
import {
  DanaDict,
  DanaDictView,
  DanaFloat,
  DanaIterator,
  DanaList,
  DanaRange,
  DanaSet,
  DanaStructInstance,
  DanaStructType,
  DanaTuple,
  DanaTypeName,
  type KeywordArguments,
  type Value,
} from "../values/types.js";
import { argument, expectArguments, expectKeywords, integerArgument } from "./arguments.js";
import { type BuiltinImplementation, DanaBuiltinFunction } from "./builtin-function.js";
import { absBuiltin, maxBuiltin, minBuiltin, roundBuiltin, sumBuiltin } from "./numeric-functions.js";
import { sortValues } from "./sort.js";

const LOG_LEVELS: readonly LogLevel[] = ["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"];

function printBuiltin(positional: readonly Value[], keywords: KeywordArguments, services: RuntimeServices): Value {
  expectKeywords("print", keywords, ["sep", "end"]);
  const separator = textKeyword(keywords, "sep", " ");
  const end = textKeyword(keywords, "end", "\n");
  let text = "";
  for (let index = 0; index < positional.length; index++) {
    if (index > 0) text += separator;
    text += str(positional[index] as Value, services.limits);
  }
  services.writeStdout(text + end);
  return null;
}

function textKeyword(keywords: KeywordArguments, name: string, fallback: string): string {
  const value = keywords.size === 0 ? undefined : keywords.get(name);
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "string")
    throw new DanaException("TypeError", `${name} must be None or a string, not ${operandTypeName(value)}`);
  return value;
}

function logBuiltin(positional: readonly Value[], keywords: KeywordArguments, services: RuntimeServices): Value {
  const message = argument(positional, keywords, 0, "message") ?? null;
  const levelValue = argument(positional, keywords, 1, "level");
  const requested = typeof levelValue === "string" ? levelValue.toUpperCase() : "INFO";
  const level = LOG_LEVELS.find((candidate) => candidate === requested) ?? (requested === "WARN" ? "WARNING" : "INFO");
  services.log(level, str(message, services.limits));
  return null;
}

function rangeBuiltin(positional: readonly Value[], keywords: KeywordArguments): Value {
  expectKeywords("range", keywords, []);
  expectArguments("range", positional, 1, 3);
  const numbers = positional.map(rangeArgument);
  const [start, stop, step] =
    numbers.length === 1
      ? [0, numbers[0] as IntValue, 1]
      : [numbers[0] as IntValue, numbers[1] as IntValue, numbers[2] ?? 1];
  if (step === 0 || step === 0n) throw new DanaException("ValueError", "range() arg 3 must not be zero");
  if (typeof start === "number" && typeof stop === "number" && typeof step === "number") {
    return new DanaRange(start, stop, step);
  }
  return new DanaBigRange(BigInt(start), BigInt(stop), BigInt(step));
}

/** An int argument of range(): bools count, big ints are kept (ranges over big ints exist, decision 7). */
function rangeArgument(value: Value): IntValue {
  if (typeof value === "bigint") return value;
  return integerArgument(value, "");
}

function strBuiltin(positional: readonly Value[], _keywords: KeywordArguments, services: RuntimeServices): Value {
  expectArguments("str", positional, 0, 1);
  return positional.length === 0 ? "" : str(positional[0] as Value, services.limits);
}

function intBuiltin(positional: readonly Value[], keywords: KeywordArguments, services: RuntimeServices): Value {
  expectArguments("int", positional, 0, 2);
  if (positional.length === 0) return 0;
  return toInt(positional[0] as Value, services.limits, argument(positional, keywords, 1, "base"));
}

function floatBuiltin(positional: readonly Value[]): Value {
  expectArguments("float", positional, 0, 1);
  return new DanaFloat(positional.length === 0 ? 0 : toFloat(positional[0] as Value));
}

function boolBuiltin(positional: readonly Value[]): Value {
  expectArguments("bool", positional, 0, 1);
  return positional.length === 0 ? false : isSemanticallyTruthy(positional[0] as Value);
}

function typeBuiltin(positional: readonly Value[]): Value {
  expectArguments("type", positional, 1, 1);
  return new DanaTypeName(typeName(positional[0] as Value));
}

/** isinstance(x, "int"), isinstance(x, ("int", "float")), isinstance(p, "Point") or isinstance(p, Point). */
function isinstanceBuiltin(positional: readonly Value[]): Value {
  expectArguments("isinstance", positional, 2, 2);
  const value = positional[0] as Value;
  const actual = typeName(value);
  const matches = (candidate: Value): boolean => {
    if (typeof candidate === "string" || candidate instanceof DanaTypeName) {
      const name = typeof candidate === "string" ? candidate : candidate.name;
      if (name === actual || name === "any") return true;
      return value instanceof DanaStructInstance && name === value.type.name;
    }
    if (candidate instanceof DanaStructType) return value instanceof DanaStructInstance && value.type === candidate;
    if (candidate instanceof DanaBuiltinFunction && candidate.boundTo === undefined) return candidate.name === actual;
    if (candidate instanceof DanaTuple || candidate instanceof DanaList) return candidate.items.some(matches);
    throw new DanaException("TypeError", "isinstance() arg 2 must be a type name, a tuple of type names, or a struct");
  };
  return matches(positional[1] as Value);
}

function sortedBuiltin(positional: readonly Value[], keywords: KeywordArguments, services: RuntimeServices): Value {
  expectArguments("sorted", positional, 1, 1);
  expectKeywords("sorted", keywords, ["key", "reverse"]);
  const items = toArray(positional[0] as Value, services);
  sortValues(items, keywords.get("key") ?? null, isTruthy(keywords.get("reverse") ?? false), services);
  return new DanaList(items);
}

function reversedBuiltin(positional: readonly Value[], _keywords: KeywordArguments, services: RuntimeServices): Value {
  expectArguments("reversed", positional, 1, 1);
  const value = positional[0] as Value;
  const reversible =
    typeof value === "string" ||
    value instanceof DanaList ||
    value instanceof DanaTuple ||
    value instanceof DanaRange ||
    value instanceof DanaBigRange ||
    value instanceof DanaDict ||
    value instanceof DanaDictView;
  if (!reversible) throw new DanaException("TypeError", `'${operandTypeName(value)}' object is not reversible`);
  const items = toArray(value, services);
  items.reverse();
  const label =
    value instanceof DanaList ? "list_reverseiterator" : value instanceof DanaRange ? "range_iterator" : "reversed";
  return new DanaIterator(label, items[Symbol.iterator]());
}

function enumerateBuiltin(positional: readonly Value[], keywords: KeywordArguments): Value {
  expectArguments("enumerate", positional, 1, 2);
  const start = integerArgument(argument(positional, keywords, 1, "start") ?? 0, "");
  const source = iterate(positional[0] as Value);
  function* pairs(): Generator<Value> {
    let index: IntValue = start;
    for (let step = source.next(); !step.done; step = source.next()) {
      yield new DanaTuple([index, step.value]);
      index = addInt(index, 1);
    }
  }
  return new DanaIterator("enumerate", pairs());
}

function allBuiltin(positional: readonly Value[], _keywords: KeywordArguments, services: RuntimeServices): Value {
  expectArguments("all", positional, 1, 1);
  const iterator = iterate(positional[0] as Value);
  let count = 0;
  for (let step = iterator.next(); !step.done; step = iterator.next()) {
    if (!isTruthy(step.value)) return false;
    if (++count % PROGRESS_INTERVAL === 0) services.step?.(PROGRESS_INTERVAL);
  }
  return true;
}

function anyBuiltin(positional: readonly Value[], _keywords: KeywordArguments, services: RuntimeServices): Value {
  expectArguments("any", positional, 1, 1);
  const iterator = iterate(positional[0] as Value);
  let count = 0;
  for (let step = iterator.next(); !step.done; step = iterator.next()) {
    if (isTruthy(step.value)) return true;
    if (++count % PROGRESS_INTERVAL === 0) services.step?.(PROGRESS_INTERVAL);
  }
  return false;
}

function listBuiltin(positional: readonly Value[], _keywords: KeywordArguments, services: RuntimeServices): Value {
  expectArguments("list", positional, 0, 1);
  return new DanaList(positional.length === 0 ? [] : toArray(positional[0] as Value, services));
}

function setBuiltin(positional: readonly Value[], _keywords: KeywordArguments, services: RuntimeServices): Value {
  expectArguments("set", positional, 0, 1);
  const result = new DanaSet();
  if (positional.length === 1) {
    const source = positional[0] as Value;
    if (source instanceof DanaRange || source instanceof DanaBigRange) {
      checkMemory(Number(source.length) * 8, services.limits);
    }
    const iterator = iterate(source);
    let count = 0;
    for (let step = iterator.next(); !step.done; step = iterator.next()) {
      result.add(step.value);
      if (++count % PROGRESS_INTERVAL === 0) reportProgress(result.size, services);
    }
  }
  return result;
}

/** cast(type, value): "int" / "float" / "str" / "bool" / "list" (or those builtins, or a type() result). */
function castBuiltin(positional: readonly Value[], keywords: KeywordArguments, services: RuntimeServices): Value {
  expectArguments("cast", positional, 2, 2);
  const target = positional[0] as Value;
  const name =
    typeof target === "string"
      ? target
      : target instanceof DanaTypeName || (target instanceof DanaBuiltinFunction && target.boundTo === undefined)
        ? target.name
        : undefined;
  const converter = name === undefined ? undefined : CASTS.get(name);
  if (converter === undefined) {
    throw new DanaException(
      "TypeError",
      `cast() cannot convert to ${name === undefined ? operandTypeName(target) : `'${name}'`}`,
    );
  }
  return converter([positional[1] as Value], keywords, services);
}

function noopBuiltin(positional: readonly Value[]): Value {
  return positional[0] ?? null;
}

function lenBuiltin(positional: readonly Value[]): Value {
  expectArguments("len", positional, 1, 1);
  return length(positional[0] as Value);
}

function logLevelBuiltin(): Value {
  return null; // the level only filters the host's log output; it has no effect on program semantics
}

const CASTS = new Map<string, BuiltinImplementation>([
  ["int", intBuiltin],
  ["float", floatBuiltin],
  ["str", strBuiltin],
  ["bool", boolBuiltin],
  ["list", listBuiltin],
]);

const definitions: readonly [string, BuiltinImplementation, readonly string[]][] = [
  ["print", printBuiltin, ["values", "sep", "end"]],
  ["log", logBuiltin, ["message", "level"]],
  ["log_level", logLevelBuiltin, ["level", "namespace"]],
  ["len", lenBuiltin, ["obj"]],
  ["range", rangeBuiltin, ["start", "stop", "step"]],
  ["str", strBuiltin, ["object"]],
  ["int", intBuiltin, ["x", "base"]],
  ["float", floatBuiltin, ["x"]],
  ["bool", boolBuiltin, ["x"]],
  ["type", typeBuiltin, ["object"]],
  ["isinstance", isinstanceBuiltin, ["obj", "class_or_tuple"]],
  ["sum", sumBuiltin, ["iterable", "start"]],
  ["max", maxBuiltin, ["iterable", "key", "default"]],
  ["min", minBuiltin, ["iterable", "key", "default"]],
  ["abs", absBuiltin, ["x"]],
  ["round", roundBuiltin, ["number", "ndigits"]],
  ["sorted", sortedBuiltin, ["iterable", "key", "reverse"]],
  ["reversed", reversedBuiltin, ["sequence"]],
  ["enumerate", enumerateBuiltin, ["iterable", "start"]],
  ["all", allBuiltin, ["iterable"]],
  ["any", anyBuiltin, ["iterable"]],
  ["list", listBuiltin, ["iterable"]],
  ["set", setBuiltin, ["iterable"]],
  ["cast", castBuiltin, ["type", "value"]],
  ["noop", noopBuiltin, ["value"]],
];

/** Host size limits (V8's longest string or array) surface as MemoryError, never as a JS RangeError. */
function guarded(implementation: BuiltinImplementation): BuiltinImplementation {
  return (positional, keywords, services) => {
    try {
      return implementation(positional, keywords, services);
    } catch (error) {
      if (error instanceof DanaException) throw error;
      return translateHostLimit(error);
    }
  };
}

export const builtinFunctions: ReadonlyMap<string, DanaBuiltinFunction> = new Map(
  definitions.map(([name, implementation, parameters]) => [
    name,
    new DanaBuiltinFunction(name, guarded(implementation), parameters),
  ]),
);

/**
 * Python builtins and reference helpers Dana does not provide. Calling one raises `unsupportedBuiltinError`
 * instead of the "undefined name reads as None" fallback, so the mistake is visible.
 */
export const unsupportedBuiltinNames: ReadonlySet<string> = new Set([
  "dict",
  "tuple",
  "zip",
  "map",
  "filter",
  "open",
  "input",
  "eval",
  "exec",
  "compile",
  "getattr",
  "setattr",
  "hasattr",
  "delattr",
  "repr",
  "format",
  "id",
  "hash",
  "iter",
  "next",
  "globals",
  "locals",
  "vars",
  "dir",
  "__import__",
  "breakpoint",
  "help",
  "exit",
  "quit",
  "use",
  "get_resource",
  "set_model",
  "feedback",
  "vision_extract",
  "context_aware_reason",
  "a2a_agent",
]);

export function unsupportedBuiltinError(name: string): DanaException {
  return new DanaException("NameError", `'${name}' is not supported in Dana`);
}
