/**
 * Diagnostic collection and span helpers shared by the lexer, parser and linter.
 */
import type { Diagnostic, Span } from "../source.js";

export class DiagnosticBag {
  readonly items: Diagnostic[] = [];
  constructor(readonly file: string) {}

  error(code: string, message: string, span: Span): void {
    // One mistake is reported once: a second error at the same position is a cascade.
    if (this.items.some((item) => item.severity === "error" && item.span.offset === span.offset)) return;
    this.items.push({ severity: "error", code, type: "SyntaxError", message, file: this.file, span });
  }

  warning(code: string, message: string, span: Span): void {
    this.items.push({ severity: "warning", code, type: "Warning", message, file: this.file, span });
  }

  get errorCount(): number {
    return this.items.filter((item) => item.severity === "error").length;
  }

  /** Used when the parser backtracks: forget what the abandoned attempt reported. */
  truncate(length: number): void {
    this.items.length = length;
  }
}

/** The span from the start of `first` to the end of `last`. */
export function joinSpans(first: Span, last: Span): Span {
  return {
    line: first.line,
    column: first.column,
    endLine: last.endLine,
    endColumn: last.endColumn,
    offset: first.offset,
    endOffset: last.endOffset,
  };
}

/** "3:9" — how positions appear inside messages. */
export function position(span: Span): string {
  return `${span.line}:${span.column}`;
}

/** Sorts diagnostics by position, errors before warnings at the same place. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) => a.span.offset - b.span.offset || (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1),
  );
}
