/**
 * `range` over ints beyond the safe range (decision 7: `range(2 ** 53, 2 ** 53 + 2)`). The contract's
 * `DanaRange` holds JS numbers so the evaluator's `for` fast path stays cheap; this class carries bigint
 * bounds and shares its `kind`, so `type()` and printing treat both as `range`.
 */
import { DanaException } from "../errors.js";
import { DanaObject, normalizeInt, type Value } from "./types.js";

export class DanaBigRange extends DanaObject {
  readonly kind = "range";
  constructor(
    readonly start: bigint,
    readonly stop: bigint,
    readonly step: bigint,
  ) {
    super();
  }

  get length(): bigint {
    const { start, stop, step } = this;
    if (step > 0n) return stop > start ? (stop - start + step - 1n) / step : 0n;
    return start > stop ? (start - stop - step - 1n) / -step : 0n;
  }

  /** The element at a (possibly negative) index, or IndexError. */
  at(index: bigint): Value {
    const length = this.length;
    const position = index < 0n ? index + length : index;
    if (position < 0n || position >= length) throw new DanaException("IndexError", "range object index out of range");
    return normalizeInt(this.start + position * this.step);
  }

  has(value: bigint): boolean {
    const { start, stop, step } = this;
    if (step > 0n ? value < start || value >= stop : value > start || value <= stop) return false;
    return (value - start) % step === 0n;
  }

  *values(): Generator<Value> {
    const { stop, step } = this;
    for (let current = this.start; step > 0n ? current < stop : current > stop; current += step) {
      yield normalizeInt(current);
    }
  }
}

/** len() of a big range, as a JS number (Python raises OverflowError beyond ssize_t too). */
export function bigRangeLength(range: DanaBigRange): number {
  const length = range.length;
  if (length > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new DanaException("OverflowError", "Python int too large to convert to C ssize_t");
  }
  return Number(length);
}
