/**
 * The conversions behind `int()`, `float()` and `str()`, shared by the builtins, `cast()` and typed assignment.
 */
import { DanaException } from "../errors.js";
import type { Limits } from "../host.js";
import { asciiDigits, floatToInt, type IntValue, intToFloat, parseIntText } from "./integers.js";
import { operandTypeName, quoteString } from "./print.js";
import { DanaFloat, type Value } from "./types.js";

const FLOAT_TEXT = /^[+-]?(?:(?:\d(?:_?\d)*)?\.?(?:\d(?:_?\d)*)?(?:[eE][+-]?\d(?:_?\d)*)?|inf|infinity|nan)$/i;

/** Python's int(x) and int(text, base). */
export function toInt(value: Value, limits: Limits, base?: Value): IntValue {
  if (base !== undefined && base !== null) {
    if (typeof value !== "string")
      throw new DanaException("TypeError", "int() can't convert non-string with explicit base");
    const baseNumber = typeof base === "number" ? base : typeof base === "boolean" ? Number(base) : Number.NaN;
    if (!(baseNumber === 0 || (baseNumber >= 2 && baseNumber <= 36))) {
      throw new DanaException("ValueError", "int() base must be >= 2 and <= 36, or 0");
    }
    return parseIntOrThrow(value, baseNumber, limits);
  }
  switch (typeof value) {
    case "number":
    case "bigint":
      return value;
    case "boolean":
      return value ? 1 : 0;
    case "string":
      return parseIntOrThrow(value, 10, limits);
  }
  if (value instanceof DanaFloat) return floatToInt(value.value);
  throw new DanaException(
    "TypeError",
    `int() argument must be a string, a bytes-like object or a real number, not '${operandTypeName(value)}'`,
  );
}

function parseIntOrThrow(text: string, base: number, limits: Limits): IntValue {
  const digits = text.trim().replace(/^[+-]/, "").replaceAll("_", "").length;
  if (base === 10 && limits.maxIntDigits > 0 && digits > limits.maxIntDigits && /^\s*[+-]?[\d_]+\s*$/.test(text)) {
    throw new DanaException(
      "ValueError",
      `Exceeds the limit (${limits.maxIntDigits} digits) for integer string conversion: value has ${digits} digits; use sys.set_int_max_str_digits() to increase the limit`,
    );
  }
  const parsed = parseIntText(text, base);
  if (parsed === undefined) {
    throw new DanaException("ValueError", `invalid literal for int() with base ${base}: ${quoteString(text)}`);
  }
  return parsed;
}

/** Python's float(x); `float(3.5)` works (the reference's refusal is a quirk). */
export function toFloat(value: Value): number {
  switch (typeof value) {
    case "number":
      return value;
    case "bigint":
      return intToFloat(value);
    case "boolean":
      return value ? 1 : 0;
    case "string": {
      const parsed = parseFloatText(value);
      if (parsed === undefined) {
        throw new DanaException("ValueError", `could not convert string to float: ${quoteString(value)}`);
      }
      return parsed;
    }
  }
  if (value instanceof DanaFloat) return value.value;
  throw new DanaException(
    "TypeError",
    `float() argument must be a string or a real number, not '${operandTypeName(value)}'`,
  );
}

/** Python float() string syntax: whitespace, sign, underscores between digits, inf/infinity/nan. */
export function parseFloatText(text: string): number | undefined {
  const trimmed = asciiDigits(text).trim();
  if (!FLOAT_TEXT.test(trimmed) || !/\d|inf|nan/i.test(trimmed)) return undefined;
  const lower = trimmed.toLowerCase();
  const negative = lower.startsWith("-");
  const body = lower.replace(/^[+-]/, "");
  if (body === "inf" || body === "infinity") return negative ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (body === "nan") return Number.NaN;
  if (/^\.?(?:e|$)/.test(body)) return undefined; // "." or ".e5" have no digits
  return Number(lower.replaceAll("_", ""));
}
