/**
 * Pieces of Python's str semantics that JS lacks: its whitespace set, cased-character rules and line breaks.
 */

import { DanaException } from "../errors.js";
import { PROGRESS_INTERVAL } from "../values/access.js";
import { operandTypeName } from "../values/print.js";
import type { Value } from "../values/types.js";

/** str.isspace() characters (JS's trim() also strips U+FEFF and misses \x1c-\x1f and \x85). */
export const PYTHON_WHITESPACE =
  " \t\n\r\v\f\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000";

export function isWhitespace(character: string): boolean {
  return character.length === 1 && PYTHON_WHITESPACE.includes(character);
}

/** Line boundaries of str.splitlines(). */
export const LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029";

export function isCased(character: string): boolean {
  return character.toLowerCase() !== character.toUpperCase();
}

/** A `str` argument of a method, with Python's message otherwise. */
export function textArgument(value: Value | undefined, description: string): string {
  if (typeof value === "string") return value;
  throw new DanaException("TypeError", `${description} must be str, not ${operandTypeName(value ?? null)}`);
}

/** An optional int argument (None or absent → undefined). */
export function optionalIndex(value: Value | undefined): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "bigint") return value < 0n ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  throw new DanaException("TypeError", "slice indices must be integers or None or have an __index__ method");
}

/** Python's clamping of optional start/end arguments (find, count, startswith, index) to [0, length]. */
export function clampRange(start: number | undefined, end: number | undefined, length: number): [number, number] {
  let from = start ?? 0;
  let to = end ?? length;
  if (from < 0) from = Math.max(0, from + length);
  if (to < 0) to = Math.max(0, to + length);
  return [Math.min(from, length), Math.min(to, length)];
}

/** One-character fill argument of center/ljust/rjust. */
export function fillCharacter(value: Value | undefined): string {
  if (value === undefined) return " ";
  if (typeof value !== "string") {
    throw new DanaException(
      "TypeError",
      `The fill character must be a unicode character, not ${operandTypeName(value)}`,
    );
  }
  if (Array.from(value).length !== 1) {
    throw new DanaException("TypeError", "The fill character must be exactly one character long");
  }
  return value;
}

/** The four Unicode digraphs whose title case differs from their upper case. */
const TITLE_DIGRAPHS: ReadonlyMap<string, string> = new Map([
  ["Ǆ", "ǅ"],
  ["ǅ", "ǅ"],
  ["ǆ", "ǅ"],
  ["Ǉ", "ǈ"],
  ["ǈ", "ǈ"],
  ["ǉ", "ǈ"],
  ["Ǌ", "ǋ"],
  ["ǋ", "ǋ"],
  ["ǌ", "ǋ"],
  ["Ǳ", "ǲ"],
  ["ǲ", "ǲ"],
  ["ǳ", "ǲ"],
]);

/** Python's title-case mapping of one character: "ß" → "Ss", not "SS". */
export function titleCaseCharacter(character: string): string {
  const digraph = TITLE_DIGRAPHS.get(character);
  if (digraph !== undefined) return digraph;
  const upper = character.toUpperCase();
  if (upper.length <= character.length) return upper;
  const [first = "", ...rest] = Array.from(upper);
  return first + rest.join("").toLowerCase();
}

export function titleCase(text: string): string {
  let result = "";
  let previousCased = false;
  for (const character of text) {
    if (isCased(character)) {
      result += previousCased ? character.toLowerCase() : titleCaseCharacter(character);
      previousCased = true;
    } else {
      result += character;
      previousCased = false;
    }
  }
  return result;
}

export function capitalize(text: string): string {
  const characters = Array.from(text);
  if (characters.length === 0) return "";
  return titleCaseCharacter(characters[0] as string) + characters.slice(1).join("").toLowerCase();
}

export function splitWhitespace(text: string, maximum: number): string[] {
  const parts: string[] = [];
  let index = 0;
  const length = text.length;
  while (index < length) {
    while (index < length && isWhitespace(text[index] as string)) index++;
    if (index >= length) break;
    if (maximum >= 0 && parts.length === maximum) {
      parts.push(text.slice(index)); // Python keeps the remainder's trailing whitespace
      break;
    }
    const start = index;
    while (index < length && !isWhitespace(text[index] as string)) index++;
    parts.push(text.slice(start, index));
  }
  return parts;
}

export function rsplitWhitespace(text: string, maximum: number): string[] {
  const parts: string[] = [];
  let index = text.length;
  while (index > 0) {
    while (index > 0 && isWhitespace(text[index - 1] as string)) index--;
    if (index <= 0) break;
    if (maximum >= 0 && parts.length === maximum) {
      parts.push(text.slice(0, index)); // Python keeps the remainder's leading whitespace
      break;
    }
    const end = index;
    while (index > 0 && !isWhitespace(text[index - 1] as string)) index--;
    parts.push(text.slice(index, end));
  }
  return parts.reverse();
}

export function splitSeparator(text: string, separator: string, maximum: number): string[] {
  if (separator === "") throw new DanaException("ValueError", "empty separator");
  const parts = text.split(separator);
  if (maximum < 0 || parts.length <= maximum + 1) return parts;
  return [...parts.slice(0, maximum), parts.slice(maximum).join(separator)];
}

export function rsplitSeparator(text: string, separator: string, maximum: number): string[] {
  if (separator === "") throw new DanaException("ValueError", "empty separator");
  const parts = text.split(separator);
  if (maximum < 0 || parts.length <= maximum + 1) return parts;
  const keep = parts.length - maximum;
  return [parts.slice(0, keep).join(separator), ...parts.slice(keep)];
}

export function stripCharacters(text: string, characters: string | null, left: boolean, right: boolean): string {
  const strip = characters === null ? isWhitespace : (character: string) => characters.includes(character);
  const units = Array.from(text);
  let start = 0;
  let end = units.length;
  if (left) while (start < end && strip(units[start] as string)) start++;
  if (right) while (end > start && strip(units[end - 1] as string)) end--;
  if (start === 0 && end === units.length) return text;
  return units.slice(start, end).join("");
}

export function splitLines(text: string, keepEnds: boolean): string[] {
  const lines: string[] = [];
  let start = 0;
  let index = 0;
  while (index < text.length) {
    const character = text[index] as string;
    if (LINE_BREAKS.includes(character)) {
      let end = index + 1;
      if (character === "\r" && text[end] === "\n") end++;
      lines.push(text.slice(start, keepEnds ? end : index));
      start = end;
      index = end;
    } else {
      index++;
    }
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/**
 * `str.replace`. `progress` is called every PROGRESS_INTERVAL replacements so the step budget, the deadline and
 * `cancel()` reach inside one call (30 million replacements otherwise run seconds past `timeoutMs`); an error it
 * throws aborts the replacement.
 */
export function replaceText(
  text: string,
  old: string,
  replacement: string,
  limit: number,
  progress: () => void = () => {},
): string {
  let count = limit;
  let sinceProgress = 0;
  const tick = () => {
    if (++sinceProgress === PROGRESS_INTERVAL) {
      sinceProgress = 0;
      progress();
    }
  };
  // A function replacer: a string replacement would interpret "$&" and friends.
  if (count < 0 && old !== "") {
    return text.replaceAll(old, () => {
      tick();
      return replacement;
    });
  }
  if (count < 0) count = Number.POSITIVE_INFINITY; // "" matches between code points, not UTF-16 units
  let result = "";
  let position = 0;
  let done = 0;
  if (old === "") {
    const characters = Array.from(text);
    for (const character of characters) {
      if (done < count) {
        result += replacement;
        done++;
        tick();
      }
      result += character;
    }
    return done < count ? result + replacement : result;
  }
  while (done < count) {
    const found = text.indexOf(old, position);
    if (found === -1) break;
    result += text.slice(position, found) + replacement;
    position = found + old.length;
    done++;
    tick();
  }
  return result + text.slice(position);
}
