import { type DanaException, type Diagnostic, formatTraceback, type TraceFrame } from "@dana-gateway/lang";
import { codeFrame } from "./code-frame.js";
import type { Painter } from "./style.js";

/** `FILE:LINE:COL: Type: message` — the first line of every report, the format editors link. */
export function diagnosticHeader(diagnostic: Diagnostic): string {
  return `${diagnostic.file}:${diagnostic.span.line}:${diagnostic.span.column}: ${diagnostic.type}: ${diagnostic.message}`;
}

export function formatDiagnostic(diagnostic: Diagnostic, source: string | undefined, paint: Painter): string {
  const colour = diagnostic.severity === "error" ? "red" : "yellow";
  const header = paint(["bold", colour], diagnosticHeader(diagnostic));
  return source === undefined ? header : `${header}\n${codeFrame(source, diagnostic.span, paint)}`;
}

/** Reads a file's source for code frames; undefined when it cannot be read. */
export type SourceLookup = (file: string) => string | undefined;

/** An uncaught Dana error: header line first (what tools parse), then the code frame and the Dana traceback. */
export function formatRuntimeError(error: DanaException, lookup: SourceLookup, paint: Painter): string {
  const location = error.location;
  const where = location ? `${location.file}:${location.span.line}:${location.span.column}: ` : "";
  const parts = [paint(["bold", "red"], `${where}${error.danaType}: ${error.message}`)];
  const source = location ? lookup(location.file) : undefined;
  if (location && source !== undefined) parts.push(codeFrame(source, location.span, paint));
  const traceback = formatTraceback(error.traceback);
  if (traceback) parts.push(traceback);
  return parts.join("\n");
}

export interface JsonReport {
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly error?: {
    readonly type: string;
    readonly message: string;
    readonly file: string | null;
    readonly line: number | null;
    readonly column: number | null;
    readonly traceback: readonly TraceFrame[];
  };
}

export function errorToJson(error: DanaException): NonNullable<JsonReport["error"]> {
  return {
    type: error.danaType,
    message: error.message,
    file: error.location?.file ?? null,
    line: error.location?.span.line ?? null,
    column: error.location?.span.column ?? null,
    traceback: error.traceback,
  };
}
