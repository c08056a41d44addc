/**
 * Builtins over numbers and iterables of numbers: sum, max, min, abs, round.
 */
import { DanaException } from "../errors.js";
import { iterate, PROGRESS_INTERVAL, toArray } from "../values/access.js";
import { binaryOperation } from "../values/arithmetic.js";
import { compare } from "../values/compare.js";
import { negateInt } from "../values/integers.js";
import { operandTypeName } from "../values/print.js";
import { roundFloat, roundFloatToInt, roundInt } from "../values/rounding.js";
import type { RuntimeServices } from "../values/services.js";
import { DanaFloat, type KeywordArguments, type Value } from "../values/types.js";
import { argument, expectArguments, expectKeywords, integerArgument } from "./arguments.js";

export function sumBuiltin(positional: readonly Value[], keywords: KeywordArguments, services: RuntimeServices): Value {
  expectArguments("sum", positional, 1, 2);
  expectKeywords("sum", keywords, ["start"]);
  let total: Value = argument(positional, keywords, 1, "start") ?? 0;
  if (typeof total === "string")
    throw new DanaException("TypeError", "sum() can't sum strings [use ''.join(seq) instead]");
  const iterator = iterate(positional[0] as Value);
  let count = 0;
  for (let step = iterator.next(); !step.done; step = iterator.next()) {
    const item = step.value;
    // Iterated, not computed in closed form: the step budget and the deadline hold inside sum() as in a loop.
    if (++count % PROGRESS_INTERVAL === 0) services.step?.(PROGRESS_INTERVAL);
    if (typeof total === "number" && typeof item === "number") {
      const next: number = total + item;
      if (Number.isSafeInteger(next)) {
        total = next;
        continue;
      }
    }
    // Python's sum never applies Dana's str coercion: sum(["a"]) is a TypeError.
    if (typeof item === "string" || typeof total === "string") {
      throw new DanaException(
        "TypeError",
        `unsupported operand type(s) for +: '${operandTypeName(total)}' and '${operandTypeName(item)}'`,
      );
    }
    total = binaryOperation("+", total, item, services.limits);
  }
  return total;
}

/** max() and min(): one iterable or several arguments, `key=` and `default=` (Python semantics). */
function extreme(
  name: "max" | "min",
  positional: readonly Value[],
  keywords: KeywordArguments,
  services: RuntimeServices,
): Value {
  expectKeywords(name, keywords, ["key", "default"]);
  if (positional.length === 0) throw new DanaException("TypeError", `${name} expected at least 1 argument, got 0`);
  const key = keywords.get("key") ?? null;
  const fallback = keywords.get("default");
  let candidates: Value[];
  if (positional.length === 1) {
    const only = positional[0] as Value;
    // The reference returns a lone non-iterable argument itself (max(5) == 5).
    if (
      typeof only === "number" ||
      typeof only === "bigint" ||
      typeof only === "boolean" ||
      only instanceof DanaFloat
    ) {
      return only;
    }
    candidates = toArray(only, services);
  } else {
    if (fallback !== undefined) {
      throw new DanaException("TypeError", `Cannot specify a default for ${name}() with multiple positional arguments`);
    }
    candidates = positional.slice();
  }
  if (candidates.length === 0) {
    if (fallback !== undefined) return fallback;
    throw new DanaException("ValueError", `${name}() arg is an empty sequence`);
  }
  const operator = name === "max" ? ">" : "<";
  let best = candidates[0] as Value;
  let bestKey = key === null ? best : services.call(key, [best]);
  for (let index = 1; index < candidates.length; index++) {
    if (index % PROGRESS_INTERVAL === 0) services.step?.(PROGRESS_INTERVAL);
    const candidate = candidates[index] as Value;
    const candidateKey = key === null ? candidate : services.call(key, [candidate]);
    if (compare(operator, candidateKey, bestKey)) {
      best = candidate;
      bestKey = candidateKey;
    }
  }
  return best;
}

export function maxBuiltin(positional: readonly Value[], keywords: KeywordArguments, services: RuntimeServices): Value {
  return extreme("max", positional, keywords, services);
}

export function minBuiltin(positional: readonly Value[], keywords: KeywordArguments, services: RuntimeServices): Value {
  return extreme("min", positional, keywords, services);
}

export function absBuiltin(positional: readonly Value[]): Value {
  expectArguments("abs", positional, 1, 1);
  const value = positional[0] as Value;
  if (typeof value === "number") return Math.abs(value);
  if (typeof value === "bigint") return value < 0n ? negateInt(value) : value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof DanaFloat) return new DanaFloat(Math.abs(value.value));
  throw new DanaException("TypeError", `bad operand type for abs(): '${operandTypeName(value)}'`);
}

export function roundBuiltin(positional: readonly Value[], keywords: KeywordArguments): Value {
  expectArguments("round", positional, 1, 2);
  expectKeywords("round", keywords, ["ndigits"]);
  const value = positional[0] as Value;
  const digitsValue = argument(positional, keywords, 1, "ndigits") ?? null;
  if (digitsValue === null) {
    if (value instanceof DanaFloat) return roundFloatToInt(value.value);
    if (typeof value === "number" || typeof value === "bigint") return value;
    if (typeof value === "boolean") return value ? 1 : 0;
  } else {
    const digits = integerArgument(digitsValue, "");
    if (value instanceof DanaFloat) return new DanaFloat(roundFloat(value.value, digits));
    if (typeof value === "number" || typeof value === "bigint") return roundInt(value, digits);
    if (typeof value === "boolean") return roundInt(value ? 1 : 0, digits);
  }
  throw new DanaException("TypeError", `type ${operandTypeName(value)} doesn't define __round__ method`);
}
