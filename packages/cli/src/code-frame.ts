import type { Span } from "@dana-gateway/lang";
import type { Painter } from "./style.js";

/**
 * A code frame: the offending line with its neighbours and a caret under the span, as
 * Babel and TypeScript print them.
 *
 *    2 | def area(w, h):
 *  > 3 |     return w / h
 *      |            ^^^^^
 */
export function codeFrame(source: string, span: Span, paint: Painter, context = 1): string {
  const lines = source.split(/\r\n|\r|\n/);
  const first = Math.max(1, span.line - context);
  const last = Math.min(lines.length, span.line + context);
  const width = String(last).length;
  const output: string[] = [];
  for (let number = first; number <= last; number++) {
    const text = (lines[number - 1] ?? "").replace(/\t/g, " ");
    const marker = number === span.line ? paint("red", ">") : " ";
    output.push(`${marker} ${paint("gray", String(number).padStart(width))} | ${text}`);
    if (number === span.line) {
      const caretCount =
        span.endLine === span.line
          ? Math.max(1, span.endColumn - span.column)
          : Math.max(1, text.length - span.column + 1);
      const pad = " ".repeat(Math.max(0, span.column - 1));
      output.push(`  ${" ".repeat(width)} | ${pad}${paint("red", "^".repeat(caretCount))}`);
    }
  }
  return output.join("\n");
}
