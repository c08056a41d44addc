/**
 * Definitions: functions (with receivers, decorators, `sync`), declarative
 * pipeline functions (T2.2), structs (1.8) and interfaces (T2.7).
 */
import type {
  DeclarativeFunctionDefinition,
  Decorator,
  FunctionDefinition,
  InterfaceDefinition,
  InterfaceMember,
  Parameter,
  PipelineStage,
  Statement,
  StructDefinition,
  StructField,
} from "./ast.js";
import { parseExpression, parsePostfix } from "./parse-expressions.js";
import { expectEndOfLine, parseBlock, parseStatements, synchronize } from "./parse-statements.js";
import { parseType } from "./parse-types.js";
import { ParseAbort, type Parser } from "./parser.js";
import type { Token } from "./tokens.js";

/** `name`, `name: type`, `name = default`, `name: type = default`. */
export function parseParameter(parser: Parser, what: string): Parameter {
  if (parser.check("*") || parser.check("**")) {
    parser.fail(parser.current.span, "unsupported-syntax", "*args and **kwargs parameters are not supported in Dana");
  }
  if (parser.check("/")) {
    parser.fail(parser.current.span, "unsupported-syntax", "positional-only parameters (/) are not supported in Dana");
  }
  const name = parser.expectName(what);
  const type = parser.match(":") ? parseType(parser) : null;
  const defaultValue = parser.match("=") ? parseExpression(parser) : null;
  return { name: name.text, type, default: defaultValue, span: parser.spanFrom(name) };
}

function parseParameterList(parser: Parser): Parameter[] {
  const open = parser.expect("(", "'(' to start the parameter list");
  const parameters: Parameter[] = [];
  while (!parser.check(")")) {
    parameters.push(parseParameter(parser, "a parameter name"));
    if (!parser.match(",")) break;
  }
  parser.expectClosing(")", open);
  return parameters;
}

/** Decorator lines (`@name`, `@name(args)`) and the `def` they decorate. */
export function parseDecorated(parser: Parser): Statement {
  const decorators: Decorator[] = [];
  while (parser.check("@")) {
    const at = parser.advance();
    const expression = parsePostfix(parser);
    decorators.push({ expression, span: parser.spanFrom(at) });
    expectEndOfLine(parser, "end of line after the decorator");
    while (parser.match("newline")) {}
  }
  if (!parser.check("def") && !parser.check("sync")) {
    parser.unexpected("'def' after the decorator");
  }
  return parseFunction(parser, decorators);
}

/** `[sync] def [(receiver)] name(params) [-> T]:` block, or the declarative `= stage | stage` form. */
export function parseFunction(parser: Parser, decorators: Decorator[]): Statement {
  const start = decorators[0]?.span ?? parser.current.span;
  const isSync = parser.match("sync") !== null;
  const defToken = parser.expect("def", "'def' after 'sync'");
  let receiver: Parameter | null = null;
  const open = parser.match("(");
  if (open !== null) {
    receiver = parseParameter(parser, "a receiver name");
    parser.expectClosing(")", open);
  }
  const name = parser.expectName("a function name");
  const parameters = parseParameterList(parser);
  const returnType = parser.match("->") ? parseType(parser) : null;
  if (parser.check("=")) {
    if (decorators.length > 0) {
      parser.report(decorators[0]?.span ?? start, "unsupported-syntax", "declarative functions cannot be decorated");
    }
    if (receiver !== null) {
      parser.report(receiver.span, "unsupported-syntax", "declarative functions cannot have a receiver");
    }
    return parseDeclarative(parser, start, name, parameters, returnType);
  }
  const body = parseBlock(parser, defToken, "function definition");
  const definition: FunctionDefinition = {
    kind: "FunctionDefinition",
    name: name.text,
    nameSpan: name.span,
    receiver,
    parameters,
    returnType,
    body,
    decorators,
    isSync,
    docstring: docstringOf(body),
    span: parser.spanFrom(start),
  };
  return definition;
}

function docstringOf(body: readonly Statement[]): string | null {
  const first = body[0];
  if (first?.kind === "ExpressionStatement" && first.expression.kind === "StringLiteral") {
    return first.expression.value;
  }
  return null;
}

function parseDeclarative(
  parser: Parser,
  start: import("../source.js").Span,
  name: Token,
  parameters: Parameter[],
  returnType: FunctionDefinition["returnType"],
): DeclarativeFunctionDefinition {
  parser.expect("=");
  const stages = [parseStage(parser)];
  while (parser.match("|")) stages.push(parseStage(parser));
  const span = parser.spanFrom(start);
  expectEndOfLine(parser, "'|' or the end of the declarative function (its body is a pipeline: f | g)");
  return {
    kind: "DeclarativeFunctionDefinition",
    name: name.text,
    nameSpan: name.span,
    parameters,
    returnType,
    stages,
    span,
  };
}

/** A function name, a call with extra arguments, or a list of stages; each may end with `as name`. */
function parseStage(parser: Parser): PipelineStage {
  const start = parser.current;
  const open = parser.match("[");
  if (open !== null) {
    const stages: PipelineStage[] = [];
    while (!parser.check("]")) {
      stages.push(parseStage(parser));
      if (!parser.match(",")) break;
    }
    parser.expectClosing("]", open);
    return { kind: "StageList", stages, capture: parseCapture(parser), span: parser.spanFrom(start) };
  }
  if (parser.check("lambda")) {
    parser.fail(
      start.span,
      "invalid-pipeline-stage",
      "a lambda cannot be a pipeline stage; assign it to a name first and use the name",
    );
  }
  const expression = parsePostfix(parser);
  if (expression.kind === "CallExpression") {
    return { kind: "StageCall", call: expression, capture: parseCapture(parser), span: parser.spanFrom(start) };
  }
  if (expression.kind === "Name" || expression.kind === "AttributeExpression") {
    return { kind: "StageReference", target: expression, capture: parseCapture(parser), span: parser.spanFrom(start) };
  }
  return parser.fail(
    expression.span,
    "invalid-pipeline-stage",
    "a pipeline stage must be a function name, a call or a list of functions",
  );
}

function parseCapture(parser: Parser): string | null {
  return parser.match("as") ? parser.expectName("a name after 'as'").text : null;
}

// ---------------------------------------------------------------------------
// Structs and interfaces: an indented body of member lines.

/** Parses the member lines of a struct or interface body, one at a time with recovery. */
function parseMembers(parser: Parser, header: Token, what: string, parseMember: (first: boolean) => void): void {
  parser.expect(":", `':' to end the ${what} header`);
  if (!parser.check("newline")) {
    parser.fail(
      parser.current.span,
      "inline-suite",
      "expected a newline and an indented block after ':' (Dana has no one-line blocks)",
    );
  }
  parser.advance();
  if (!parser.match("indent")) {
    parser.report(
      parser.current.span,
      "expected-indented-block",
      `expected an indented block after the ${what} on line ${header.span.line}`,
    );
    return;
  }
  let first = true;
  while (!parser.check("dedent") && !parser.check("end")) {
    if (parser.match("newline")) continue;
    const indent = parser.match("indent");
    if (indent !== null) {
      parser.report(indent.span, "unexpected-indent", "unexpected indent");
      parseStatements(parser, [], true);
      parser.match("dedent");
      continue;
    }
    const startIndex = parser.index;
    try {
      parseMember(first);
    } catch (error) {
      if (!(error instanceof ParseAbort)) throw error;
      parser.nesting = 0;
      synchronize(parser);
    }
    first = false;
    if (parser.index === startIndex) parser.advance();
  }
  parser.match("dedent");
}

function memberDocstring(parser: Parser, first: boolean): string | null {
  if (!parser.check("string") || parser.current.prefix === "f") return null;
  const token = parser.advance();
  if (!first) parser.report(token.span, "unexpected-token", "a docstring must be the first line of the body");
  expectEndOfLine(parser);
  return typeof token.value === "string" ? token.value : "";
}

export function parseStruct(parser: Parser): StructDefinition {
  const start = parser.expect("struct");
  const name = parser.expectName("a struct name");
  const fields: StructField[] = [];
  let docstring: string | null = null;
  parseMembers(parser, start, "struct definition", (first) => {
    const text = memberDocstring(parser, first);
    if (text !== null) {
      docstring = text;
      return;
    }
    if (parser.match("pass")) {
      expectEndOfLine(parser);
      return;
    }
    if (parser.check("def") || parser.check("sync") || parser.check("@")) {
      parser.report(parser.current.span, "method-in-struct", "define methods as receiver functions: def (self: T) m()");
      // Parse the definition anyway (and drop it) so its body causes no further errors.
      if (parser.check("@")) parseDecorated(parser);
      else parseFunction(parser, []);
      return;
    }
    const fieldName = parser.expectName("a field 'name: type' in the struct body");
    parser.expect(":", `':' and a type after the field name '${fieldName.text}'`);
    const type = parseType(parser);
    const defaultValue = parser.match("=") ? parseExpression(parser) : null;
    const span = parser.spanFrom(fieldName);
    expectEndOfLine(parser);
    const newline = parser.previous();
    const description = newline.kind === "newline" ? (newline.comment ?? null) : null;
    fields.push({ name: fieldName.text, type, default: defaultValue, description, span });
  });
  return {
    kind: "StructDefinition",
    name: name.text,
    nameSpan: name.span,
    fields,
    docstring,
    span: parser.spanFrom(start),
  };
}

export function parseInterface(parser: Parser): InterfaceDefinition {
  const start = parser.expect("interface");
  const name = parser.expectName("an interface name");
  const members: InterfaceMember[] = [];
  let docstring: string | null = null;
  parseMembers(parser, start, "interface definition", (first) => {
    const text = memberDocstring(parser, first);
    if (text !== null) {
      docstring = text;
      return;
    }
    if (parser.match("pass")) {
      expectEndOfLine(parser);
      return;
    }
    const memberName = parser.expectName("a method signature 'name(params) -> type' or an interface name");
    if (!parser.check("(")) {
      members.push({ kind: "EmbeddedInterface", name: memberName.text, span: memberName.span });
      expectEndOfLine(parser);
      return;
    }
    const parameters = parseParameterList(parser);
    const returnType = parser.match("->") ? parseType(parser) : null;
    members.push({
      kind: "InterfaceMethod",
      name: memberName.text,
      parameters,
      returnType,
      span: parser.spanFrom(memberName),
    });
    expectEndOfLine(parser);
  });
  return {
    kind: "InterfaceDefinition",
    name: name.text,
    nameSpan: name.span,
    members,
    docstring,
    span: parser.spanFrom(start),
  };
}
