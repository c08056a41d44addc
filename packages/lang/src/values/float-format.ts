/**
 * Python's float formatting: `repr(x)` (shortest round-trip digits, exponent outside 1e-4 ≤ |x| < 1e16) and the
 * fixed / exponent / general styles used by format specs and `%` formatting.
 */

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

/** `format(x, ".{precision}f")` without the sign: digits of |x|. */
export function formatFixed(magnitude: number, precision: number): string {
  const special = nonFinite(magnitude);
  if (special !== undefined) return special;
  if (magnitude < 1e21 && precision <= 100) return magnitude.toFixed(precision);
  // toFixed switches to exponent notation at 1e21; integral floats are exact bigints there.
  if (Number.isInteger(magnitude)) {
    const integral = BigInt(magnitude).toString();
    return precision > 0 ? `${integral}.${"0".repeat(precision)}` : integral;
  }
  const base = magnitude.toFixed(100);
  return base + "0".repeat(precision - 100);
}

/** `format(x, ".{precision}e")` without the sign. */
export function formatExponent(magnitude: number, precision: number, alternate = false): string {
  const special = nonFinite(magnitude);
  if (special !== undefined) return special;
  const text = magnitude.toExponential(Math.min(precision, 100));
  const exponentAt = text.indexOf("e");
  let mantissa = text.slice(0, exponentAt) + "0".repeat(Math.max(0, precision - 100));
  if (alternate && precision === 0) mantissa += ".";
  return `${mantissa}e${exponentText(Number(text.slice(exponentAt + 1)))}`;
}

/**
 * `format(x, ".{precision}g")` without the sign. `keepFraction` implements the format-spec style with no type
 * letter (`"{:.3}".format(1.0)` → "1.0"), which never drops to a bare integer.
 */
export function formatGeneral(magnitude: number, precision: number, alternate = false, keepFraction = false): string {
  const special = nonFinite(magnitude);
  if (special !== undefined) return special;
  const significant = precision === 0 ? 1 : precision;
  const rounded = magnitude.toExponential(Math.min(significant - 1, 100));
  const exponent = Number(rounded.slice(rounded.indexOf("e") + 1));
  let text: string;
  if (exponent >= -4 && exponent < significant) {
    text = formatFixed(magnitude, significant - 1 - exponent);
    if (!alternate) text = stripFractionZeros(text);
    if (keepFraction && !text.includes(".")) text += ".0";
    return text;
  }
  text = formatExponent(magnitude, significant - 1);
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
