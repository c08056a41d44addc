/**
 * Errors raised while running Dana code.
 *
 * `DanaException` is the one thing the evaluator throws: a Dana error with its
 * Dana class name (`ZeroDivisionError`, `KeyError`, …), message, the position
 * that raised it and the Dana traceback collected while it unwinds. Anything
 * else escaping the evaluator is a bug in this package. The gateway
 * (`@dana-gateway/core`) turns these into its public error classes.
 */
import type { Span } from "./source.js";

/** One frame of a Dana traceback, innermost last (as Python prints them). */
export interface TraceFrame {
  readonly file: string;
  /** Function name, or "<module>" for top-level code. */
  readonly function: string;
  readonly line: number;
  readonly column: number;
  /** The source line, trimmed, when known. */
  readonly sourceLine: string | null;
  /** Where the failing expression ends on that line (exclusive, 1-based), when it ends on the same line. */
  readonly endColumn?: number;
  /** How many leading whitespace characters were trimmed from `sourceLine` (to place a caret under it). */
  readonly indent?: number;
}

export interface DanaErrorLocation {
  readonly file: string;
  readonly span: Span;
}

export class DanaException extends Error {
  override readonly name = "DanaException";
  /** Dana class name, matched by `except Name:` and shown as `e.type`. */
  readonly danaType: string;
  /** Where the error was raised (innermost position), when known. */
  location: DanaErrorLocation | null;
  /** Innermost last. Filled as the error unwinds through Dana calls. */
  readonly traceback: TraceFrame[] = [];
  /** Limit errors cannot be caught by Dana `except` clauses, and skip `finally` blocks. */
  readonly catchable: boolean;

  constructor(
    danaType: string,
    message: string,
    options: { location?: DanaErrorLocation | null; catchable?: boolean; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.danaType = danaType;
    this.location = options.location ?? null;
    this.catchable = options.catchable ?? true;
  }
}

export type LimitKind = "steps" | "timeout" | "memory" | "output" | "cancelled";

/**
 * A resource budget ran out (step budget, deadline, memory budget, output
 * budget). Dana code cannot catch it: a hostile `while True: try: … except: pass`
 * must not outlive its limits.
 */
export class DanaLimitError extends DanaException {
  readonly limit: LimitKind;
  constructor(limit: LimitKind, danaType: string, message: string, location: DanaErrorLocation | null = null) {
    super(danaType, message, { location, catchable: false });
    this.limit = limit;
  }
}

/** Parse errors collected for a whole file (every diagnostic, not just the first). */
export class DanaSyntaxException extends Error {
  override readonly name = "DanaSyntaxException";
  constructor(readonly diagnostics: readonly import("./source.js").Diagnostic[]) {
    super(diagnostics.map((d) => `${d.file}:${d.span.line}:${d.span.column}: ${d.type}: ${d.message}`).join("\n"));
  }
}
