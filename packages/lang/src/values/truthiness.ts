/**
 * Two notions of truth (spec 1.13, Appendix A): Python truthiness for ternaries, `not`, `and`/`or`, `assert` and
 * comprehension filters; semantic truthiness — where "no", "false", "0" and even "unknown" are false — for
 * `if`, `elif`, `while`, `bool()` and typed assignment to bool.
 */
import { DanaBigRange } from "./big-range.js";
import {
  DanaDict,
  DanaDictView,
  DanaFloat,
  DanaList,
  DanaNativeObject,
  DanaRange,
  DanaSet,
  DanaTuple,
  type Value,
} from "./types.js";

export function isTruthy(value: Value): boolean {
  switch (typeof value) {
    case "boolean":
      return value;
    case "number":
      return value !== 0;
    case "string":
      return value.length > 0;
    case "bigint":
      return value !== 0n;
  }
  if (value === null) return false;
  if (value instanceof DanaFloat) return value.value !== 0; // NaN is truthy, as in Python
  if (value instanceof DanaList || value instanceof DanaTuple) return value.items.length > 0;
  if (value instanceof DanaDict || value instanceof DanaSet) return value.size > 0;
  if (value instanceof DanaRange) return value.length > 0;
  if (value instanceof DanaBigRange) return value.length > 0n;
  if (value instanceof DanaDictView) return value.dict.size > 0;
  if (value instanceof DanaNativeObject) {
    const length = value.length();
    return length === undefined || length > 0;
  }
  return true;
}

const TRUE_WORDS = new Set([
  "true",
  "yes",
  "y",
  "on",
  "enabled",
  "active",
  "yeah",
  "yep",
  "sure",
  "absolutely",
  "of course",
  "certainly",
  "indeed",
  "1",
  "positive",
  "good",
  "ok",
  "okay",
  "fine",
  "correct",
  "right",
]);
const FALSE_WORDS = new Set([
  "false",
  "no",
  "n",
  "off",
  "disabled",
  "inactive",
  "nah",
  "nope",
  "never",
  "definitely not",
  "no way",
  "not really",
  "hardly",
  "0",
  "0.0",
  "0.00",
  "zero",
  "none",
  "null",
  "empty",
  "blank",
]);
const POSITIVE_PARTS = ["yes", "sure", "ok", "fine", "good"];
const NEGATIVE_PARTS = ["no", "nope", "never", "bad", "wrong"];
const ENTHUSIASTIC_PARTS = ["great", "awesome", "perfect", "excellent", "wonderful"];
const DISMAYED_PARTS = ["terrible", "awful", "horrible"];
const FALSE_SPELLINGS = new Set([
  "0",
  "0.0",
  "0.00",
  "0.000",
  "-0",
  "false",
  "f",
  "no",
  "n",
  "off",
  "null",
  "none",
  "nil",
  "empty",
  "blank",
]);
const FLOAT_SYNTAX = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?|inf|infinity|nan)$/;

/** Appendix A, exactly: the vocabulary, then the substring rules, then the number rule. */
export function isSemanticallyTruthy(value: Value): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value !== "string") return isTruthy(value);
  return isSemanticallyTrueText(value);
}

function isSemanticallyTrueText(value: string): boolean {
  const text = value.trim().toLowerCase();
  if (TRUE_WORDS.has(text)) return true;
  if (FALSE_WORDS.has(text)) return false;
  if (containsAny(text, POSITIVE_PARTS)) return true;
  if (containsAny(text, NEGATIVE_PARTS)) return false;
  if (containsAny(text, ENTHUSIASTIC_PARTS)) return true;
  if (containsAny(text, DISMAYED_PARTS)) return false;
  if (FALSE_SPELLINGS.has(text)) return false;
  if (FLOAT_SYNTAX.test(text) && Number.parseFloat(text.replace(/^\+/, "")) > 0) return true;
  return text !== "";
}

function containsAny(text: string, parts: readonly string[]): boolean {
  for (const part of parts) if (text.includes(part)) return true;
  return false;
}
