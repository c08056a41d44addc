/**
 * The one rule every fuzz input is held to: lexing, parsing, checking and evaluating it ends in a value, a
 * `DanaException` (limits included) or a `DanaSyntaxException` — never a host exception, never a hang past the
 * budget, never a polluted host prototype. Shared by the quick pass (vitest) and the long campaign (tsx), so
 * this file imports nothing from vitest.
 */
import { check, DanaException, type DanaHost, DanaSyntaxException, Interpreter, type Limits } from "../../src/index.js";

/** Small budgets, so that a million inputs finish in a campaign and a hostile one cannot stall the quick pass. */
export const fuzzLimits: Limits = {
  maxSteps: 10_000,
  timeoutMs: 100,
  maxRecursionDepth: 100,
  maxMemoryBytes: 1024 * 1024,
  maxOutputBytes: 64 * 1024,
  maxIntDigits: 4_300,
};

/**
 * Allowance on top of `timeoutMs` before an input counts as a hang. Measured in CPU time, not wall-clock time: a
 * campaign runs niced on a shared machine and can be descheduled for seconds (the first campaign flagged such a
 * pause as a hang). A real hang (a loop the step counter misses, one huge big-int operation) burns the CPU.
 */
export const hangMarginMs = 2_000;

export type FuzzOutcome =
  | { readonly kind: "value" }
  | { readonly kind: "dana-error"; readonly danaType: string }
  | { readonly kind: "syntax-error" };

export class FuzzFailure extends Error {
  override readonly name = "FuzzFailure";
  constructor(
    message: string,
    readonly input: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Modules a generated `import` can find, so imports exercise the loader instead of always failing. */
const fuzzModules = new Map<string, string>([
  ["helpers", "def twice(x):\n    return x * 2\nlimit = 3\n"],
  ["shapes", "struct Box:\n    width: int = 1\n    label: str = 'box'\n"],
]);

function fuzzHost(): Partial<DanaHost> {
  return {
    writeStdout: () => {},
    resolveModule: (request) => {
      const source = fuzzModules.get(request.name);
      return source === undefined ? null : { file: `/fuzz/${request.name}.na`, source };
    },
    reason: (request) => `echo: ${request.prompt.slice(0, 20)}`,
    functions: new Map([["host_echo", (positional: readonly unknown[]) => (positional[0] ?? null) as never]]),
  };
}

/** Names on the built-in prototypes; any change after an input means the input polluted the host. */
const watchedPrototypes: readonly [string, object][] = [
  ["Object.prototype", Object.prototype],
  ["Array.prototype", Array.prototype],
  ["Function.prototype", Function.prototype],
  ["String.prototype", String.prototype],
  ["Number.prototype", Number.prototype],
  ["Map.prototype", Map.prototype],
  ["Set.prototype", Set.prototype],
  ["Error.prototype", Error.prototype],
];

function prototypeFingerprint(): string {
  return watchedPrototypes
    .map(([label, prototype]) => `${label}:${Reflect.ownKeys(prototype).map(String).sort().join(",")}`)
    .join("|");
}

const cleanFingerprint = prototypeFingerprint();

export function assertHostUnpolluted(input: string): void {
  if (prototypeFingerprint() !== cleanFingerprint) {
    throw new FuzzFailure("a host prototype gained or lost a property", input);
  }
}

function classifyThrown(error: unknown, input: string): FuzzOutcome {
  if (error instanceof DanaSyntaxException) return { kind: "syntax-error" };
  if (error instanceof DanaException) return { kind: "dana-error", danaType: error.danaType };
  const description = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  throw new FuzzFailure(`host exception escaped: ${description}`, input, { cause: error });
}

/**
 * Runs `input` through every stage. The static stages must not throw at all; the evaluator may only end in a
 * value or a Dana error. Throws `FuzzFailure` otherwise.
 */
export function runFuzzInput(input: string, limits: Limits = fuzzLimits): FuzzOutcome {
  const started = process.cpuUsage();
  let outcome: FuzzOutcome;
  try {
    // check() lexes, parses and lints: one call covers the three static stages.
    check(input, { file: "fuzz.na" });
  } catch (error) {
    const description = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new FuzzFailure(`the lexer, parser or linter threw: ${description}`, input, { cause: error });
  }
  try {
    const interpreter = new Interpreter({ host: fuzzHost(), limits });
    interpreter.evaluateSync(input, { file: "fuzz.na" });
    outcome = { kind: "value" };
  } catch (error) {
    outcome = classifyThrown(error, input);
  }
  const used = process.cpuUsage(started);
  const cpuMs = (used.user + used.system) / 1000;
  if (cpuMs > limits.timeoutMs + hangMarginMs) {
    throw new FuzzFailure(`used ${Math.round(cpuMs)} ms of CPU, past the ${limits.timeoutMs} ms budget`, input);
  }
  assertHostUnpolluted(input);
  return outcome;
}
