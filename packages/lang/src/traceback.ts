/**
 * Python-style tracebacks with a caret under the failing expression, shared by every place that shows a Dana
 * error (the CLI, the gateway's error `stack`, the REPL):
 *
 *   Traceback (most recent call last):
 *     File "main.na", line 8, column 1, in <module>
 *       report(3)
 *       ^^^^^^^^^
 *     File "main.na", line 2, column 12, in ratio
 *       return a / b
 *              ^^^^^
 */
import type { TraceFrame } from "./errors.js";

export function formatTraceback(frames: readonly TraceFrame[]): string {
  if (frames.length === 0) return "";
  const lines = ["Traceback (most recent call last):"];
  for (const frame of frames) {
    lines.push(`  File "${frame.file}", line ${frame.line}, column ${frame.column}, in ${frame.function}`);
    if (!frame.sourceLine) continue;
    lines.push(`    ${frame.sourceLine}`);
    const caret = caretLine(frame);
    if (caret) lines.push(`    ${caret}`);
  }
  return lines.join("\n");
}

/** Spaces up to the failing column, then `^` under the failing expression (to the end of the line if it wraps). */
function caretLine(frame: TraceFrame): string | null {
  if (frame.indent === undefined || !frame.sourceLine) return null;
  const start = frame.column - 1 - frame.indent;
  if (start < 0 || start >= frame.sourceLine.length) return null;
  const end =
    frame.endColumn !== undefined
      ? Math.min(frame.endColumn - 1 - frame.indent, frame.sourceLine.length)
      : frame.sourceLine.length;
  return `${" ".repeat(start)}${"^".repeat(Math.max(1, end - start))}`;
}
