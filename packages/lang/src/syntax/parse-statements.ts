/**
 * Statements and blocks (spec 1.5): the statement loop with error recovery,
 * compound statements (if/while/for/try/with) and the dispatch to simple
 * statements and definitions.
 */
import type { ExceptClause, Statement } from "./ast.js";
import { parseTargetList } from "./parse-collections.js";
import { parseDecorated, parseFunction, parseInterface, parseStruct } from "./parse-definitions.js";
import { parseExpression } from "./parse-expressions.js";
import { parseSimpleStatement } from "./parse-simple-statements.js";
import { ParseAbort, type Parser } from "./parser.js";
import type { Token } from "./tokens.js";

const tierThreeDefinitions: Readonly<Record<string, string>> = {
  agent: "agent definitions",
  agent_blueprint: "agent_blueprint definitions",
  resource: "resource definitions",
  workflow: "workflow definitions",
};

export function parseProgramBody(parser: Parser): Statement[] {
  const body: Statement[] = [];
  parseStatements(parser, body, false);
  return body;
}

/** Parses statements into `body` until the end of the block (a DEDENT when `inBlock`) or of the file. */
export function parseStatements(parser: Parser, body: Statement[], inBlock: boolean): void {
  if (!inBlock) {
    parseStatementList(parser, body, false);
    return;
  }
  parser.blockDepth += 1;
  try {
    if (parser.blockDepth > maximumBlockDepth) {
      parser.report(
        parser.current.span,
        "nesting-too-deep",
        `blocks nested too deeply (more than ${maximumBlockDepth} levels)`,
      );
      skipToEndOfBlock(parser);
      return;
    }
    parseStatementList(parser, body, true);
  } finally {
    parser.blockDepth -= 1;
  }
}

/** Real programs never come close; the limit keeps hostile input from exhausting the host stack. */
const maximumBlockDepth = 100;

/** Skips to the DEDENT that closes the current block, without recursion. */
function skipToEndOfBlock(parser: Parser): void {
  let depth = 0;
  while (!parser.check("end")) {
    if (parser.check("dedent")) {
      if (depth === 0) return;
      depth -= 1;
    } else if (parser.check("indent")) {
      depth += 1;
    }
    parser.advance();
  }
}

function parseStatementList(parser: Parser, body: Statement[], inBlock: boolean): void {
  while (!parser.check("end")) {
    if (parser.check("dedent")) {
      if (inBlock) return;
      parser.advance();
      continue;
    }
    if (parser.match("newline")) continue;
    if (parser.check("indent")) {
      const indent = parser.advance();
      parser.report(indent.span, "unexpected-indent", "unexpected indent");
      parseStatements(parser, body, true);
      parser.match("dedent");
      continue;
    }
    const startIndex = parser.index;
    try {
      parseStatement(parser, body);
    } catch (error) {
      if (!(error instanceof ParseAbort)) throw error;
      parser.nesting = 0;
      synchronize(parser);
    }
    if (parser.index === startIndex) parser.advance();
  }
}

/**
 * After an error: skip the rest of the logical line; if a block follows (the
 * error was in a header), parse it so its own mistakes are still reported.
 */
export function synchronize(parser: Parser): void {
  while (!parser.check("newline") && !parser.check("end")) {
    if (parser.check("dedent") || parser.check("indent")) break;
    parser.advance();
  }
  parser.match("newline");
  if (parser.match("indent")) {
    parseStatements(parser, [], true);
    parser.match("dedent");
  }
}

/** Skips a line and the indented block after it without parsing (unsupported Tier 3 definitions). */
export function skipLineAndBlock(parser: Parser): void {
  while (!parser.check("newline") && !parser.check("end") && !parser.check("indent") && !parser.check("dedent")) {
    parser.advance();
  }
  parser.match("newline");
  if (!parser.check("indent")) return;
  let depth = 0;
  do {
    if (parser.check("indent")) depth += 1;
    if (parser.check("dedent")) depth -= 1;
    parser.advance();
  } while (depth > 0 && !parser.check("end"));
}

function parseStatement(parser: Parser, body: Statement[]): void {
  const token = parser.current;
  switch (token.kind) {
    case "if":
      body.push(parseIf(parser));
      return;
    case "while":
      body.push(parseWhile(parser));
      return;
    case "for":
      body.push(parseFor(parser));
      return;
    case "try": {
      const statement = parseTry(parser);
      if (statement !== null) body.push(statement);
      return;
    }
    case "with":
      body.push(parseWith(parser));
      return;
    case "def":
    case "sync":
      body.push(parseFunction(parser, []));
      return;
    case "@":
      body.push(parseDecorated(parser));
      return;
    case "struct":
      body.push(parseStruct(parser));
      return;
    case "interface":
      body.push(parseInterface(parser));
      return;
    case "agent":
    case "agent_blueprint":
    case "resource":
    case "workflow":
      if (parser.peek(1).kind !== "name") {
        parser.fail(
          token.span,
          "reserved-word",
          `'${token.kind}' is a reserved word in Dana and cannot be used as a variable name`,
        );
      }
      parser.report(
        token.span,
        "not-supported",
        `${tierThreeDefinitions[token.kind]} are not supported by this Dana runtime (Tier 3 feature, line ${token.span.line})`,
      );
      skipLineAndBlock(parser);
      return;
    case "deliver":
      parser.report(
        token.span,
        "not-supported",
        `'deliver' statements are not supported by this Dana runtime (Tier 3 feature, line ${token.span.line})`,
      );
      skipLineAndBlock(parser);
      return;
    case "elif":
    case "else":
      parser.fail(token.span, "unexpected-token", `'${token.kind}' without a matching 'if'`);
      break;
    case "except":
    case "finally":
      parser.fail(token.span, "unexpected-token", `'${token.kind}' without a matching 'try'`);
      break;
    case "name":
      if (token.text === "class" && parser.peek(1).kind === "name") {
        parser.report(
          token.span,
          "unsupported-syntax",
          "class definitions are not supported in Dana; use 'struct' and receiver functions (def (self: T) m())",
        );
        skipLineAndBlock(parser);
        return;
      }
      parseSimpleStatementLine(parser, body);
      return;
    default:
      parseSimpleStatementLine(parser, body);
  }
}

/** `a = 1; b = 2` — simple statements separated by semicolons, up to the end of the line. */
export function parseSimpleStatementLine(parser: Parser, body: Statement[]): void {
  while (true) {
    const statement = parseSimpleStatement(parser);
    if (statement !== null) body.push(statement);
    if (!parser.match(";")) break;
    if (parser.atStatementEnd()) break;
  }
  expectEndOfLine(parser);
}

export function expectEndOfLine(parser: Parser, expected = "end of statement (a newline or ';')"): void {
  if (parser.match("newline") || parser.check("end") || parser.check("dedent")) return;
  parser.unexpected(expected);
}

/**
 * `: NEWLINE INDENT statements DEDENT`. An inline suite (`if x: y()`) is
 * reported and then parsed anyway, so the rest of the file is unaffected.
 */
export function parseBlock(parser: Parser, header: Token, what: string): Statement[] {
  if (!parser.check(":")) parser.unexpected(`':' to end the ${what} header`);
  parser.advance();
  const body: Statement[] = [];
  if (!parser.check("newline")) {
    if (parser.check("end")) {
      parser.report(
        parser.current.span,
        "expected-indented-block",
        `expected an indented block after the ${what} on line ${header.span.line}`,
      );
      return body;
    }
    parser.report(
      parser.current.span,
      "inline-suite",
      "expected a newline and an indented block after ':' (Dana has no one-line blocks)",
    );
    parseSimpleStatementLine(parser, body);
    return body;
  }
  parser.advance();
  if (!parser.match("indent")) {
    parser.report(
      parser.current.span,
      "expected-indented-block",
      `expected an indented block after the ${what} on line ${header.span.line}`,
    );
    return body;
  }
  parseStatements(parser, body, true);
  parser.match("dedent");
  return body;
}

function parseIf(parser: Parser): Statement {
  const start = parser.expect("if");
  const test = parseExpression(parser);
  const body = parseBlock(parser, start, "'if' statement");
  const elifs: { test: typeof test; body: Statement[]; span: import("../source.js").Span }[] = [];
  let orelse: Statement[] | null = null;
  while (parser.check("elif") || (parser.check("else") && parser.peek(1).kind === "if")) {
    if (parser.check("else")) {
      // Python programmers write `else if`; report it once and read it as the `elif` that was meant.
      parser.advance();
      parser.report(parser.current.span, "unexpected-token", "write 'elif', not 'else if'");
    }
    const elif = parser.advance();
    const elifTest = parseExpression(parser);
    const elifBody = parseBlock(parser, elif, "'elif' clause");
    elifs.push({ test: elifTest, body: elifBody, span: parser.spanFrom(elif) });
  }
  const elseToken = parser.match("else");
  if (elseToken !== null) orelse = parseBlock(parser, elseToken, "'else' clause");
  return { kind: "IfStatement", test, body, elifs, orelse, span: parser.spanFrom(start) };
}

function parseWhile(parser: Parser): Statement {
  const start = parser.expect("while");
  const test = parseExpression(parser);
  const body = parseBlock(parser, start, "'while' statement");
  rejectLoopElse(parser);
  return { kind: "WhileStatement", test, body, span: parser.spanFrom(start) };
}

function parseFor(parser: Parser): Statement {
  const start = parser.expect("for");
  const target = parseTargetList(parser);
  parser.expect("in", "'in' after the loop variable");
  const iterable = parseExpression(parser);
  const body = parseBlock(parser, start, "'for' statement");
  rejectLoopElse(parser);
  return { kind: "ForStatement", target, iterable, body, span: parser.spanFrom(start) };
}

function rejectLoopElse(parser: Parser): void {
  if (parser.check("else")) {
    parser.report(parser.current.span, "unsupported-syntax", "loops have no 'else' clause in Dana");
    const elseToken = parser.advance();
    parseBlock(parser, elseToken, "'else' clause");
  }
}

function parseTry(parser: Parser): Statement | null {
  const start = parser.expect("try");
  const body = parseBlock(parser, start, "'try' statement");
  const handlers: ExceptClause[] = [];
  while (parser.check("except")) handlers.push(parseExcept(parser));
  if (parser.check("else")) {
    parser.report(parser.current.span, "unsupported-syntax", "try statements have no 'else' clause in Dana");
    const elseToken = parser.advance();
    parseBlock(parser, elseToken, "'else' clause");
  }
  let finallyBody: Statement[] | null = null;
  const finallyToken = parser.match("finally");
  if (finallyToken !== null) finallyBody = parseBlock(parser, finallyToken, "'finally' clause");
  if (handlers.length === 0) {
    parser.report(
      start.span,
      "try-without-except",
      "a try statement needs at least one 'except' clause (try/finally alone is not supported in Dana)",
    );
    return null;
  }
  return { kind: "TryStatement", body, handlers, finally: finallyBody, span: parser.spanFrom(start) };
}

/** `except:`, `except Name:`, `except Name as e:`, `except (A, B) as e:`, `except as e:`. */
function parseExcept(parser: Parser): ExceptClause {
  const start = parser.expect("except");
  let types: string[] | null = null;
  const open = parser.match("(");
  if (open !== null) {
    types = [];
    while (!parser.check(")")) {
      types.push(parseDottedName(parser, "an exception class name"));
      if (!parser.match(",")) break;
    }
    parser.expectClosing(")", open);
  } else if (parser.check("name")) {
    types = [parseDottedName(parser, "an exception class name")];
    if (parser.check(",")) {
      parser.fail(
        parser.current.span,
        "unexpected-token",
        "several exception classes need parentheses: except (A, B) as e:",
      );
    }
  }
  let name: string | null = null;
  if (parser.match("as")) name = parser.expectName("a variable name after 'as'").text;
  const body = parseBlock(parser, start, "'except' clause");
  return { types, name, body, span: parser.spanFrom(start) };
}

export function parseDottedName(parser: Parser, what: string): string {
  let name = parser.expectName(what).text;
  while (parser.check(".") && parser.peek(1).kind === "name") {
    parser.advance();
    name += `.${parser.advance().text}`;
  }
  return name;
}

function parseWith(parser: Parser): Statement {
  const start = parser.expect("with");
  const context = parseExpression(parser);
  if (!parser.check("as")) {
    parser.fail(parser.current.span, "with-without-as", "a with statement needs 'as name': with expr as name:");
  }
  parser.advance();
  const name = parser.expectName("a variable name after 'as'").text;
  const body = parseBlock(parser, start, "'with' statement");
  return { kind: "WithStatement", context, name, body, span: parser.spanFrom(start) };
}
