import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DanaException, DanaSyntaxException, Interpreter, type Value } from "../../src/index.js";

/** A small grammar of Dana programs over the variables a, b, c. */
const variable = fc.constantFrom("a", "b", "c");

const expression: fc.Arbitrary<string> = fc.letrec((tie) => ({
  expression: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.integer({ min: -20, max: 20 }).map(String),
    fc.constantFrom("9007199254740993", "0", "2.5", "True", "None", "'s'"),
    variable,
    fc
      .tuple(tie("expression"), fc.constantFrom("+", "-", "*", "//", "%", "/"), tie("expression"))
      .map(([left, operator, right]) => `(${left} ${operator} ${right})`),
    fc
      .tuple(tie("expression"), fc.constantFrom("<", "==", "!=", ">="), tie("expression"))
      .map(([left, operator, right]) => `(${left} ${operator} ${right})`),
    fc
      .tuple(tie("expression"), fc.constantFrom("and", "or"), tie("expression"))
      .map(([left, operator, right]) => `(${left} ${operator} ${right})`),
    tie("expression").map((inner) => `ident(${inner})`),
    tie("expression").map((inner) => `[${inner}, 1][0]`),
    tie("expression").map((inner) => `str(${inner})`),
    tie("expression").map((inner) => `f"<{${inner}}>"`),
  ),
})).expression;

const statement: fc.Arbitrary<string[]> = fc.letrec((untypedTie) => {
  const tie = (name: string) => untypedTie(name) as fc.Arbitrary<string[]>;
  return {
    statement: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.tuple(variable, expression).map(([name, value]) => [`${name} = ${value}`]),
      fc.tuple(variable, expression).map(([name, value]) => [`${name} += ${value}`]),
      expression.map((value) => [`print(${value})`]),
      fc
        .tuple(expression, tie("block"), tie("block"))
        .map(([test, body, orelse]) => [`if ${test}:`, ...body, "else:", ...orelse]),
      fc
        .tuple(fc.integer({ min: 0, max: 4 }), tie("block"))
        .map(([count, body]) => [`for i in range(${count}):`, ...body]),
      tie("block").map((body) => ["try:", ...body, "except ZeroDivisionError as e:", '    print("zero")']),
    ),
    block: fc
      .array(tie("statement"), { minLength: 1, maxLength: 3 })
      .map((statements) => statements.flat().map((line) => `    ${line}`)),
  };
}).statement as fc.Arbitrary<string[]>;

const program = fc
  .array(statement, { minLength: 1, maxLength: 6 })
  .map((statements) => ["a = 1", "b = 2", "c = 3", ...statements.flat(), "print(a, b, c)"].join("\n") + "\n");

type Outcome = { stdout: string; value?: string; error?: string };

async function outcomeOf(source: string, asynchronousIdent: boolean): Promise<Outcome> {
  let stdout = "";
  const functions = new Map<string, (positional: readonly Value[]) => Value | Promise<Value>>();
  if (asynchronousIdent) functions.set("ident", (positional) => Promise.resolve(positional[0] ?? null));
  const interpreter = new Interpreter({
    host: { writeStdout: (text) => (stdout += text), functions },
    limits: { maxSteps: 100_000 },
  });
  const prelude = asynchronousIdent ? "" : "def ident(x):\n    return x\n";
  try {
    await interpreter.evaluate(prelude + source);
    return { stdout };
  } catch (error) {
    if (error instanceof DanaException) return { stdout, error: error.danaType };
    throw error;
  }
}

describe("properties", () => {
  it("the synchronous path and the generator path produce identical results", async () => {
    await fc.assert(
      fc.asyncProperty(program, async (source) => {
        const synchronous = await outcomeOf(source, false);
        const suspending = await outcomeOf(source, true);
        expect(suspending).toEqual(synchronous);
      }),
      { numRuns: 150 },
    );
  });

  it("no host exception escapes the evaluator (random programs and token soups)", async () => {
    const tokens = fc.constantFrom(
      "x",
      "=",
      "(",
      ")",
      "[",
      "]",
      "{",
      "}",
      ":",
      "::",
      ",",
      ".",
      "+",
      "-",
      "*",
      "/",
      "//",
      "**",
      "%",
      "<",
      "==",
      "not",
      "and",
      "or",
      "if",
      "else",
      "while",
      "for",
      "in",
      "def",
      "return",
      "struct",
      "lambda",
      "try",
      "except",
      "raise",
      "1",
      "0",
      "2.5",
      '"s"',
      "None",
      "True",
      "$$",
      "|",
      "\n",
      "    ",
      "print",
      "len",
      "private:x",
      "f()",
      "import",
      "from",
      "reason",
      "@",
      "assert",
      "[]",
      "{}",
      "__proto__",
      "constructor",
    );
    const soup = fc.array(tokens, { maxLength: 30 }).map((parts) => parts.join(" "));
    await fc.assert(
      fc.asyncProperty(fc.oneof(program, soup, fc.string()), async (source) => {
        const interpreter = new Interpreter({ host: { writeStdout: () => undefined }, limits: { maxSteps: 50_000 } });
        try {
          await interpreter.evaluate(source);
        } catch (error) {
          const allowed = error instanceof DanaException || error instanceof DanaSyntaxException;
          expect(allowed, String(error)).toBe(true);
          if (error instanceof DanaException) expect(error.danaType).not.toBe("InternalError");
        }
      }),
      { numRuns: 300 },
    );
  });

  it("no host exception escapes on mutated golden programs (lines dropped, duplicated or swapped)", async () => {
    const corpus = goldenPrograms();
    expect(corpus.length).toBeGreaterThan(50);
    const mutation = fc.record({
      program: fc.integer({ min: 0, max: corpus.length - 1 }),
      edits: fc.array(fc.tuple(fc.constantFrom("drop", "duplicate", "swap"), fc.nat(), fc.nat()), { maxLength: 4 }),
    });
    await fc.assert(
      fc.asyncProperty(mutation, async ({ program, edits }) => {
        const lines = corpus[program]!.split("\n");
        for (const [edit, first, second] of edits) {
          const at = first % lines.length;
          if (edit === "drop") lines.splice(at, 1);
          else if (edit === "duplicate") lines.splice(at, 0, lines[at] ?? "");
          else {
            const other = second % lines.length;
            [lines[at], lines[other]] = [lines[other] ?? "", lines[at] ?? ""];
          }
        }
        const interpreter = new Interpreter({
          host: { writeStdout: () => undefined, reason: () => "42" },
          limits: { maxSteps: 20_000, timeoutMs: 2_000 },
        });
        try {
          await interpreter.evaluate(lines.join("\n"));
        } catch (error) {
          const allowed = error instanceof DanaException || error instanceof DanaSyntaxException;
          expect(allowed, String(error)).toBe(true);
          if (error instanceof DanaException) expect(error.danaType, error.message).not.toBe("InternalError");
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** Every golden case program (test/cases/**\/*.na). */
function goldenPrograms(): string[] {
  const root = join(import.meta.dirname, "..", "cases");
  const found: string[] = [];
  const visit = (directory: string): void => {
    for (const entry of readdirSync(directory)) {
      const path = join(directory, entry);
      if (statSync(path).isDirectory()) visit(path);
      else if (entry.endsWith(".na")) found.push(readFileSync(path, "utf8"));
    }
  };
  visit(root);
  return found;
}
