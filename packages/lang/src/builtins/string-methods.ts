/**
 * Methods of `str` with Python semantics (return values, errors, code-point indices).
 */
import { DanaException } from "../errors.js";
import { iterate, PROGRESS_INTERVAL } from "../values/access.js";
import { codePointLength, codePoints, hasSurrogates, toCodePointIndex, toUnitIndex } from "../values/code-points.js";
import { checkMemory, checkStringLength } from "../values/memory.js";
import { operandTypeName } from "../values/print.js";
import type { RuntimeServices } from "../values/services.js";
import { DanaList, DanaTuple, type KeywordArguments, type Value } from "../values/types.js";
import { argument, expectArguments } from "./arguments.js";
import { formatString } from "./string-format.js";
import {
  capitalize,
  clampRange,
  fillCharacter,
  isCased,
  optionalIndex,
  replaceText,
  rsplitSeparator,
  rsplitWhitespace,
  splitLines,
  splitSeparator,
  splitWhitespace,
  stripCharacters,
  textArgument,
  titleCase,
} from "./string-helpers.js";

/** Budget cost of one list element, as for every other list the runtime builds (values/access.ts). */
const BYTES_PER_ELEMENT = 8;

export const stringMethodNames: ReadonlySet<string> = new Set([
  "upper",
  "lower",
  "strip",
  "lstrip",
  "rstrip",
  "split",
  "rsplit",
  "replace",
  "join",
  "title",
  "capitalize",
  "swapcase",
  "casefold",
  "isdigit",
  "isdecimal",
  "isnumeric",
  "isalpha",
  "isalnum",
  "isspace",
  "islower",
  "isupper",
  "istitle",
  "startswith",
  "endswith",
  "find",
  "rfind",
  "index",
  "rindex",
  "count",
  "format",
  "zfill",
  "center",
  "ljust",
  "rjust",
  "splitlines",
  "partition",
  "rpartition",
  "removeprefix",
  "removesuffix",
]);

const DIGITS = /^\p{Nd}+$/u;
const NUMERIC = /^[\p{Nd}\p{Nl}\p{No}]+$/u;
const ALPHA = /^\p{L}+$/u;
const ALPHANUMERIC = /^[\p{L}\p{Nd}\p{Nl}\p{No}]+$/u;

export function callStringMethod(
  text: string,
  name: string,
  positional: readonly Value[],
  keywords: KeywordArguments,
  services: RuntimeServices,
): Value | undefined {
  const arg = (index: number, keyword: string) => argument(positional, keywords, index, keyword);
  switch (name) {
    case "upper":
      return text.toUpperCase();
    case "lower":
      return text.toLowerCase();
    case "casefold":
      return text.toLowerCase();
    case "swapcase":
      return Array.from(text, (c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join("");
    case "title":
      return titleCase(text);
    case "capitalize":
      return capitalize(text);
    case "strip":
    case "lstrip":
    case "rstrip": {
      expectArguments(name, positional, 0, 1);
      const characters = arg(0, "chars") ?? null;
      if (characters !== null && typeof characters !== "string") {
        throw new DanaException("TypeError", `${name} arg must be None or str`);
      }
      return stripCharacters(text, characters, name !== "rstrip", name !== "lstrip");
    }
    case "split":
    case "rsplit": {
      expectArguments(name, positional, 0, 2);
      const separator = arg(0, "sep") ?? null;
      const maximum = optionalIndex(arg(1, "maxsplit")) ?? -1;
      let parts: string[];
      if (separator === null)
        parts = name === "split" ? splitWhitespace(text, maximum) : rsplitWhitespace(text, maximum);
      else {
        const sep = textArgument(separator, "separator");
        // Sized before splitting: a 30 MB string split on every character is 30 million strings.
        if (sep !== "") {
          const pieces = Math.min(countOccurrences(text, [sep]), maximum < 0 ? Number.POSITIVE_INFINITY : maximum);
          checkMemory((pieces + 1) * BYTES_PER_ELEMENT, services.limits);
        }
        parts = name === "split" ? splitSeparator(text, sep, maximum) : rsplitSeparator(text, sep, maximum);
      }
      // Whitespace splits are sized after (at most one part per two characters of a string already in budget).
      checkMemory(parts.length * BYTES_PER_ELEMENT, services.limits);
      return new DanaList(parts);
    }
    case "splitlines": {
      const lines = splitLines(text, Boolean(arg(0, "keepends")));
      checkMemory(lines.length * BYTES_PER_ELEMENT, services.limits);
      return new DanaList(lines);
    }
    case "replace": {
      expectArguments(name, positional, 2, 3);
      const old = textArgument(positional[0], "replace() argument 1");
      const replacement = textArgument(positional[1], "replace() argument 2");
      const count = optionalIndex(arg(2, "count")) ?? -1;
      const progress = () => services.step?.(PROGRESS_INTERVAL);
      if (replacement.length > old.length) {
        const occurrences = Math.min(
          countOccurrences(text, [old], progress),
          count < 0 ? Number.POSITIVE_INFINITY : count,
        );
        checkStringLength(text.length + occurrences * (replacement.length - old.length), services.limits);
      }
      return replaceText(text, old, replacement, count, progress);
    }
    case "join":
      expectArguments(name, positional, 1, 1);
      return joinStrings(text, positional[0] as Value, services);
    case "isdigit":
    case "isdecimal":
      return DIGITS.test(text);
    case "isnumeric":
      return NUMERIC.test(text);
    case "isalpha":
      return ALPHA.test(text);
    case "isalnum":
      return ALPHANUMERIC.test(text);
    case "isspace":
      return text.length > 0 && stripCharacters(text, null, true, false) === "";
    case "islower":
      return text === text.toLowerCase() && Array.from(text).some(isCased);
    case "isupper":
      return text === text.toUpperCase() && Array.from(text).some(isCased);
    case "istitle":
      return Array.from(text).some(isCased) && titleCase(text) === text;
    case "startswith":
    case "endswith":
      return affixMatch(text, name, positional);
    case "find":
    case "rfind":
    case "index":
    case "rindex":
      return search(text, name, positional);
    case "count":
      return countOccurrences(text, positional);
    case "format":
      return formatString(text, positional, keywords, services);
    case "zfill": {
      expectArguments(name, positional, 1, 1);
      const width = optionalIndex(positional[0]) ?? 0;
      checkStringLength(width, services.limits);
      const missing = width - codePointLength(text);
      if (missing <= 0) return text;
      if (text.startsWith("+") || text.startsWith("-")) return text[0] + "0".repeat(missing) + text.slice(1);
      return "0".repeat(missing) + text;
    }
    case "center":
    case "ljust":
    case "rjust": {
      expectArguments(name, positional, 1, 2);
      const width = optionalIndex(positional[0]) ?? 0;
      checkStringLength(width, services.limits);
      const fill = fillCharacter(positional[1]);
      const missing = width - codePointLength(text);
      if (missing <= 0) return text;
      if (name === "ljust") return text + fill.repeat(missing);
      if (name === "rjust") return fill.repeat(missing) + text;
      // CPython's centering puts the odd extra character on the left only when width is odd.
      const left = Math.floor(missing / 2) + (missing & width & 1);
      return fill.repeat(left) + text + fill.repeat(missing - left);
    }
    case "partition":
    case "rpartition": {
      expectArguments(name, positional, 1, 1);
      const separator = textArgument(positional[0], "separator");
      if (separator === "") throw new DanaException("ValueError", "empty separator");
      const at = name === "partition" ? text.indexOf(separator) : text.lastIndexOf(separator);
      if (at === -1) return new DanaTuple(name === "partition" ? [text, "", ""] : ["", "", text]);
      return new DanaTuple([text.slice(0, at), separator, text.slice(at + separator.length)]);
    }
    case "removeprefix": {
      const prefix = textArgument(positional[0], "removeprefix() argument");
      return prefix !== "" && text.startsWith(prefix) ? text.slice(prefix.length) : text;
    }
    case "removesuffix": {
      const suffix = textArgument(positional[0], "removesuffix() argument");
      return suffix !== "" && text.endsWith(suffix) ? text.slice(0, text.length - suffix.length) : text;
    }
  }
  return undefined;
}

function joinStrings(separator: string, iterable: Value, services: RuntimeServices): string {
  const parts: string[] = [];
  let total = 0;
  const iterator = iterate(iterable);
  for (let step = iterator.next(); !step.done; step = iterator.next()) {
    const item = step.value;
    if (typeof item !== "string") {
      throw new DanaException(
        "TypeError",
        `sequence item ${parts.length}: expected str instance, ${operandTypeName(item)} found`,
      );
    }
    parts.push(item);
    total += item.length + separator.length;
  }
  checkStringLength(total, services.limits);
  return parts.join(separator);
}

/** [start, end) as UTF-16 offsets from optional code-point arguments. */
function unitRange(text: string, startValue: Value | undefined, endValue: Value | undefined): [number, number] {
  const length = codePointLength(text);
  const [start, end] = clampRange(optionalIndex(startValue), optionalIndex(endValue), length);
  if (!hasSurrogates(text)) return [start, end];
  return [toUnitIndex(text, start), toUnitIndex(text, end)];
}

function affixMatch(text: string, name: "startswith" | "endswith", positional: readonly Value[]): boolean {
  expectArguments(name, positional, 1, 3);
  const affix = positional[0] as Value;
  const candidates = affix instanceof DanaTuple ? affix.items : [affix];
  const [start, end] = unitRange(text, positional[1], positional[2]);
  if (start > end) return false;
  const window = text.slice(start, end);
  return candidates.some((candidate) => {
    if (typeof candidate !== "string") {
      throw new DanaException(
        "TypeError",
        `${name} first arg must be str or a tuple of str, not ${operandTypeName(candidate)}`,
      );
    }
    return name === "startswith" ? window.startsWith(candidate) : window.endsWith(candidate);
  });
}

function search(text: string, name: "find" | "rfind" | "index" | "rindex", positional: readonly Value[]): number {
  expectArguments(name, positional, 1, 3);
  const needle = textArgument(positional[0], `${name}() argument 1`);
  const [start, end] = unitRange(text, positional[1], positional[2]);
  let found = -1;
  if (start <= end && end - start >= needle.length) {
    const window = text.slice(start, end);
    const at = name === "find" || name === "index" ? window.indexOf(needle) : window.lastIndexOf(needle);
    if (at !== -1) found = at + start;
  }
  if (found === -1 && (name === "index" || name === "rindex"))
    throw new DanaException("ValueError", "substring not found");
  return toCodePointIndex(text, found);
}

function countOccurrences(text: string, positional: readonly Value[], progress: () => void = () => {}): number {
  expectArguments("count", positional, 1, 3);
  const needle = textArgument(positional[0], "count() argument 1");
  const [start, end] = unitRange(text, positional[1], positional[2]);
  if (start > end) return 0;
  const window = text.slice(start, end);
  if (needle === "") return (hasSurrogates(window) ? codePoints(window).length : window.length) + 1;
  let count = 0;
  for (let at = window.indexOf(needle); at !== -1; at = window.indexOf(needle, at + needle.length)) {
    if (++count % PROGRESS_INTERVAL === 0) progress();
  }
  return count;
}
