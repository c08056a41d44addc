/**
 * The parser's token cursor and error machinery, plus the `parse` entry point.
 *
 * Grammar rules live in parse-statements.ts, parse-definitions.ts,
 * parse-expressions.ts and parse-types.ts as functions over this cursor (the
 * jlox shape). On a syntax error a rule reports one diagnostic and throws
 * `ParseAbort`; the statement loop catches it, skips to the next statement at
 * the same indentation and carries on, so one file reports all its mistakes
 * without cascades. `parse` itself never throws.
 */
import { emptySpan, type Span } from "../source.js";
import type { Program, Statement } from "./ast.js";
import { DiagnosticBag, joinSpans, position } from "./diagnostics.js";
import { tokenize } from "./lexer.js";
import { parseProgramBody } from "./parse-statements.js";
import { describeToken, type Token, type TokenKind } from "./tokens.js";

/** Thrown after a diagnostic has been reported, to unwind to the statement loop. */
export class ParseAbort {
  readonly reason = "parse-abort";
}

/** Messages for tokens of constructs Dana does not have: better than "unexpected token". */
const unsupportedTokenMessages: Partial<Record<TokenKind, string>> = {
  "&": "bitwise operators (&) are not supported in Dana",
  "^": "bitwise operators (^) are not supported in Dana",
  "~": "bitwise operators (~) are not supported in Dana",
  "<<": "bitwise operators (<<) are not supported in Dana",
  ">>": "bitwise operators (>>) are not supported in Dana",
  "&=": "bitwise operators (&=) are not supported in Dana",
  "|=": "bitwise operators (|=) are not supported in Dana",
  "^=": "bitwise operators (^=) are not supported in Dana",
  "<<=": "bitwise operators (<<=) are not supported in Dana",
  ">>=": "bitwise operators (>>=) are not supported in Dana",
  "|": "Pipe expressions (|) are only allowed in declarative function definitions",
  "@": "the '@' operator is not supported in Dana (decorators go on their own line before 'def')",
  ":=": "assignment expressions (:=) are not supported in Dana",
  "**=": "augmented assignment '**=' is not supported in Dana; only += -= *= /= exist",
  "//=": "augmented assignment '//=' is not supported in Dana; only += -= *= /= exist",
  "%=": "augmented assignment '%=' is not supported in Dana; only += -= *= /= exist",
  yield: "'yield' is not supported in Dana",
  global: "'global' is not supported in Dana; use a scoped name such as private:x",
  nonlocal: "'nonlocal' is not supported in Dana; use a scoped name such as private:x",
  del: "'del' statements are not supported in Dana",
  deliver: "'deliver' is not supported by this Dana runtime (Tier 3)",
  export: "'export' statements are not supported in Dana",
};

export function unsupportedTokenCode(kind: TokenKind): string {
  return kind === "|" ? "pipe-outside-declarative-function" : "unsupported-syntax";
}

const maximumNesting = 200;

function isLayout(kind: TokenKind | undefined): boolean {
  return kind === "newline" || kind === "indent" || kind === "dedent";
}

export class Parser {
  index = 0;
  /** Current nesting of expression rules; deep nesting is reported instead of overflowing the host stack. */
  nesting = 0;
  /** Current nesting of indented blocks (see parseStatements). */
  blockDepth = 0;
  /** Lint notes found while parsing (f-string placeholders printed literally); `check` reports them. */
  readonly notes: { readonly code: string; readonly message: string; readonly span: Span }[] = [];

  constructor(
    readonly tokens: readonly Token[],
    readonly diagnostics: DiagnosticBag,
    readonly source: string,
  ) {}

  get current(): Token {
    return this.peek(0);
  }

  peek(ahead = 0): Token {
    const token = this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)];
    if (token === undefined) throw new Error("token stream must end with an 'end' token");
    return token;
  }

  previous(): Token {
    return this.tokens[Math.max(this.index - 1, 0)] ?? this.current;
  }

  check(kind: TokenKind): boolean {
    return this.current.kind === kind;
  }

  advance(): Token {
    const token = this.current;
    if (token.kind !== "end") this.index += 1;
    return token;
  }

  match(kind: TokenKind): Token | null {
    return this.check(kind) ? this.advance() : null;
  }

  expect(kind: TokenKind, expected = `'${kind}'`): Token {
    if (this.check(kind)) return this.advance();
    return this.unexpected(expected);
  }

  /** Expects the bracket that closes `open`, naming where it was opened. */
  expectClosing(kind: ")" | "]" | "}", open: Token): Token {
    if (this.check(kind)) return this.advance();
    return this.unexpected(`'${kind}' to close '${open.kind}' opened at ${position(open.span)}`);
  }

  expectName(what: string): Token {
    if (this.check("name")) return this.advance();
    const token = this.current;
    if (/^[A-Za-z_]\w*$/.test(token.text) && token.kind !== "error") {
      this.fail(token.span, "reserved-word", `expected ${what}, found the reserved word '${token.text}'`);
    }
    return this.unexpected(what);
  }

  /** Reports "expected …, found …" (or a construct-specific message) at the current token and aborts. */
  unexpected(expected: string): never {
    const token = this.current;
    // The lexer already explained an invalid token or a string that ate the rest of the line.
    if (token.kind === "error" || this.previous().unterminated === true) throw new ParseAbort();
    const next = this.peek(1);
    const doubled = next.kind === token.kind && next.span.offset === token.span.endOffset;
    if (doubled && (token.kind === "&" || token.kind === "|")) {
      const word = token.kind === "&" ? "and" : "or";
      this.fail(
        joinSpans(token.span, next.span),
        "unsupported-syntax",
        `Dana writes '${word}', not '${token.kind}${token.kind}'`,
      );
    }
    if (token.kind === "=" && expected.startsWith("':' to end")) {
      this.fail(token.span, "unexpected-token", `expected ${expected}, found '=' (compare with '==')`);
    }
    const special = unsupportedTokenMessages[token.kind];
    if (special !== undefined) this.fail(token.span, unsupportedTokenCode(token.kind), special);
    const previous = this.previous();
    if (token.kind === "string" && previous.kind === "name" && previous.span.endOffset === token.span.offset) {
      this.fail(
        previous.span,
        "unsupported-syntax",
        `the string prefix '${previous.text}' is not supported in Dana (only r"..." and f"...")`,
      );
    }
    if (token.kind === "string" && previous.kind === "string" && this.index > 0) {
      this.fail(
        token.span,
        "adjacent-strings",
        "adjacent string literals are not joined in Dana; use + to concatenate",
      );
    }
    this.fail(token.span, "unexpected-token", `expected ${expected}, found ${describeToken(token)}`);
  }

  /** Reports an error and aborts the current statement. */
  fail(span: Span, code: string, message: string): never {
    this.diagnostics.error(code, message, span);
    throw new ParseAbort();
  }

  /** Reports an error without aborting (the parse can go on sensibly). */
  report(span: Span, code: string, message: string): void {
    this.diagnostics.error(code, message, span);
  }

  /** The span from `start` to the end of the last consumed token. */
  spanFrom(start: Span | Token): Span {
    const startSpan = "kind" in start ? start.span : start;
    // A compound statement ends with its block's last real token, not the layout tokens after it.
    let lastIndex = this.index - 1;
    while (lastIndex > 0 && isLayout(this.tokens[lastIndex]?.kind)) lastIndex -= 1;
    const last = this.tokens[Math.max(lastIndex, 0)] ?? this.current;
    return last.span.endOffset < startSpan.offset ? startSpan : joinSpans(startSpan, last.span);
  }

  /** Enters a recursive rule; reports once the nesting is deeper than any real program needs. */
  enter(): void {
    this.nesting += 1;
    if (this.nesting > maximumNesting) {
      this.nesting = 0;
      this.fail(
        this.current.span,
        "nesting-too-deep",
        `expression nested too deeply (more than ${maximumNesting} levels)`,
      );
    }
  }

  leave(): void {
    this.nesting -= 1;
  }

  /** True at a token that ends a simple statement. */
  atStatementEnd(): boolean {
    const kind = this.current.kind;
    return kind === "newline" || kind === ";" || kind === "end" || kind === "dedent";
  }
}

export interface ParseOptions {
  /** File name used in diagnostics and spans' owner; defaults to "<string>". */
  readonly file?: string;
}

export interface ParseResult {
  readonly program: Program;
  readonly diagnostics: import("../source.js").Diagnostic[];
}

/** Parses and also returns the parser's lint notes (used by `check`). */
export function parseWithNotes(
  source: string,
  options: ParseOptions = {},
): ParseResult & { readonly notes: Parser["notes"] } {
  const file = options.file ?? "<string>";
  const diagnostics = new DiagnosticBag(file);
  const tokens = tokenize(source, diagnostics);
  const parser = new Parser(tokens, diagnostics, source);
  let body: Statement[];
  try {
    body = parseProgramBody(parser);
  } catch (error) {
    // The nesting limits should make this unreachable; `parse` must still never throw on hostile input.
    if (!(error instanceof RangeError)) throw error;
    diagnostics.error("nesting-too-deep", "program nested too deeply to parse", emptySpan);
    body = [];
  }
  if (body.length === 0 && source.trim() === "") {
    diagnostics.error("empty-program", "a Dana program needs at least one statement (the file is empty)", emptySpan);
  }
  const last = tokens[tokens.length - 1];
  const span: Span = {
    line: 1,
    column: 1,
    endLine: last?.span.endLine ?? 1,
    endColumn: last?.span.endColumn ?? 1,
    offset: 0,
    endOffset: source.length,
  };
  const program: Program = { kind: "Program", file, body, source, span };
  const sorted = [...diagnostics.items].sort((a, b) => a.span.offset - b.span.offset);
  return { program, diagnostics: sorted, notes: parser.notes };
}

/** Parses Dana source. Never throws: syntax errors come back as diagnostics, with a best-effort AST. */
export function parse(source: string, options: ParseOptions = {}): ParseResult {
  const { program, diagnostics } = parseWithNotes(source, options);
  return { program, diagnostics };
}
