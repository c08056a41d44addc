/**
 * Float arithmetic with CPython's edge cases: floor division and modulo signs, division by zero errors,
 * overflow errors from `**`, and pow's special values (1 ** nan == 1.0, (-1) ** inf == 1.0).
 */
import { DanaException } from "../errors.js";

export function floatTrueDivide(left: number, right: number): number {
  if (right === 0) throw new DanaException("ZeroDivisionError", "float division by zero");
  return left / right;
}

/** CPython's float_divmod, modulo part. */
export function floatModulo(left: number, right: number): number {
  if (right === 0) throw new DanaException("ZeroDivisionError", "float modulo");
  let remainder = left % right;
  if (remainder !== 0) {
    if (right < 0 !== remainder < 0) remainder += right;
  } else {
    remainder = right < 0 ? -0 : 0; // the result takes the sign of the divisor
  }
  return remainder;
}

/** CPython's float_divmod, quotient part. */
export function floatFloorDivide(left: number, right: number): number {
  if (right === 0) throw new DanaException("ZeroDivisionError", "float floor division by zero");
  let remainder = left % right;
  let quotient = (left - remainder) / right;
  if (remainder !== 0 && right < 0 !== remainder < 0) {
    remainder += right;
    quotient -= 1;
  }
  if (quotient === 0) {
    const exact = left / right; // copysign(0.0, left / right), as CPython
    return exact < 0 || Object.is(exact, -0) ? -0 : 0;
  }
  let floored = Math.floor(quotient);
  if (quotient - floored > 0.5) floored += 1;
  return floored;
}

export function floatPower(base: number, exponent: number): number {
  if (exponent === 0 || base === 1) return 1;
  if (Number.isNaN(base) || Number.isNaN(exponent)) return Number.NaN;
  if (base === 0 && exponent < 0) {
    throw new DanaException("ZeroDivisionError", "0.0 cannot be raised to a negative power");
  }
  if (base === -1 && !Number.isFinite(exponent)) return 1;
  if (base < 0 && Number.isFinite(base) && Number.isFinite(exponent) && !Number.isInteger(exponent)) {
    // Python would return a complex number; Dana has none.
    throw new DanaException("ValueError", "negative number cannot be raised to a fractional power");
  }
  const result = base ** exponent;
  if (!Number.isFinite(result) && Number.isFinite(base) && Number.isFinite(exponent)) {
    throw new DanaException("OverflowError", "(34, 'Numerical result out of range')");
  }
  return result;
}
