import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSemanticallyTruthy, isTruthy } from "../../src/values/truthiness.js";
import { DanaDict, DanaFloat, DanaList, DanaRange, DanaSet, DanaTuple, type Value } from "../../src/values/types.js";

describe("Python truthiness", () => {
  it.each([
    [null, false],
    [false, false],
    [0, false],
    [0n, false],
    [new DanaFloat(0), false],
    [new DanaFloat(-0), false],
    [new DanaFloat(Number.NaN), true],
    ["", false],
    ["no", true],
    ["0", true],
    [new DanaList([]), false],
    [new DanaList([null]), true],
    [new DanaTuple([]), false],
    [new DanaDict(), false],
    [new DanaSet(), false],
    [new DanaRange(0, 0, 1), false],
    [new DanaRange(0, 1, 1), true],
    [2n ** 70n, true],
  ] as [Value, boolean][])("%s → %s", (value, expected) => {
    expect(isTruthy(value)).toBe(expected);
  });
});

// Appendix A, transcribed independently of the implementation as a reference model.
const trueWords =
  "true yes y on enabled active yeah yep sure absolutely certainly indeed 1 positive good ok okay fine correct right".split(
    " ",
  );
const falseWords = "false no n off disabled inactive nah nope never hardly 0 0.0 0.00 zero none null empty blank".split(
  " ",
);
trueWords.push("of course");
falseWords.push("definitely not", "no way", "not really");

function appendixA(value: string): boolean {
  const text = value.trim().toLowerCase();
  if (trueWords.includes(text)) return true;
  if (falseWords.includes(text)) return false;
  const has = (words: string[]) => words.some((word) => text.includes(word));
  if (has(["yes", "sure", "ok", "fine", "good"])) return true;
  if (has(["no", "nope", "never", "bad", "wrong"])) return false;
  if (has(["great", "awesome", "perfect", "excellent", "wonderful"])) return true;
  if (has(["terrible", "awful", "horrible"])) return false;
  if ("0 0.0 0.00 0.000 -0 false f no n off null none nil empty blank".split(" ").includes(text)) return false;
  const number = Number(text);
  if (text !== "" && !Number.isNaN(number) && number > 0) return true;
  return text !== "";
}

describe("semantic truthiness (Appendix A)", () => {
  it.each([
    ["false", false],
    ["no", false],
    ["0", false],
    ["off", false],
    ["unknown", false],
    ["book", true],
    ["-3", true],
    ["  YES  ", true],
    ["Of Course", true],
    ["not really", false],
    ["that is great", true],
    ["awful", false],
    ["nil", false],
    ["f", false],
    ["-0", false],
    ["0.000", false],
    ["", false],
    ["   ", false],
    ["maybe", true],
    ["bad idea", false],
    ["okay then", true],
  ])("%j → %s", (text, expected) => {
    expect(isSemanticallyTruthy(text)).toBe(expected);
    expect(appendixA(text)).toBe(expected);
  });

  it("uses numbers, bools and None directly and Python truthiness for other values", () => {
    expect(isSemanticallyTruthy(null)).toBe(false);
    expect(isSemanticallyTruthy(0)).toBe(false);
    expect(isSemanticallyTruthy(-2)).toBe(true);
    expect(isSemanticallyTruthy(new DanaFloat(0.5))).toBe(true);
    expect(isSemanticallyTruthy(true)).toBe(true);
    expect(isSemanticallyTruthy(new DanaList([]))).toBe(false);
    expect(isSemanticallyTruthy(new DanaList(["no"]))).toBe(true);
  });

  it("agrees with the reference model on every vocabulary word, in any case and padding", () => {
    for (const word of [...trueWords, ...falseWords]) {
      for (const variant of [word, word.toUpperCase(), ` ${word}\t`]) {
        expect(isSemanticallyTruthy(variant)).toBe(appendixA(variant));
      }
    }
  });

  it("agrees with the reference model on random strings", () => {
    const pieces = fc.constantFrom(
      "no",
      "ok",
      "yes",
      "bad",
      "great",
      "awful",
      "0",
      "1",
      "-",
      ".",
      " ",
      "x",
      "e",
      "n",
      "f",
    );
    const text = fc.oneof(
      fc.string(),
      fc.array(pieces, { maxLength: 5 }).map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(text, (value) => {
        expect(isSemanticallyTruthy(value)).toBe(appendixA(value));
      }),
      { numRuns: 5000 },
    );
  });
});
