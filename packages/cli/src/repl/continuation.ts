import { lex } from "@dana-gateway/lang";

const openers = new Set(["(", "[", "{"]);
const closers = new Set([")", "]", "}"]);

/**
 * Decides whether the lines typed so far form a complete input, the way Python's REPL does:
 * an open bracket or an unterminated triple-quoted string asks for more; a block header
 * (`if x:`, `def f():`) asks for more until an empty line ends the block.
 */
export function needsMoreInput(lines: readonly string[]): boolean {
  const last = lines[lines.length - 1] ?? "";
  const text = lines.join("\n");
  const { tokens } = lex(`${text}\n`);
  let depth = 0;
  let lastSignificant: string | undefined;
  let sawBlockHeader = false;
  for (const token of tokens) {
    if (token.kind === "string" && token.unterminated && (token.quote?.length ?? 0) === 3) return true;
    if (openers.has(token.kind)) depth++;
    else if (closers.has(token.kind)) depth = Math.max(0, depth - 1);
    if (token.kind === "newline" && depth === 0 && lastSignificant === ":") sawBlockHeader = true;
    if (!["newline", "indent", "dedent", "end"].includes(token.kind)) lastSignificant = token.kind;
  }
  if (depth > 0) return true;
  if (!sawBlockHeader) return false;
  // Inside a block, only an empty line ends the input.
  return last.trim() !== "" || lines.length === 1;
}
