/**
 * String literal tokens → StringLiteral / FString nodes.
 *
 * F-string placeholders `{…}` are lexed and parsed with the full expression
 * grammar, positioned at their real line:column in the file. Following the
 * reference (a kept DIFF), a placeholder that is not an expression — notably
 * a format spec such as `{x:.2f}` — is kept as the literal text `x:.2f`; the
 * linter warns about it. Unlike the reference (QUIRK not copied), `{{` and
 * `}}` are a literal `{` and `}` as in Python.
 */
import type { Expression, FString, StringLiteral } from "./ast.js";
import { DiagnosticBag } from "./diagnostics.js";
import { tokenize } from "./lexer.js";
import { parseExpression } from "./parse-expressions.js";
import { ParseAbort, Parser } from "./parser.js";
import type { Token } from "./tokens.js";

export function parseStringToken(parser: Parser, token: Token): StringLiteral | FString {
  const body = typeof token.value === "string" ? token.value : "";
  if (token.prefix !== "f") return { kind: "StringLiteral", value: body, span: token.span };
  const bodyStart = token.bodyStart ?? { offset: token.span.offset, line: token.span.line, column: token.span.column };
  const parts: (string | Expression)[] = [];
  let text = "";
  const flushText = (): void => {
    if (text !== "") parts.push(text);
    text = "";
  };
  let index = 0;
  while (index < body.length) {
    const character = body[index];
    if (character === "{" && body[index + 1] === "{") {
      text += "{";
      index += 2;
    } else if (character === "}" && body[index + 1] === "}") {
      text += "}";
      index += 2;
    } else if (character === "{") {
      const close = findPlaceholderEnd(body, index + 1);
      if (close < 0) {
        text += body.slice(index);
        break;
      }
      const inner = body.slice(index + 1, close);
      const expression = parsePlaceholder(parser, body, bodyStart, index + 1, close);
      if (expression === null) {
        text += inner;
        reportLiteralPlaceholder(parser, token, inner, positionIn(body, bodyStart, index), close + 1 - index);
      } else {
        flushText();
        parts.push(expression);
      }
      index = close + 1;
    } else {
      text += character;
      index += 1;
    }
  }
  flushText();
  return { kind: "FString", parts, span: token.span };
}

/** Index of the `}` closing a placeholder that starts at `from`, skipping nested brackets and strings; -1 if none. */
function findPlaceholderEnd(body: string, from: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let index = from; index < body.length; index += 1) {
    const character = body[index];
    if (quote !== null) {
      if (character === "\\") index += 1;
      else if (character === quote) quote = null;
    } else if (character === '"' || character === "'") {
      quote = character;
    } else if (character === "(" || character === "[" || character === "{") {
      depth += 1;
    } else if (character === ")" || character === "]") {
      depth -= 1;
    } else if (character === "}") {
      if (depth === 0) return index;
      depth -= 1;
    }
  }
  return -1;
}

interface BodyStart {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** Line and column of `body[index]` in the file (triple-quoted f-strings can span lines). */
function positionIn(body: string, start: BodyStart, index: number): BodyStart {
  let line = start.line;
  let column = start.column;
  for (let cursor = 0; cursor < index; cursor += 1) {
    const character = body[cursor];
    if (character === "\n" || (character === "\r" && body[cursor + 1] !== "\n")) {
      line += 1;
      column = 1;
    } else {
      column += 1;
    }
  }
  return { offset: start.offset + index, line, column };
}

function parsePlaceholder(
  parser: Parser,
  body: string,
  bodyStart: BodyStart,
  from: number,
  to: number,
): Expression | null {
  if (body.slice(from, to).trim() === "") return null;
  const start = positionIn(body, bodyStart, from);
  // Errors inside a placeholder are not syntax errors in Dana: the text is printed literally instead.
  const scratch = new DiagnosticBag(parser.diagnostics.file);
  const tokens = tokenize(parser.source, scratch, {
    start: start.offset,
    end: bodyStart.offset + to,
    line: start.line,
    column: start.column,
    expressionMode: true,
  });
  if (scratch.items.length > 0) return null;
  const inner = new Parser(tokens, scratch, parser.source);
  try {
    const expression = parseExpression(inner);
    if (!inner.check("end") || scratch.items.length > 0) return null;
    parser.notes.push(...inner.notes);
    return expression;
  } catch (error) {
    if (error instanceof ParseAbort) return null;
    throw error;
  }
}

function reportLiteralPlaceholder(parser: Parser, token: Token, inner: string, start: BodyStart, length: number): void {
  const message = inner.includes(":")
    ? `f-strings in Dana have no format specs: '{${inner}}' is printed as the literal text '${inner}'`
    : `'{${inner}}' in an f-string is not a valid expression and is printed as the literal text '${inner}'`;
  const sameLine = !inner.includes("\n");
  parser.notes.push({
    code: "fstring-literal-placeholder",
    message,
    span: {
      line: start.line,
      column: start.column,
      endLine: sameLine ? start.line : token.span.endLine,
      endColumn: sameLine ? start.column + length : token.span.endColumn,
      offset: start.offset,
      endOffset: start.offset + length,
    },
  });
}
