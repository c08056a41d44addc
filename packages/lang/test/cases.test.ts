/**
 * The golden case suite: every `.na` program under test/cases (except helper modules in `lib/` folders) is run
 * and its stdout and outcome compared with the `# expect…` comments it carries. Format: test/cases/README.md.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { DanaException, DanaSyntaxException, type Diagnostic, Interpreter, parse } from "../src/index.js";
import { type CaseExpectations, type ExpectedSyntaxError, readExpectations } from "./cases/support/expectations.js";
import { caseHostFunctions } from "./cases/support/host-functions.js";
import { mockReason } from "./cases/support/mock-reason.js";
import { createCaseModuleResolver } from "./cases/support/module-host.js";

const casesFolder = join(import.meta.dirname, "cases");
/** Guards against a suite that silently finds nothing (a moved folder, a broken glob). */
const minimumCaseCount = 300;
/** A runaway program must fail its own case, not hang the suite. */
const defaultCaseLimits = { timeoutMs: 5_000 };
/**
 * Wall-clock slack over a case's `timeoutMs` (scheduling noise on a shared machine, host waits in the
 * host-function cases): an evaluation that overruns its budget by more means the interpreter stopped
 * checking its deadline somewhere (a builtin looping over a huge value, for example).
 */
const deadlineGraceMs = 2_000;

function findCases(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "lib") found.push(...findCases(path));
    } else if (entry.name.endsWith(".na")) {
      found.push(path);
    }
  }
  return found.sort();
}

/** Stdout as lines; the newline that ends the last `print` does not start another line. */
function outputLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

function describeDiagnostic(diagnostic: Diagnostic): string {
  return `${diagnostic.span.line}:${diagnostic.span.column} ${diagnostic.type}: ${diagnostic.message}`;
}

function matchesSyntaxError(diagnostic: Diagnostic, expected: ExpectedSyntaxError): boolean {
  return (
    diagnostic.severity === "error" &&
    diagnostic.type === "SyntaxError" &&
    (expected.messageSubstring === null || diagnostic.message.includes(expected.messageSubstring)) &&
    (expected.line === null || diagnostic.span.line === expected.line) &&
    (expected.column === null || diagnostic.span.column === expected.column)
  );
}

function checkSyntaxErrors(source: string, file: string, expectations: CaseExpectations): void {
  const { diagnostics } = parse(source, { file });
  const unmatched = [...diagnostics];
  const missing: ExpectedSyntaxError[] = [];
  for (const expected of expectations.syntaxErrors) {
    const index = unmatched.findIndex((diagnostic) => matchesSyntaxError(diagnostic, expected));
    if (index === -1) missing.push(expected);
    else unmatched.splice(index, 1);
  }
  expect(
    missing,
    `syntax errors not reported; the parser reported:\n${diagnostics.map(describeDiagnostic).join("\n")}`,
  ).toEqual([]);
}

/** The line an error points at: its own location, else the innermost traceback frame. */
function errorLine(error: DanaException): number | null {
  return error.location?.span.line ?? error.traceback.at(-1)?.line ?? null;
}

async function runCase(source: string, file: string, expectations: CaseExpectations): Promise<void> {
  let stdout = "";
  const interpreter = new Interpreter({
    host: {
      writeStdout: (text: string) => {
        stdout += text;
      },
      resolveModule: createCaseModuleResolver(file, expectations.asyncModules),
      // Asynchronous like a real LLM call, so every reason() case also checks that the program suspends.
      reason: async (request) => mockReason(request),
      functions: caseHostFunctions,
    },
    limits: { ...defaultCaseLimits, ...expectations.limits },
  });
  let failure: unknown = null;
  const started = performance.now();
  try {
    await interpreter.evaluate(source, { file });
  } catch (error) {
    failure = error;
  }
  const elapsedMs = performance.now() - started;

  if (failure instanceof DanaSyntaxException) {
    expect.fail(`unexpected syntax errors:\n${failure.diagnostics.map(describeDiagnostic).join("\n")}`);
  }
  if (failure !== null && !(failure instanceof DanaException)) throw failure; // a bug in the evaluator itself

  const expectedError = expectations.error;
  const actualError = failure as DanaException | null;
  const errorText = actualError
    ? `${actualError.danaType}: ${actualError.message} @ line ${errorLine(actualError)}`
    : "(no error)";
  expect(outputLines(stdout), `stdout differs; the program ended with ${errorText}`).toEqual(expectations.stdout);

  const timeoutMs = expectations.limits.timeoutMs ?? defaultCaseLimits.timeoutMs;
  expect(elapsedMs, `the evaluation overran its timeoutMs of ${timeoutMs}`).toBeLessThan(timeoutMs + deadlineGraceMs);

  if (expectedError === null) {
    expect(errorText, "the program should end without an error").toBe("(no error)");
    return;
  }
  expect(actualError, `expected ${expectedError.type}, but the program ended without an error`).not.toBeNull();
  const error = actualError as DanaException;
  expect(error.danaType, `error type; the program ended with ${errorText}`).toBe(expectedError.type);
  if (expectedError.messageSubstring !== null) {
    expect(error.message, "error message").toContain(expectedError.messageSubstring);
  }
  if (expectedError.line !== null) expect(errorLine(error), "error line").toBe(expectedError.line);
}

const casePaths = findCases(casesFolder);

describe("golden cases", () => {
  it(`finds at least ${minimumCaseCount} cases`, () => {
    expect(casePaths.length).toBeGreaterThanOrEqual(minimumCaseCount);
  });

  for (const path of casePaths) {
    const name = relative(casesFolder, path);
    const source = readFileSync(path, "utf8");
    const expectations = readExpectations(source, name);
    const test = expectations.skipReason === null ? it : it.skip;
    test(name, async () => {
      if (expectations.syntaxErrors.length > 0) checkSyntaxErrors(source, path, expectations);
      else await runCase(source, path, expectations);
    });
  }
});
