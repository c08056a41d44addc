/**
 * Python's float formatting: `repr(x)` (shortest round-trip digits, exponent outside 1e-4 ≤ |x| < 1e16) and the
 * fixed / exponent / general styles used by format specs and `%` formatting.
 */
import { decomposeFloat, roundHalfEven } from "./rounding.js";

/** Shortest digits that round-trip and the decimal exponent of the first digit: 1234.5 → ["12345", 3]. */
function shortestDigits(magnitude: number): [string, number] {
  // toExponential() without an argument gives exactly as many digits as needed to round-trip.
  const text = magnitude.toExponential();
  const exponentAt = text.indexOf("e");
  const digits = text.slice(0, exponentAt).replace(".", "");
  return [digits, Number(text.slice(exponentAt + 1))];
}

function nonFinite(value: number): string | undefined {
  if (Number.isNaN(value)) return "nan";
  if (value === Number.POSITIVE_INFINITY) return "inf";
  if (value === Number.NEGATIVE_INFINITY) return "-inf";
  return undefined;
}

/** `repr(float)` exactly as CPython prints it. */
export function floatRepr(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-4 && magnitude < 1e16) {
    // Here JS and Python both print the shortest round-trip digits positionally; Python adds ".0" to integers.
    const text = String(value);
    return Number.isInteger(value) ? `${text}.0` : text;
  }
  const special = nonFinite(value);
  if (special !== undefined) return special;
  if (value === 0) return Object.is(value, -0) ? "-0.0" : "0.0";
  const sign = value < 0 ? "-" : "";
  const [digits, exponent] = shortestDigits(Math.abs(value));
  if (exponent >= -4 && exponent < 16) {
    return sign + placeDecimalPoint(digits, exponent, true);
  }
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${sign}${mantissa}e${exponentText(exponent)}`;
}

/** Writes `digits` (first digit at 10**exponent) in positional notation; `forceFraction` keeps a ".0". */
function placeDecimalPoint(digits: string, exponent: number, forceFraction: boolean): string {
  if (exponent < 0) return `0.${"0".repeat(-exponent - 1)}${digits}`;
  if (digits.length <= exponent + 1) {
    const integral = digits + "0".repeat(exponent + 1 - digits.length);
    return forceFraction ? `${integral}.0` : integral;
  }
  return `${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}

/** Python writes at least two exponent digits with an explicit sign: e+16, e-05, e+300. */
function exponentText(exponent: number): string {
  const magnitude = Math.abs(exponent);
  return (exponent < 0 ? "-" : "+") + (magnitude < 10 ? `0${magnitude}` : String(magnitude));
}

/** |x| as an exact fraction numerator / denominator (a finite double is m · 2^e). */
function exactFraction(magnitude: number): [bigint, bigint] {
  const [mantissa, exponent] = decomposeFloat(magnitude);
  return exponent >= 0 ? [mantissa << BigInt(exponent), 1n] : [mantissa, 1n << BigInt(-exponent)];
}

const TEN = 10n;

/**
 * `format(x, ".{precision}f")` without the sign: the exact binary value rounded half-even, as CPython does
 * (`"%.0f" % 2.5` is "2"; JS's toFixed rounds such ties up).
 */
export function formatFixed(magnitude: number, precision: number): string {
  const special = nonFinite(magnitude);
  if (special !== undefined) return special;
  if (magnitude === 0) return precision > 0 ? `0.${"0".repeat(precision)}` : "0";
  const [numerator, denominator] = exactFraction(magnitude);
  const digits = roundHalfEven(numerator * TEN ** BigInt(precision), denominator)
    .toString()
    .padStart(precision + 1, "0");
  return precision > 0 ? `${digits.slice(0, -precision)}.${digits.slice(-precision)}` : digits;
}

/** |x| rounded half-even to `significant` digits: the digit string and the decimal exponent of its first digit. */
function significantDigits(magnitude: number, significant: number): [string, number] {
  if (magnitude === 0) return ["0".repeat(significant), 0];
  const [numerator, denominator] = exactFraction(magnitude);
  let exponent = Math.floor(Math.log10(magnitude));
  // log10 can be off by one near powers of ten; settle it exactly: 10^exponent <= |x| < 10^(exponent + 1).
  const atLeast = (power: number) =>
    power >= 0 ? numerator >= denominator * TEN ** BigInt(power) : numerator * TEN ** BigInt(-power) >= denominator;
  while (!atLeast(exponent)) exponent--;
  while (atLeast(exponent + 1)) exponent++;
  for (;;) {
    const shift = significant - 1 - exponent;
    const rounded =
      shift >= 0
        ? roundHalfEven(numerator * TEN ** BigInt(shift), denominator)
        : roundHalfEven(numerator, denominator * TEN ** BigInt(-shift));
    const digits = rounded.toString();
    if (digits.length === significant) return [digits, exponent];
    exponent++; // rounding carried into a new digit (9.99 → 10.0)
  }
}

/** `format(x, ".{precision}e")` without the sign. */
export function formatExponent(magnitude: number, precision: number, alternate = false): string {
  const special = nonFinite(magnitude);
  if (special !== undefined) return special;
  const [digits, exponent] = significantDigits(magnitude, precision + 1);
  let mantissa = precision > 0 ? `${digits[0]}.${digits.slice(1)}` : (digits[0] ?? "0");
  if (alternate && precision === 0) mantissa += ".";
  return `${mantissa}e${exponentText(exponent)}`;
}

/**
 * `format(x, ".{precision}g")` without the sign. `keepFraction` implements the format-spec style with no type
 * letter (`"{:.3}".format(1.0)` → "1.0"), which never drops to a bare integer.
 */
export function formatGeneral(magnitude: number, precision: number, alternate = false, keepFraction = false): string {
  const special = nonFinite(magnitude);
  if (special !== undefined) return special;
  const significant = precision === 0 ? 1 : precision;
  const [, exponent] = significantDigits(magnitude, significant);
  let text: string;
  if (exponent >= -4 && exponent < significant) {
    text = formatFixed(magnitude, significant - 1 - exponent);
    if (!alternate) text = stripFractionZeros(text);
    if (keepFraction && !text.includes(".")) text += ".0";
    return text;
  }
  text = formatExponent(magnitude, significant - 1, alternate);
  if (!alternate) {
    const exponentAt = text.indexOf("e");
    text = stripFractionZeros(text.slice(0, exponentAt)) + text.slice(exponentAt);
  }
  return text;
}

function stripFractionZeros(text: string): string {
  if (!text.includes(".")) return text;
  return text.replace(/\.?0+$/, "");
}
