/**
 * Source positions and diagnostics, shared by every stage of the language.
 * Lines and columns are 1-based, as editors and `file:line:column` show them;
 * offsets are 0-based UTF-16 indices into the source text.
 */
export interface Span {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly offset: number;
  readonly endOffset: number;
}

export type Severity = "error" | "warning";

export interface Diagnostic {
  readonly severity: Severity;
  /** Stable machine-readable code, e.g. "unexpected-token", "undefined-name", "unreachable-code". */
  readonly code: string;
  /** Dana error type shown to users: "SyntaxError" for parse errors, "Warning" for lint. */
  readonly type: string;
  readonly message: string;
  readonly file: string;
  readonly span: Span;
}

export const emptySpan: Span = { line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 };
