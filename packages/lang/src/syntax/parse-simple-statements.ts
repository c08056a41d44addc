/**
 * Simple (one-line) statements: assignments, expression statements, pass,
 * break, continue, return, raise, assert and imports.
 */
import type { AssignTarget, Expression, ModulePath, Statement } from "./ast.js";
import { parseExpression } from "./parse-expressions.js";
import { parseType } from "./parse-types.js";
import type { Parser } from "./parser.js";
import type { Token } from "./tokens.js";

/** Returns null for a statement that was reported and dropped (a Tier 3 import). */
export function parseSimpleStatement(parser: Parser): Statement | null {
  const token = parser.current;
  switch (token.kind) {
    case "pass":
      parser.advance();
      return { kind: "PassStatement", span: token.span };
    case "break":
      parser.advance();
      return { kind: "BreakStatement", span: token.span };
    case "continue":
      parser.advance();
      return { kind: "ContinueStatement", span: token.span };
    case "return": {
      parser.advance();
      const value = parser.atStatementEnd() ? null : parseValue(parser);
      return { kind: "ReturnStatement", value, span: parser.spanFrom(token) };
    }
    case "raise":
      return parseRaise(parser);
    case "assert": {
      parser.advance();
      const test = parseExpression(parser);
      const message = parser.match(",") ? parseExpression(parser) : null;
      return { kind: "AssertStatement", test, message, span: parser.spanFrom(token) };
    }
    case "import":
      return parseImport(parser);
    case "from":
      return parseFromImport(parser);
    default:
      return parseAssignmentOrExpression(parser);
  }
}

function parseRaise(parser: Parser): Statement {
  const start = parser.advance();
  if (parser.atStatementEnd()) return { kind: "RaiseStatement", exception: null, cause: null, span: start.span };
  const exception = parseExpression(parser);
  const cause = parser.match("from") ? parseExpression(parser) : null;
  return { kind: "RaiseStatement", exception, cause, span: parser.spanFrom(start) };
}

/** An expression in a value position; `a, b` without parentheses is reported (tuples need them). */
function parseValue(parser: Parser): Expression {
  const value = parseExpression(parser);
  if (parser.check(",")) {
    parser.fail(parser.current.span, "tuple-needs-parentheses", "tuples need parentheses in Dana: write (a, b)");
  }
  return value;
}

function parseAssignmentOrExpression(parser: Parser): Statement {
  const start = parser.current;
  const expression = parseExpression(parser);
  const token = parser.current;
  switch (token.kind) {
    case "=": {
      const target = assignTarget(parser, expression);
      parser.advance();
      const value = parseValue(parser);
      if (parser.check("=")) {
        parser.fail(
          parser.current.span,
          "chained-assignment",
          "chained assignment (a = b = value) is not supported in Dana; assign each name separately",
        );
      }
      return { kind: "Assignment", target, annotation: null, value, span: parser.spanFrom(start) };
    }
    case ":": {
      if (expression.kind !== "Name") {
        parser.fail(token.span, "unexpected-token", "only a variable name can have a type annotation (x: int = 1)");
      }
      parser.advance();
      const annotation = parseType(parser);
      parser.expect("=", "'=' and a value after the type annotation (x: int = 1)");
      const value = parseValue(parser);
      return { kind: "Assignment", target: expression, annotation, value, span: parser.spanFrom(start) };
    }
    case "+=":
    case "-=":
    case "*=":
    case "/=": {
      const target = assignTarget(parser, expression);
      parser.advance();
      const value = parseValue(parser);
      const operator = token.kind.slice(0, 1) as "+" | "-" | "*" | "/";
      return { kind: "AugmentedAssignment", target, operator, value, span: parser.spanFrom(start) };
    }
    case ",":
      return reportBareTuple(parser, start);
    default:
      return { kind: "ExpressionStatement", expression, span: parser.spanFrom(start) };
  }
}

/** `a, b = pair` is tuple unpacking (only `for` targets unpack); `a, b` alone needs parentheses. */
function reportBareTuple(parser: Parser, start: Token): never {
  const comma = parser.current;
  while (parser.match(",")) {
    if (parser.atStatementEnd() || parser.check("=")) break;
    parseExpression(parser);
  }
  if (parser.check("=")) {
    parser.fail(
      parser.spanFrom(start),
      "unsupported-unpacking",
      "tuple unpacking assignment (a, b = value) is not supported in Dana; unpacking is only allowed in 'for' targets",
    );
  }
  parser.fail(comma.span, "tuple-needs-parentheses", "tuples need parentheses in Dana: write (a, b)");
}

function assignTarget(parser: Parser, expression: Expression): AssignTarget {
  switch (expression.kind) {
    case "Name":
    case "AttributeExpression":
    case "IndexExpression":
      return expression;
    case "TupleExpression":
    case "ListExpression":
      return parser.fail(
        expression.span,
        "unsupported-unpacking",
        "tuple unpacking assignment (a, b = value) is not supported in Dana; unpacking is only allowed in 'for' targets",
      );
    case "CallExpression":
      return parser.fail(expression.span, "invalid-assignment-target", "cannot assign to a function call");
    default:
      return parser.fail(
        expression.span,
        "invalid-assignment-target",
        "cannot assign to this expression; the left side of '=' must be a name, an attribute or a subscript",
      );
  }
}

// ---------------------------------------------------------------------------
// Imports (spec 1.9). Python-module imports (`x.py`) are Tier 3 and reported.

function parseImport(parser: Parser): Statement | null {
  const start = parser.expect("import");
  const module = parseModulePath(parser, false);
  const alias = parser.match("as") ? parser.expectName("a name after 'as'").text : null;
  if (parser.check(",")) {
    parser.fail(parser.current.span, "unexpected-token", "import one module per statement in Dana");
  }
  if (rejectPythonModule(parser, module)) return null;
  return { kind: "ImportStatement", module, alias, span: parser.spanFrom(start) };
}

function parseFromImport(parser: Parser): Statement | null {
  const start = parser.expect("from");
  const module = parseModulePath(parser, true);
  parser.expect("import", "'import' after the module name");
  const python = rejectPythonModule(parser, module);
  let names: { name: string; alias: string | null; span: import("../source.js").Span }[] | "*";
  if (parser.match("*")) {
    names = "*";
  } else {
    names = [];
    const open = parser.match("(");
    do {
      if (open !== null && parser.check(")")) break;
      const name = parser.expectName("a name to import");
      const alias = parser.match("as") ? parser.expectName("a name after 'as'").text : null;
      names.push({ name: name.text, alias, span: parser.spanFrom(name) });
    } while (parser.match(","));
    if (open !== null) parser.expectClosing(")", open);
  }
  if (python) return null;
  return { kind: "FromImportStatement", module, names, span: parser.spanFrom(start) };
}

/** `a.b.c`, or with `allowRelative` also `.helpers`, `..pkg.mod`, `..`. */
function parseModulePath(parser: Parser, allowRelative: boolean): ModulePath {
  const start = parser.current;
  let relativeLevel = 0;
  if (allowRelative) {
    while (parser.match(".")) relativeLevel += 1;
  }
  const parts: string[] = [];
  if (relativeLevel === 0 || parser.check("name")) {
    parts.push(parser.expectName("a module name").text);
    while (parser.match(".")) parts.push(parser.expectName("a module name after '.'").text);
  }
  return { relativeLevel, parts, span: parser.spanFrom(start) };
}

function rejectPythonModule(parser: Parser, module: ModulePath): boolean {
  if (module.parts.length < 2 || module.parts[module.parts.length - 1] !== "py") return false;
  const dots = ".".repeat(module.relativeLevel);
  parser.report(
    module.span,
    "not-supported",
    `importing Python modules ('${dots}${module.parts.join(".")}') is not supported by this Dana runtime (Tier 3 feature, line ${module.span.line})`,
  );
  return true;
}
