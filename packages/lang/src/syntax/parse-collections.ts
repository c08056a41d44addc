/**
 * Bracketed atoms: parenthesised expressions and tuples, lists, dicts, sets
 * and the three comprehensions (spec 1.2, T2.3), plus loop targets.
 *
 * Dana specifics: tuples always need parentheses; `{}` is an empty dict; a
 * dict comprehension is written `{(k: v) for k, v in d.items()}`; a
 * comprehension has exactly one `for` and at most one `if`, and its element is
 * an `or_expr` (a conditional element needs parentheses).
 */
import type { ComprehensionClause, Expression, Target } from "./ast.js";
import { parseExpression, parseOr } from "./parse-expressions.js";
import { ParseAbort, type Parser } from "./parser.js";
import type { Token } from "./tokens.js";

export function parseParenthesized(parser: Parser): Expression {
  const open = parser.expect("(");
  if (parser.match(")")) return { kind: "TupleExpression", elements: [], span: parser.spanFrom(open) };
  const first = parseExpression(parser);
  if (parser.check("for")) {
    parser.fail(
      parser.current.span,
      "unsupported-syntax",
      "generator expressions are not supported in Dana; use a list comprehension [x for x in xs]",
    );
  }
  if (!parser.check(",")) {
    parser.expectClosing(")", open);
    return first;
  }
  const elements = [first];
  while (parser.match(",")) {
    if (parser.check(")")) break;
    elements.push(parseExpression(parser));
  }
  parser.expectClosing(")", open);
  return { kind: "TupleExpression", elements, span: parser.spanFrom(open) };
}

export function parseCollection(parser: Parser): Expression {
  return parser.check("[") ? parseList(parser) : parseBraces(parser);
}

function parseList(parser: Parser): Expression {
  const open = parser.expect("[");
  if (parser.match("]")) return { kind: "ListExpression", elements: [], span: parser.spanFrom(open) };
  const first = parseExpression(parser);
  if (parser.check("for")) {
    checkComprehensionElement(parser, first);
    const clause = parseComprehensionClause(parser, open, "]");
    return { kind: "ListComprehension", element: first, clause, span: parser.spanFrom(open) };
  }
  const elements = parseRemainingElements(parser, first, "]");
  parser.expectClosing("]", open);
  return { kind: "ListExpression", elements, span: parser.spanFrom(open) };
}

function parseBraces(parser: Parser): Expression {
  const open = parser.expect("{");
  if (parser.match("}")) return { kind: "DictExpression", entries: [], span: parser.spanFrom(open) };
  if (parser.check("(")) {
    const comprehension = tryDictComprehension(parser, open);
    if (comprehension !== null) return comprehension;
  }
  const first = parseExpression(parser);
  if (parser.match(":")) {
    const firstValue = parseExpression(parser);
    if (parser.check("for")) {
      parser.fail(
        parser.current.span,
        "python-dict-comprehension",
        "a Dana dict comprehension needs parentheses around the pair: {(k: v) for k, v in d.items()}",
      );
    }
    const entries = [{ key: first, value: firstValue }];
    while (parser.match(",")) {
      if (parser.check("}")) break;
      const key = parseExpression(parser);
      parser.expect(":", "':' between a dict key and its value");
      entries.push({ key, value: parseExpression(parser) });
    }
    parser.expectClosing("}", open);
    return { kind: "DictExpression", entries, span: parser.spanFrom(open) };
  }
  if (parser.check("for")) {
    checkComprehensionElement(parser, first);
    const clause = parseComprehensionClause(parser, open, "}");
    return { kind: "SetComprehension", element: first, clause, span: parser.spanFrom(open) };
  }
  const elements = parseRemainingElements(parser, first, "}");
  parser.expectClosing("}", open);
  return { kind: "SetExpression", elements, span: parser.spanFrom(open) };
}

/**
 * `{(k: v) for …}`: a `(` after `{` may also start a tuple element of a set,
 * so this is tried first and abandoned (with its diagnostics) if no `:` follows.
 */
function tryDictComprehension(parser: Parser, open: Token): Expression | null {
  const savedIndex = parser.index;
  const savedDiagnostics = parser.diagnostics.items.length;
  const savedNesting = parser.nesting;
  let committed = false;
  try {
    const pairOpen = parser.advance();
    const key = parseExpression(parser);
    if (!parser.match(":")) throw new ParseAbort();
    committed = true;
    const value = parseExpression(parser);
    parser.expectClosing(")", pairOpen);
    if (!parser.check("for")) {
      parser.fail(
        parser.current.span,
        "unexpected-token",
        "a parenthesised (key: value) pair is only valid in a dict comprehension: {(k: v) for k, v in d.items()}",
      );
    }
    const clause = parseComprehensionClause(parser, open, "}");
    return { kind: "DictComprehension", key, value, clause, span: parser.spanFrom(open) };
  } catch (error) {
    if (!(error instanceof ParseAbort)) throw error;
    if (committed) throw error;
    parser.index = savedIndex;
    parser.nesting = savedNesting;
    parser.diagnostics.truncate(savedDiagnostics);
    return null;
  }
}

function parseRemainingElements(parser: Parser, first: Expression, closing: "]" | "}"): Expression[] {
  const elements = [first];
  while (parser.match(",")) {
    if (parser.check(closing)) break;
    elements.push(parseExpression(parser));
  }
  return elements;
}

/** The element is an `or_expr` in Dana: `[a if c else b for …]` needs parentheses around the conditional. */
function checkComprehensionElement(parser: Parser, element: Expression): void {
  if (element.kind !== "ConditionalExpression" && element.kind !== "LambdaExpression") return;
  const last = parser.previous();
  const parenthesized = last.kind === ")" && element.span.endOffset < last.span.endOffset;
  if (!parenthesized) {
    parser.fail(
      element.span,
      "comprehension-element",
      element.kind === "ConditionalExpression"
        ? "a conditional expression as a comprehension element needs parentheses: [(a if c else b) for x in xs]"
        : "a lambda as a comprehension element needs parentheses: [(lambda :: x) for x in xs]",
    );
  }
}

function parseComprehensionClause(parser: Parser, open: Token, closing: "]" | "}"): ComprehensionClause {
  const start = parser.expect("for");
  const target = parseTargetList(parser);
  parser.expect("in", "'in' after the comprehension variable");
  const iterable = parseOr(parser);
  const condition = parser.match("if") ? parseOr(parser) : null;
  if (parser.check("for")) {
    parser.fail(
      parser.current.span,
      "comprehension-clauses",
      "a Dana comprehension has exactly one 'for' clause; nest comprehensions instead",
    );
  }
  if (parser.check("if")) {
    parser.fail(
      parser.current.span,
      "comprehension-clauses",
      "a Dana comprehension has at most one 'if' clause; combine the conditions with 'and'",
    );
  }
  const span = parser.spanFrom(start);
  parser.expectClosing(closing, open);
  return { target, iterable, condition, span };
}

/** Loop targets: `x`, `k, v`, `(i, v)`, `(i, (a, b))` — stops before `in`. */
export function parseTargetList(parser: Parser): Target {
  const start = parser.current;
  const first = parseTarget(parser);
  if (!parser.check(",")) return first;
  const elements = [first];
  while (parser.match(",")) {
    if (parser.check("in")) break;
    elements.push(parseTarget(parser));
  }
  return { kind: "TargetTuple", elements, span: parser.spanFrom(start) };
}

function parseTarget(parser: Parser): Target {
  const open = parser.match("(");
  if (open === null) {
    const name = parser.expectName("a loop variable name");
    return { kind: "Name", name: name.text, scope: null, span: name.span };
  }
  const elements: Target[] = [];
  while (!parser.check(")")) {
    elements.push(parseTarget(parser));
    if (!parser.match(",")) break;
  }
  parser.expectClosing(")", open);
  if (elements.length === 1 && parser.previous().kind === ")" && parser.tokens[parser.index - 2]?.kind !== ",") {
    return elements[0] as Target;
  }
  return { kind: "TargetTuple", elements, span: parser.spanFrom(open) };
}
