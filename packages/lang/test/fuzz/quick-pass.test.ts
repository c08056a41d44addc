/**
 * The quick fuzz pass CI runs: a few hundred inputs of each shape through lex/parse/check/evaluate under small
 * limits. The long campaign (`npm run fuzz -- --runs N`) runs the same property for millions.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "../../src/index.js";
import { fuzzInput } from "./fuzz-input.js";
import { mutatedProgramSource, randomBytesSource, randomUnicodeSource, tokenSoupSource } from "./noise-generator.js";
import { runFuzzInput } from "./outcome.js";
import { programSource, recursionSource } from "./program-generator.js";
import { loadRegressions } from "./regressions.js";

const endsInValueOrDanaError = (input: string) => {
  expect(["value", "dana-error", "syntax-error"]).toContain(runFuzzInput(input).kind);
};

// Generous per-test timeouts: these are CPU-bound and CI machines are shared; a real hang shows up per input.
describe("fuzz: only a value or a Dana error, never a host exception or a hang", { timeout: 120_000 }, () => {
  it("grammar-generated programs", () => {
    fc.assert(fc.property(programSource, endsInValueOrDanaError), { numRuns: 200 });
  });

  it("programs with a slice cut out or characters inserted", () => {
    fc.assert(fc.property(mutatedProgramSource, endsInValueOrDanaError), { numRuns: 150 });
  });

  it("token soups", () => {
    fc.assert(fc.property(tokenSoupSource, endsInValueOrDanaError), { numRuns: 150 });
  });

  it("random bytes and random Unicode (lone surrogates, NUL)", () => {
    fc.assert(fc.property(fc.oneof(randomBytesSource, randomUnicodeSource), endsInValueOrDanaError), { numRuns: 200 });
  });

  it("recursion through calls, comprehensions, lambdas, handlers, key functions and f-strings", () => {
    fc.assert(fc.property(recursionSource, endsInValueOrDanaError), { numRuns: 12 });
  });

  it("the campaign's mix", () => {
    fc.assert(fc.property(fuzzInput, endsInValueOrDanaError), { numRuns: 150 });
  });
});

describe("fuzz: the generator is worth running", { timeout: 120_000 }, () => {
  // A generator whose programs mostly fail to parse would only ever test the parser's error path.
  it("produces programs that parse cleanly nearly every time", () => {
    const samples = fc.sample(programSource, { numRuns: 200, seed: 20_261_121 });
    const clean = samples.filter((source) => parse(source).diagnostics.every((d) => d.type !== "SyntaxError"));
    expect(clean.length / samples.length).toBeGreaterThan(0.9);
  });

  it("reaches the evaluator's limits and error paths, not just one outcome", () => {
    const samples = fc.sample(fc.oneof(programSource, recursionSource), { numRuns: 150, seed: 7 });
    const kinds = new Set(
      samples.map((input) => {
        const outcome = runFuzzInput(input);
        return outcome.kind === "dana-error" ? outcome.danaType : outcome.kind;
      }),
    );
    for (const expected of ["value", "TypeError", "AttributeError", "RecursionError"])
      expect(kinds).toContain(expected);
  });
});

describe("fuzz: regression cases saved by campaigns", () => {
  const regressions = loadRegressions();
  it.each(regressions.length === 0 ? [{ name: "(none saved)", input: "pass\n" }] : regressions)("$name", ({ input }) =>
    endsInValueOrDanaError(input),
  );
});
