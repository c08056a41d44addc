/**
 * JavaScript has no tuple and no float type distinct from integers, so the caller marks them:
 * `tuple(1, "a")` becomes a Dana tuple (and Dana tuples come back marked, so they round-trip), and
 * `float(1)` becomes the Dana float `1.0` (a plain `1` is the int `1`).
 */
import { DanaFloat } from "@dana-gateway/lang";

const tupleMarker = Symbol.for("@dana-gateway/core.tuple");

export type DanaTupleArray<T extends readonly unknown[] = readonly unknown[]> = Readonly<T> & {
  readonly [tupleMarker]: true;
};

/** A frozen array marked as a Dana tuple. */
export function tuple<T extends unknown[]>(...items: T): DanaTupleArray<T> {
  Object.defineProperty(items, tupleMarker, { value: true });
  return Object.freeze(items) as unknown as DanaTupleArray<T>;
}

export function isTuple(value: unknown): value is DanaTupleArray {
  return Array.isArray(value) && (value as { [tupleMarker]?: boolean })[tupleMarker] === true;
}

/** The Dana float with this value (so `float(2)` is `2.0`, not the int `2`). */
export function float(value: number): DanaFloat {
  if (typeof value !== "number") throw new TypeError(`Expected number, got ${typeof value} at argument 'value'`);
  return new DanaFloat(value);
}
