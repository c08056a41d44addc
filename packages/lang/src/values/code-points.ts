/**
 * Python strings are sequences of code points; JS strings are UTF-16. Indexing, slicing and len() use code
 * points, but only strings containing surrogate pairs need the slow path, and the check is cached for the
 * string last seen so `for i in range(len(s)): s[i]` stays linear.
 */

let lastChecked = "";
let lastHasSurrogates = false;

export function hasSurrogates(text: string): boolean {
  if (text.length < 2) return false;
  if (text === lastChecked) return lastHasSurrogates;
  let found = false;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdfff) {
      found = true;
      break;
    }
  }
  lastChecked = text;
  lastHasSurrogates = found;
  return found;
}

export function codePointLength(text: string): number {
  if (!hasSurrogates(text)) return text.length;
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** The string as an array of code points (only called for strings with surrogates). */
export function codePoints(text: string): string[] {
  return Array.from(text);
}

/** Converts a UTF-16 index into `text` into a code point index (for find/index results). */
export function toCodePointIndex(text: string, unitIndex: number): number {
  if (unitIndex < 0 || !hasSurrogates(text)) return unitIndex;
  return codePointLength(text.slice(0, unitIndex));
}

/** Converts a code point index into a UTF-16 index (for find/index start and end arguments). */
export function toUnitIndex(text: string, codePointIndex: number): number {
  if (!hasSurrogates(text)) return codePointIndex;
  let units = 0;
  let count = 0;
  for (const character of text) {
    if (count === codePointIndex) return units;
    units += character.length;
    count++;
  }
  return units;
}

/** Python string ordering: by code point, which differs from UTF-16 order only around surrogates. */
export function compareStrings(left: string, right: string): number {
  if (left === right) return 0;
  const shorter = Math.min(left.length, right.length);
  for (let index = 0; index < shorter; index++) {
    const a = left.charCodeAt(index);
    const b = right.charCodeAt(index);
    if (a !== b) {
      if (a < 0xd800 && b < 0xd800) return a - b;
      return (left.codePointAt(index) ?? 0) - (right.codePointAt(index) ?? 0);
    }
  }
  return left.length - right.length;
}
