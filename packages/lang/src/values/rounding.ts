/**
 * Python's round(): banker's rounding on the exact binary value of a float (`round(2.5) == 2`,
 * `round(2.675, 2) == 2.67`), an int result without ndigits, and exact rounding of ints to tens.
 */
import { DanaException } from "../errors.js";
import { floatToInt, type IntValue, toBigInt } from "./integers.js";
import { normalizeInt } from "./types.js";

/** round(x) for a float: the nearest int, ties to even. */
export function roundFloatToInt(value: number): IntValue {
  if (!Number.isFinite(value)) return floatToInt(value); // raises Python's errors for inf/nan
  let rounded = Math.round(value);
  if (Math.abs(value % 1) === 0.5 && rounded % 2 !== 0) rounded -= 1; // Math.round rounds ties up
  return floatToInt(rounded);
}

/** round(x, ndigits) for a float, computed exactly (a double is m·2^e) and then read back as a decimal. */
export function roundFloat(value: number, digits: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  if (digits > 323) return value;
  if (digits < -308) return value < 0 ? -0 : 0;
  const [mantissa, exponent] = decomposeFloat(value);
  // value = mantissa · 2^exponent; scaled = value · 10^digits = numerator / denominator.
  let numerator = mantissa;
  let denominator = 1n;
  if (exponent >= 0) numerator <<= BigInt(exponent);
  else denominator <<= BigInt(-exponent);
  if (digits >= 0) numerator *= 10n ** BigInt(digits);
  else denominator *= 10n ** BigInt(-digits);
  const quotient = roundHalfEven(numerator, denominator);
  const result = digits >= 0 ? Number(`${quotient}e-${digits}`) : Number(`${quotient}e${-digits}`);
  if (!Number.isFinite(result)) throw new DanaException("OverflowError", "rounded value too large to represent");
  return result === 0 && value < 0 ? -0 : result;
}

/** round(n, ndigits) for an int: unchanged for ndigits >= 0, else rounded to a multiple of 10^-ndigits. */
export function roundInt(value: IntValue, digits: number): IntValue {
  if (digits >= 0) return value;
  // A unit beyond the value's magnitude rounds it to 0 (and 10 ** -digits could be astronomically large).
  if (-digits > toBigInt(value).toString().length + 1) return 0;
  const unit = 10n ** BigInt(-digits);
  return normalizeInt(roundHalfEven(toBigInt(value), unit) * unit);
}

export function roundHalfEven(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  let quotient = magnitude / denominator;
  const twiceRemainder = (magnitude % denominator) * 2n;
  if (twiceRemainder > denominator || (twiceRemainder === denominator && quotient % 2n === 1n)) quotient += 1n;
  return negative ? -quotient : quotient;
}

/** Splits a finite non-zero double into an integer mantissa and a power-of-two exponent, exactly. */
export function decomposeFloat(value: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const high = view.getUint32(0);
  const low = view.getUint32(4);
  const biasedExponent = (high >>> 20) & 0x7ff;
  let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  let exponent: number;
  if (biasedExponent === 0) exponent = -1074;
  else {
    mantissa |= 1n << 52n;
    exponent = biasedExponent - 1075;
  }
  return [value < 0 ? -mantissa : mantissa, exponent];
}
