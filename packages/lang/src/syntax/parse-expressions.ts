/**
 * Expressions, by precedence climbing over the table in spec 1.3 (lowest first):
 * pipe (only in declarative defs, see parse-definitions.ts) · conditional ·
 * or · and · not · comparison (binary, left-associative, NOT chained) ·
 * + - · * / // % · ** (right-associative) · unary + - (binds tighter than **,
 * so `-2 ** 2` is `(-2) ** 2`) · postfix call/index/attribute.
 */
import type {
  Argument,
  ArithmeticOperator,
  ComparisonOperator,
  Expression,
  LambdaExpression,
  Name,
  Parameter,
  Scope,
} from "./ast.js";
import { parseStringToken } from "./fstring.js";
import { parseCollection, parseParenthesized } from "./parse-collections.js";
import { parseParameter } from "./parse-definitions.js";
import type { Parser } from "./parser.js";
import type { Token } from "./tokens.js";

const scopeKeywords: ReadonlySet<string> = new Set(["private", "public", "local", "system"]);

/** A full expression (lambda or conditional); a `|` after it is reported as a misplaced pipe. */
export function parseExpression(parser: Parser): Expression {
  const expression = parseExpressionWithoutPipe(parser);
  if (parser.check("|")) {
    const pipe = parser.current;
    const next = parser.peek(1);
    if (next.kind === "|" && next.span.offset === pipe.span.endOffset) parser.unexpected("an operator");
    parser.report(
      pipe.span,
      "pipe-outside-declarative-function",
      "Pipe expressions (|) are only allowed in declarative function definitions",
    );
    // Consume the rest of the would-be pipeline so the one mistake is reported once.
    while (parser.match("|")) parseExpressionWithoutPipe(parser);
  }
  return expression;
}

export function parseExpressionWithoutPipe(parser: Parser): Expression {
  parser.enter();
  const expression = parser.check("lambda") ? parseLambda(parser) : parseConditional(parser);
  parser.leave();
  return expression;
}

function parseConditional(parser: Parser): Expression {
  const start = parser.current;
  const body = parseOr(parser);
  if (!parser.match("if")) return body;
  const test = parseOr(parser);
  parser.expect("else", "'else' to complete the conditional expression");
  const orelse = parseExpressionWithoutPipe(parser);
  return { kind: "ConditionalExpression", test, body, orelse, span: parser.spanFrom(start) };
}

/** The `or_expr` level: comprehension iterables, conditions and elements. */
export function parseOr(parser: Parser): Expression {
  const start = parser.current;
  let left = parseAnd(parser);
  while (parser.match("or")) {
    const right = parseAnd(parser);
    left = { kind: "LogicalExpression", operator: "or", left, right, span: parser.spanFrom(start) };
  }
  return left;
}

function parseAnd(parser: Parser): Expression {
  const start = parser.current;
  let left = parseNot(parser);
  while (parser.match("and")) {
    const right = parseNot(parser);
    left = { kind: "LogicalExpression", operator: "and", left, right, span: parser.spanFrom(start) };
  }
  return left;
}

function parseNot(parser: Parser): Expression {
  const start = parser.match("not");
  if (start === null) return parseComparison(parser);
  parser.enter();
  const operand = parseNot(parser);
  parser.leave();
  return { kind: "UnaryExpression", operator: "not", operand, span: parser.spanFrom(start) };
}

function parseComparison(parser: Parser): Expression {
  const start = parser.current;
  let left = parseSum(parser);
  while (true) {
    const operator = matchComparisonOperator(parser);
    if (operator === null) return left;
    const right = parseSum(parser);
    left = { kind: "CompareExpression", operator, left, right, span: parser.spanFrom(start) };
  }
}

function matchComparisonOperator(parser: Parser): ComparisonOperator | null {
  const kind = parser.current.kind;
  switch (kind) {
    case "<":
    case ">":
    case "==":
    case "!=":
    case "<=":
    case ">=":
    case "in":
      parser.advance();
      return kind;
    case "not":
      if (parser.peek(1).kind !== "in") return null;
      parser.advance();
      parser.advance();
      return "not in";
    case "is":
      parser.advance();
      return parser.match("not") ? "is not" : "is";
    default:
      return null;
  }
}

function parseSum(parser: Parser): Expression {
  const start = parser.current;
  let left = parseProduct(parser);
  while (parser.check("+") || parser.check("-")) {
    const operator = parser.advance().kind as ArithmeticOperator;
    const right = parseProduct(parser);
    left = { kind: "BinaryExpression", operator, left, right, span: parser.spanFrom(start) };
  }
  return left;
}

function parseProduct(parser: Parser): Expression {
  const start = parser.current;
  let left = parsePower(parser);
  while (parser.check("*") || parser.check("/") || parser.check("//") || parser.check("%")) {
    const operator = parser.advance().kind as ArithmeticOperator;
    const right = parsePower(parser);
    left = { kind: "BinaryExpression", operator, left, right, span: parser.spanFrom(start) };
  }
  return left;
}

function parsePower(parser: Parser): Expression {
  const start = parser.current;
  const base = parseUnary(parser);
  if (!parser.match("**")) return base;
  parser.enter();
  const exponent = parsePower(parser);
  parser.leave();
  return { kind: "BinaryExpression", operator: "**", left: base, right: exponent, span: parser.spanFrom(start) };
}

function parseUnary(parser: Parser): Expression {
  if (!parser.check("-") && !parser.check("+")) return parsePostfix(parser);
  const start = parser.advance();
  parser.enter();
  const operand = parseUnary(parser);
  parser.leave();
  return { kind: "UnaryExpression", operator: start.kind as "-" | "+", operand, span: parser.spanFrom(start) };
}

/** An atom followed by calls, subscripts and attribute accesses. */
export function parsePostfix(parser: Parser): Expression {
  const start = parser.current;
  let expression = parsePrimary(parser);
  while (true) {
    const open = parser.current;
    if (parser.match("(")) {
      const callArguments = parseArguments(parser, open);
      expression = {
        kind: "CallExpression",
        callee: expression,
        arguments: callArguments,
        span: parser.spanFrom(start),
      };
    } else if (parser.match("[")) {
      const index = parseSubscript(parser, open);
      expression = { kind: "IndexExpression", object: expression, index, span: parser.spanFrom(start) };
    } else if (parser.match(".")) {
      const name = parser.expectName("an attribute name after '.'");
      expression = {
        kind: "AttributeExpression",
        object: expression,
        name: name.text,
        nameSpan: name.span,
        span: parser.spanFrom(start),
      };
    } else {
      return expression;
    }
  }
}

function parseArguments(parser: Parser, open: Token): Argument[] {
  const result: Argument[] = [];
  while (!parser.check(")")) {
    const start = parser.current;
    let name: string | null = null;
    if (parser.check("name") && parser.peek(1).kind === "=") {
      name = parser.advance().text;
      parser.advance();
    }
    const value = parseExpression(parser);
    if (parser.check("for")) {
      parser.fail(
        parser.current.span,
        "unsupported-syntax",
        "generator expressions are not supported in Dana; use a list comprehension [x for x in xs]",
      );
    }
    result.push({ name, value, span: parser.spanFrom(start) });
    if (!parser.match(",")) break;
  }
  parser.expectClosing(")", open);
  return result;
}

/** `[i]`, or a slice `[start:stop:step]` with any part omitted (`::` lexes as one token). */
function parseSubscript(parser: Parser, open: Token): Expression {
  const start = parser.current;
  let first: Expression | null = null;
  if (!parser.check(":") && !parser.check("::")) first = parseExpression(parser);
  let index: Expression;
  if (parser.check(":") || parser.check("::")) {
    let stop: Expression | null = null;
    let step: Expression | null = null;
    if (parser.match("::")) {
      if (!parser.check("]")) step = parseExpression(parser);
    } else {
      parser.advance();
      if (!parser.check(":") && !parser.check("]") && !parser.check(",")) stop = parseExpression(parser);
      if (parser.match(":") && !parser.check("]") && !parser.check(",")) step = parseExpression(parser);
    }
    index = { kind: "SliceExpression", start: first, stop, step, span: parser.spanFrom(start) };
  } else {
    index = first as Expression;
  }
  if (parser.check(",")) {
    parser.fail(
      parser.current.span,
      "unsupported-syntax",
      "multi-dimensional subscripts (a[1, 2]) are not supported in Dana",
    );
  }
  parser.expectClosing("]", open);
  return index;
}

function parsePrimary(parser: Parser): Expression {
  const token = parser.current;
  switch (token.kind) {
    case "int":
      parser.advance();
      return { kind: "IntLiteral", value: token.value as number | bigint, span: token.span };
    case "float":
      parser.advance();
      return { kind: "FloatLiteral", value: token.value as number, span: token.span };
    case "boolean":
      parser.advance();
      return { kind: "BoolLiteral", value: token.value as boolean, span: token.span };
    case "none":
      parser.advance();
      return { kind: "NoneLiteral", span: token.span };
    case "string":
      parser.advance();
      return parseStringToken(parser, token);
    case "name":
      parser.advance();
      return { kind: "Name", name: token.text, scope: null, span: token.span };
    case "private":
    case "public":
    case "local":
    case "system":
      return parseScopedName(parser);
    case "(":
      return parseParenthesized(parser);
    case "[":
    case "{":
      return parseCollection(parser);
    case "lambda":
      return parseLambda(parser);
    case "$$":
      parser.advance();
      return { kind: "Placeholder", span: token.span };
    case "*":
    case "**":
      return parser.fail(token.span, "unsupported-syntax", `unpacking with '${token.kind}' is not supported in Dana`);
    default:
      return parser.unexpected("an expression");
  }
}

/** `private:x` — the dot form `private.x` is a syntax error with a hint (spec 1.7). */
export function parseScopedName(parser: Parser): Name {
  const scopeToken = parser.advance();
  const scope = scopeToken.kind as Scope;
  if (!scopeKeywords.has(scope)) return parser.unexpected("a name");
  if (parser.check(".") && parser.peek(1).kind === "name") {
    parser.fail(
      parser.current.span,
      "scoped-name-dot",
      `scoped names use a colon: write ${scope}:${parser.peek(1).text}, not ${scope}.${parser.peek(1).text}`,
    );
  }
  if (!parser.match(":")) {
    return parser.unexpected(`':' after '${scope}' (a scoped name is written ${scope}:name)`);
  }
  const name = parser.expectName(`a variable name after '${scope}:'`);
  return { kind: "Name", name: name.text, scope, span: parser.spanFrom(scopeToken) };
}

/** `lambda x, y: int = 2 :: body`, `lambda :: 42`, receiver form `lambda (p: Point) dx :: …`. */
export function parseLambda(parser: Parser): LambdaExpression {
  const start = parser.expect("lambda");
  let receiver: Parameter | null = null;
  const open = parser.match("(");
  if (open !== null) {
    receiver = parseParameter(parser, "a receiver name");
    parser.expectClosing(")", open);
  }
  const parameters: Parameter[] = [];
  while (!parser.check("::")) {
    if (parser.check(":")) {
      parser.fail(
        parser.current.span,
        "lambda-double-colon",
        "a Dana lambda separates its parameters from its body with '::' (lambda x :: x * 2)",
      );
    }
    parameters.push(parseParameter(parser, "a lambda parameter name or '::'"));
    if (!parser.match(",")) break;
  }
  if (parser.check(":")) {
    parser.fail(
      parser.current.span,
      "lambda-double-colon",
      "a Dana lambda separates its parameters from its body with '::' (lambda x :: x * 2)",
    );
  }
  parser.expect("::", "'::' before the lambda body (Dana lambdas are written lambda x :: x * 2)");
  const body = parseExpressionWithoutPipe(parser);
  return { kind: "LambdaExpression", receiver, parameters, body, span: parser.spanFrom(start) };
}
