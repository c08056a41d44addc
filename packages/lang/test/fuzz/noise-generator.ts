/**
 * Inputs that are mostly not Dana: random bytes (decoded the way a file read would decode them), random
 * Unicode, and soups of real tokens in random order — the shapes that reach the lexer's and parser's error paths
 * and their recovery.
 */
import fc from "fast-check";
import { programSource } from "./program-generator.js";

const decoder = new TextDecoder("utf-8", { fatal: false });

export const randomBytesSource: fc.Arbitrary<string> = fc
  .uint8Array({ maxLength: 200 })
  .map((bytes) => decoder.decode(bytes));

export const randomUnicodeSource: fc.Arbitrary<string> = fc.string({ unit: "binary", maxLength: 200 });

const token = fc.constantFrom(
  "def",
  "struct",
  "if",
  "elif",
  "else",
  "while",
  "for",
  "in",
  "try",
  "except",
  "finally",
  "raise",
  "return",
  "import",
  "from",
  "lambda",
  "agent",
  "resource",
  "workflow",
  "with",
  "as",
  "and",
  "or",
  "not",
  "x",
  "y",
  "f",
  "__proto__",
  "constructor",
  "1",
  "2.5",
  "10**9",
  '"s"',
  "'s'",
  '"""',
  "'''",
  'f"{',
  "}",
  "{",
  "(",
  ")",
  "[",
  "]",
  ":",
  ",",
  ".",
  "..",
  "=",
  "==",
  "+",
  "*",
  "**",
  "|",
  "->",
  "$$",
  "#",
  " ; ",
  "\\",
  "\t",
  "\n",
  "\n    ",
  "\n        ",
  "\r",
  "\u0000",
  "\ud800",
);

export const tokenSoupSource: fc.Arbitrary<string> = fc
  .array(token, { maxLength: 60 })
  .map((tokens) => tokens.join(" "));

/** A valid program with a random slice cut out or a random character inserted: near-miss syntax. */
export const mutatedProgramSource: fc.Arbitrary<string> = fc
  .tuple(programSource, fc.nat(), fc.nat({ max: 8 }), fc.string({ maxLength: 3 }))
  .map(([program, position, removed, inserted]) => {
    const at = position % (program.length + 1);
    return program.slice(0, at) + inserted + program.slice(at + removed);
  });
