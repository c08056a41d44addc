/**
 * Argument helpers for builtins: Python-style positional-or-keyword lookup and arity errors.
 */
import { DanaException } from "../errors.js";
import { operandTypeName } from "../values/print.js";
import type { KeywordArguments, Value } from "../values/types.js";

export const noKeywords: KeywordArguments = new Map();

/** The argument at `index`, or the keyword `name`, or undefined when neither was given. */
export function argument(
  positional: readonly Value[],
  keywords: KeywordArguments,
  index: number,
  name: string,
): Value | undefined {
  if (index < positional.length) return positional[index] as Value;
  return keywords.size === 0 ? undefined : keywords.get(name);
}

/** Raises Python's TypeError when the positional count is outside [minimum, maximum]. */
export function expectArguments(name: string, positional: readonly Value[], minimum: number, maximum: number): void {
  const count = positional.length;
  if (count >= minimum && count <= maximum) return;
  if (minimum === maximum) {
    const noun = minimum === 1 ? "argument" : "arguments";
    throw new DanaException(
      "TypeError",
      `${name}() takes exactly ${minimum === 0 ? "no" : minimum} ${noun} (${count} given)`,
    );
  }
  if (count < minimum) {
    throw new DanaException(
      "TypeError",
      `${name} expected at least ${minimum} argument${minimum === 1 ? "" : "s"}, got ${count}`,
    );
  }
  throw new DanaException(
    "TypeError",
    `${name} expected at most ${maximum} argument${maximum === 1 ? "" : "s"}, got ${count}`,
  );
}

/** Rejects keyword arguments other than `allowed`. */
export function expectKeywords(name: string, keywords: KeywordArguments, allowed: readonly string[]): void {
  if (keywords.size === 0) return;
  for (const key of keywords.keys()) {
    if (!allowed.includes(key)) {
      throw new DanaException("TypeError", `${name}() got an unexpected keyword argument '${key}'`);
    }
  }
}

/** An int argument as a JS number (bools count); TypeError otherwise. */
export function integerArgument(value: Value, what: string): number {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "bigint") {
    throw new DanaException("OverflowError", "Python int too large to convert to C ssize_t");
  }
  throw new DanaException(
    "TypeError",
    `'${operandTypeName(value)}' object cannot be interpreted as an integer${what ? ` (${what})` : ""}`,
  );
}
