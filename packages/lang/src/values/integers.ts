/**
 * Arbitrary-precision integer helpers (decision 7): ints are JS numbers inside the safe range and bigints
 * beyond it. Everything here is exact; floats only appear where Python converts to float.
 */
import { DanaException } from "../errors.js";
import type { Limits } from "../host.js";
import { checkMemory } from "./memory.js";
import { normalizeInt } from "./types.js";

export type IntValue = number | bigint;

export function toBigInt(value: IntValue | boolean): bigint {
  if (typeof value === "bigint") return value;
  if (typeof value === "boolean") return value ? 1n : 0n;
  return BigInt(value);
}

/** Number of bits of |value| (0 for 0). Linear in the size of the value, which is fine next to the operations it guards. */
export function bitLength(value: IntValue): number {
  if (typeof value === "number") {
    const magnitude = Math.abs(value);
    return magnitude === 0 ? 0 : Math.floor(Math.log2(magnitude)) + 1;
  }
  const magnitude = value < 0n ? -value : value;
  if (magnitude === 0n) return 0;
  const hex = magnitude.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(Number.parseInt(hex[0] ?? "0", 16)));
}

/**
 * Host BigInt multiplication (FFT/Karatsuba) needs scratch space of a few times the result, and cannot be
 * interrupted; counting it keeps a single `3 ** 10 ** 9` from running for minutes under a timeout.
 */
const BIG_INT_WORKING_FACTOR = 4;

const LOG10_OF_2 = Math.log10(2);

/** Python's int→str, refusing more than `limits.maxIntDigits` digits (CPython's int_max_str_digits). */
export function intToString(value: IntValue, maxIntDigits: number): string {
  if (typeof value === "number") return String(value);
  if (maxIntDigits > 0) {
    // Estimate first so a huge value is rejected without the quadratic conversion.
    const estimatedDigits = Math.floor(bitLength(value) * LOG10_OF_2);
    if (estimatedDigits > maxIntDigits + 1) throw intDigitsError(maxIntDigits);
  }
  const text = value.toString();
  const digits = value < 0n ? text.length - 1 : text.length;
  if (maxIntDigits > 0 && digits > maxIntDigits) throw intDigitsError(maxIntDigits);
  return text;
}

function intDigitsError(maxIntDigits: number): DanaException {
  return new DanaException(
    "ValueError",
    `Exceeds the limit (${maxIntDigits} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`,
  );
}

/** Python's float(int): exact when possible, OverflowError beyond the float range. */
export function intToFloat(value: IntValue): number {
  if (typeof value === "number") return value;
  const result = Number(value);
  if (!Number.isFinite(result)) throw new DanaException("OverflowError", "int too large to convert to float");
  return result;
}

/** float → int truncating toward zero (int(3.9) == 3), with Python's errors for inf and nan. */
export function floatToInt(value: number): IntValue {
  if (Number.isNaN(value)) throw new DanaException("ValueError", "cannot convert float NaN to integer");
  if (!Number.isFinite(value)) throw new DanaException("OverflowError", "cannot convert float infinity to integer");
  const truncated = Math.trunc(value);
  if (Number.isSafeInteger(truncated)) return truncated + 0; // + 0 turns -0 into 0
  return BigInt(truncated);
}

export function floorDivideBig(left: bigint, right: bigint): bigint {
  const quotient = left / right;
  // BigInt division truncates; Python floors.
  if (left % right !== 0n && left < 0n !== right < 0n) return quotient - 1n;
  return quotient;
}

export function moduloBig(left: bigint, right: bigint): bigint {
  const remainder = left % right;
  if (remainder !== 0n && remainder < 0n !== right < 0n) return remainder + right;
  return remainder;
}

export function floorDivideInt(left: IntValue, right: IntValue): IntValue {
  if (right === 0 || right === 0n) throw new DanaException("ZeroDivisionError", "integer division or modulo by zero");
  if (typeof left === "number" && typeof right === "number") {
    const remainder = left % right;
    let quotient = (left - remainder) / right;
    if (remainder !== 0 && remainder < 0 !== right < 0) quotient -= 1;
    // Only -(MIN_SAFE) // -1 can leave the safe range.
    return Number.isSafeInteger(quotient) ? quotient + 0 : normalizeInt(floorDivideBig(BigInt(left), BigInt(right)));
  }
  return normalizeInt(floorDivideBig(toBigInt(left), toBigInt(right)));
}

export function moduloInt(left: IntValue, right: IntValue): IntValue {
  if (right === 0 || right === 0n) throw new DanaException("ZeroDivisionError", "integer modulo by zero");
  if (typeof left === "number" && typeof right === "number") {
    let remainder = left % right;
    if (remainder !== 0 && remainder < 0 !== right < 0) remainder += right;
    return remainder + 0;
  }
  return normalizeInt(moduloBig(toBigInt(left), toBigInt(right)));
}

/** Python's int / int: the correctly rounded float quotient (normal range). */
export function trueDivideInt(left: IntValue, right: IntValue): number {
  if (right === 0 || right === 0n) throw new DanaException("ZeroDivisionError", "division by zero");
  if (typeof left === "number" && typeof right === "number") return left / right;
  const leftFloat = Number(left);
  const rightFloat = Number(right);
  // Both exactly representable: one correctly rounded float division (CPython's fast path too).
  if (Math.abs(leftFloat) <= 2 ** 53 && Math.abs(rightFloat) <= 2 ** 53) return leftFloat / rightFloat;
  const negative = toBigInt(left) < 0n !== toBigInt(right) < 0n;
  const numerator = toBigInt(left) < 0n ? -toBigInt(left) : toBigInt(left);
  const denominator = toBigInt(right) < 0n ? -toBigInt(right) : toBigInt(right);
  // Scale so the bigint quotient carries ~64 significant bits, then scale back in floats.
  const shift = bitLength(denominator) - bitLength(numerator) + 64;
  const scaledNumerator = shift >= 0 ? numerator << BigInt(shift) : numerator;
  const scaledDenominator = shift >= 0 ? denominator : denominator << BigInt(-shift);
  let quotient = scaledNumerator / scaledDenominator;
  // A sticky low bit makes Number() round the 64-bit quotient exactly as the true quotient would round.
  if (scaledNumerator % scaledDenominator !== 0n) quotient |= 1n;
  let result = Number(quotient);
  let remaining = -shift;
  while (remaining > 1000) {
    result *= 2 ** 1000;
    remaining -= 1000;
  }
  while (remaining < -1000) {
    result *= 2 ** -1000;
    remaining += 1000;
  }
  result *= 2 ** remaining;
  if (!Number.isFinite(result))
    throw new DanaException("OverflowError", "integer division result too large for a float");
  return negative ? -result : result;
}

export function addInt(left: IntValue, right: IntValue): IntValue {
  if (typeof left === "number" && typeof right === "number") {
    const result = left + right;
    return Number.isSafeInteger(result) ? result : normalizeInt(BigInt(left) + BigInt(right));
  }
  return normalizeInt(toBigInt(left) + toBigInt(right));
}

export function subtractInt(left: IntValue, right: IntValue): IntValue {
  if (typeof left === "number" && typeof right === "number") {
    const result = left - right;
    return Number.isSafeInteger(result) ? result : normalizeInt(BigInt(left) - BigInt(right));
  }
  return normalizeInt(toBigInt(left) - toBigInt(right));
}

export function multiplyInt(left: IntValue, right: IntValue, limits: Limits): IntValue {
  if (typeof left === "number" && typeof right === "number") {
    const result = left * right;
    if (Number.isSafeInteger(result)) return result + 0;
    return normalizeInt(BigInt(left) * BigInt(right));
  }
  checkMemory(((bitLength(left) + bitLength(right)) / 8) * BIG_INT_WORKING_FACTOR, limits);
  return normalizeInt(toBigInt(left) * toBigInt(right));
}

/** int ** int for a non-negative exponent; the result size is bounded before anything is computed. */
export function powerInt(base: IntValue, exponent: IntValue, limits: Limits): IntValue {
  if (base === 0 || base === 1) return exponent === 0 || exponent === 0n ? 1 : base;
  if (base === -1) return moduloInt(exponent, 2) === 0 ? 1 : -1;
  if (exponent === 0 || exponent === 0n) return 1;
  // The result has about exponent · log2|base| bits.
  const baseBits = typeof base === "number" ? Math.log2(Math.abs(base)) : bitLength(base);
  const estimatedBits = baseBits * Number(exponent);
  checkMemory((estimatedBits / 8) * BIG_INT_WORKING_FACTOR, limits);
  if (typeof base === "number" && typeof exponent === "number") {
    const approximate = base ** exponent;
    // Below 2**40 the float result is within far less than 0.5 of the exact integer.
    if (Math.abs(approximate) < 2 ** 40) return Math.round(approximate) + 0;
  }
  return normalizeInt(toBigInt(base) ** toBigInt(exponent));
}

export function negateInt(value: IntValue): IntValue {
  if (typeof value === "number") return value === 0 ? 0 : -value;
  return normalizeInt(-value);
}

/** Compares ints exactly: negative, zero or positive. */
export function compareInts(left: IntValue, right: IntValue): number {
  if (typeof left === "number" && typeof right === "number") return left < right ? -1 : left > right ? 1 : 0;
  const a = toBigInt(left);
  const b = toBigInt(right);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares an int with a float exactly (Python does not round the int): -1, 0, 1, or NaN when unordered. */
export function compareIntWithFloat(left: IntValue, right: number): number {
  if (Number.isNaN(right)) return Number.NaN;
  if (typeof left === "number") return left < right ? -1 : left > right ? 1 : 0;
  if (right === Number.POSITIVE_INFINITY) return -1;
  if (right === Number.NEGATIVE_INFINITY) return 1;
  const floor = Math.floor(right);
  const floorBig = BigInt(floor);
  if (left < floorBig) return -1;
  if (left > floorBig) return 1;
  return floor === right ? 0 : -1;
}

/** Parses a Python int literal as `int(text, base)` accepts it (whitespace, sign, underscores), or undefined. */
export function parseIntText(text: string, base: number): IntValue | undefined {
  let body = asciiDigits(text).trim();
  let negative = false;
  if (body.startsWith("-") || body.startsWith("+")) {
    negative = body[0] === "-";
    body = body.slice(1);
  }
  let actualBase = base;
  const prefix = body.slice(0, 2).toLowerCase();
  const prefixBase = prefix === "0x" ? 16 : prefix === "0o" ? 8 : prefix === "0b" ? 2 : 0;
  if (prefixBase !== 0 && (base === 0 || base === prefixBase)) {
    actualBase = prefixBase;
    body = body.slice(2).replace(/^_/, "");
  } else if (base === 0) {
    actualBase = 10;
    if (/^0+[1-9]/.test(body.replaceAll("_", ""))) return undefined; // Python rejects "010" with base 0
  }
  if (body === "" || body.startsWith("_") || body.endsWith("_") || body.includes("__")) return undefined;
  const digits = body.replaceAll("_", "").toLowerCase();
  let result = 0n;
  const bigBase = BigInt(actualBase);
  if (actualBase === 10) {
    if (!/^[0-9]+$/.test(digits)) return undefined;
    result = BigInt(digits);
  } else {
    for (const character of digits) {
      const digit = Number.parseInt(character, 36);
      if (Number.isNaN(digit) || digit >= actualBase) return undefined;
      result = result * bigBase + BigInt(digit);
    }
  }
  return normalizeInt(negative ? -result : result);
}

const NON_ASCII_DIGIT = /[^ -~\t\n\r]/u;
const DECIMAL_DIGIT = /\p{Nd}/u;

/** Python's int() and float() accept any Unicode decimal digit ("٣" is 3); map them to ASCII. */
export function asciiDigits(text: string): string {
  if (!NON_ASCII_DIGIT.test(text)) return text;
  return text.replace(/\p{Nd}/gu, (digit) => {
    // Decimal digits come in runs of ten from 0 to 9 (a Unicode stability guarantee).
    const codePoint = digit.codePointAt(0) ?? 0;
    let start = codePoint;
    while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
    return String((codePoint - start) % 10);
  });
}
