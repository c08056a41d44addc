/**
 * The mix of inputs both the quick pass and the long campaign draw from. Weights favour programs that reach the
 * evaluator; the noise keeps the lexer's and parser's error paths honest.
 */
import fc from "fast-check";
import { mutatedProgramSource, randomBytesSource, randomUnicodeSource, tokenSoupSource } from "./noise-generator.js";
import { programSource, recursionSource } from "./program-generator.js";

export const fuzzInput: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: programSource, weight: 8 },
  { arbitrary: mutatedProgramSource, weight: 3 },
  { arbitrary: tokenSoupSource, weight: 3 },
  { arbitrary: randomBytesSource, weight: 2 },
  { arbitrary: randomUnicodeSource, weight: 2 },
  { arbitrary: recursionSource, weight: 1 },
);
