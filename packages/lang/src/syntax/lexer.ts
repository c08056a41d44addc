/**
 * The Dana lexer: source text → tokens with spans, including explicit
 * NEWLINE / INDENT / DEDENT layout tokens (spec 1.1), in the style of
 * pyright's tokenizer.
 *
 * Layout rules: tabs advance to the next multiple of 8; blank lines and
 * newlines inside brackets produce nothing; a comment on its own line must be
 * indented like the surrounding block (a kept DIFF: in the reference a
 * comment is a statement), which is checked here and then the comment is
 * dropped. A trailing comment is attached to the line's NEWLINE token (struct
 * fields use it as their description).
 *
 * The lexer never throws: it reports a diagnostic and emits an `error` token
 * (or, for an unterminated string, the string read so far) and carries on.
 */
import type { Diagnostic, Span } from "../source.js";
import { isDigit, isIdentifierPart, isIdentifierStart, parseInteger, scanNumber } from "./characters.js";
import { misindentedComments, type PendingComment } from "./comment-layout.js";
import { DiagnosticBag } from "./diagnostics.js";
import {
  falseSpellings,
  keywordSet,
  noneSpellings,
  punctuatorsByFirstCharacter,
  type StringPrefix,
  statementOnlyKeywords,
  type Token,
  type TokenKind,
  trueSpellings,
} from "./tokens.js";

export interface LexerOptions {
  /** Lex only `source[start, end)` — used for the expressions inside f-strings. */
  readonly start?: number;
  readonly end?: number;
  readonly line?: number;
  readonly column?: number;
  /**
   * Expression mode: no layout tokens, newlines ignored, ends with `end`
   * and no NEWLINE (f-string placeholders).
   */
  readonly expressionMode?: boolean;
}

const closingFor: Readonly<Record<string, string>> = { "(": ")", "[": "]", "{": "}" };

/** Tokens of a whole file plus the lexical errors (for tools and benchmarks; `parse` does this itself). */
export function lex(
  source: string,
  options: { readonly file?: string } = {},
): { tokens: Token[]; diagnostics: Diagnostic[] } {
  const diagnostics = new DiagnosticBag(options.file ?? "<string>");
  return { tokens: tokenize(source, diagnostics), diagnostics: diagnostics.items };
}

export function tokenize(source: string, diagnostics: DiagnosticBag, options: LexerOptions = {}): Token[] {
  return new Lexer(source, diagnostics, options).run();
}

class Lexer {
  private position: number;
  private readonly end: number;
  private line: number;
  /** Offset of the first character of the current line (columns are computed from it). */
  private lineStart: number;
  private readonly expressionMode: boolean;
  private readonly tokens: Token[] = [];
  private readonly indentStack: number[] = [0];
  private readonly brackets: { readonly open: string; readonly span: Span }[] = [];
  private atLineStart = true;
  private pendingComments: PendingComment[] = [];
  private trailingComment: string | null = null;
  /** Whether the current logical line has produced a token (a NEWLINE is due at its end). */
  private lineHasTokens = false;

  constructor(
    private readonly source: string,
    private readonly diagnostics: DiagnosticBag,
    options: LexerOptions,
  ) {
    this.position = options.start ?? 0;
    this.end = options.end ?? source.length;
    this.line = options.line ?? 1;
    this.lineStart = this.position - ((options.column ?? 1) - 1);
    this.expressionMode = options.expressionMode ?? false;
    // Editors on Windows may save a byte-order mark; it is not part of the program.
    if (this.position === 0 && source.charCodeAt(0) === 0xfeff) {
      this.position = 1;
      this.lineStart = 1;
    }
    if (this.expressionMode) this.atLineStart = false;
  }

  run(): Token[] {
    while (true) {
      if (this.atLineStart && this.brackets.length === 0) {
        this.atLineStart = false;
        if (!this.startLine()) break;
      }
      if (this.position >= this.end) break;
      this.scanToken();
    }
    this.finish();
    return this.tokens;
  }

  // -------------------------------------------------------------------------
  // Layout

  /** Skips blank and comment-only lines, then emits INDENT/DEDENT for the next real line. False at end of input. */
  private startLine(): boolean {
    while (true) {
      let width = 0;
      let cursor = this.position;
      while (cursor < this.end) {
        const character = this.source[cursor];
        if (character === " ") width += 1;
        else if (character === "\t") width = width - (width % 8) + 8;
        else if (character === "\f") width = 0;
        else break;
        cursor += 1;
      }
      this.position = cursor;
      if (cursor >= this.end) {
        this.checkPendingComments(0, true);
        return false;
      }
      const character = this.source[cursor];
      if (character === "\n" || character === "\r") {
        this.consumeLineBreak();
        continue;
      }
      if (character === "#") {
        const start = this.spanAt(cursor, cursor);
        this.skipComment();
        this.pendingComments.push({ width, span: this.spanFrom(start) });
        continue;
      }
      this.applyIndentation(width);
      return true;
    }
  }

  private applyIndentation(width: number): void {
    this.checkPendingComments(width, false);
    const here = this.spanAt(this.position, this.position);
    let top = this.indentStack[this.indentStack.length - 1] ?? 0;
    if (width > top) {
      this.indentStack.push(width);
      this.push("indent", "", here);
      return;
    }
    while (width < top) {
      this.indentStack.pop();
      this.push("dedent", "", here);
      top = this.indentStack[this.indentStack.length - 1] ?? 0;
    }
    if (width > top) {
      this.diagnostics.error("inconsistent-dedent", "unindent does not match any outer indentation level", here);
      // Treat the line as a new block so the following lines at this width do not each report again.
      this.indentStack.push(width);
      this.push("indent", "", here);
    }
  }

  private checkPendingComments(nextWidth: number, atEnd: boolean): void {
    if (this.pendingComments.length === 0) return;
    const misplaced = misindentedComments(this.pendingComments, {
      indentStack: this.indentStack,
      nextWidth,
      atEnd,
      expectsBlock: this.lastSignificantKind() === ":",
    });
    this.pendingComments = [];
    for (const comment of misplaced) {
      this.diagnostics.error(
        "comment-indentation",
        "comment must be indented like the surrounding block",
        comment.span,
      );
    }
  }

  private lastSignificantKind(): TokenKind | null {
    for (let index = this.tokens.length - 1; index >= 0; index -= 1) {
      const kind = this.tokens[index]?.kind;
      if (kind !== "newline" && kind !== "indent" && kind !== "dedent") return kind ?? null;
    }
    return null;
  }

  private finish(): void {
    if (this.expressionMode) {
      this.push("end", "", this.spanAt(this.position, this.position));
      return;
    }
    const here = this.spanAt(this.position, this.position);
    // Inside an open bracket the parser should report "found end of file", not "end of line".
    if (this.lineHasTokens && this.brackets.length === 0) {
      this.push("newline", "", here, { comment: this.takeTrailingComment() });
    }
    while (this.indentStack.length > 1) {
      this.indentStack.pop();
      this.push("dedent", "", here);
    }
    this.push("end", "", here);
  }

  private consumeLineBreak(): void {
    if (this.source[this.position] === "\r" && this.source[this.position + 1] === "\n") this.position += 1;
    this.position += 1;
    this.line += 1;
    this.lineStart = this.position;
  }

  private skipComment(): string {
    const start = this.position;
    while (this.position < this.end) {
      const character = this.source[this.position];
      if (character === "\n" || character === "\r") break;
      this.position += 1;
    }
    return this.source.slice(start, this.position);
  }

  private takeTrailingComment(): string | null {
    const comment = this.trailingComment;
    this.trailingComment = null;
    return comment;
  }

  // -------------------------------------------------------------------------
  // Tokens

  private scanToken(): void {
    const character = this.source[this.position] ?? "";
    if (character === " " || character === "\t" || character === "\f") {
      this.position += 1;
      return;
    }
    if (character === "\n" || character === "\r") {
      this.scanLineBreak();
      return;
    }
    if (character === "#") {
      const text = this.skipComment();
      if (this.brackets.length === 0) this.trailingComment = text.replace(/^#+/, "").trim();
      return;
    }
    if (character === "\\") {
      const start = this.position;
      this.position += 1;
      const next = this.source[this.position];
      const span = this.spanAt(start, this.position);
      if (next === "\n" || next === "\r" || next === undefined) {
        this.diagnostics.error(
          "line-continuation",
          "backslash line continuation is not supported in Dana; wrap the expression in parentheses",
          span,
        );
      } else {
        this.diagnostics.error("unexpected-character", "unexpected character '\\'", span);
      }
      this.push("error", "\\", span);
      return;
    }
    if (isDigit(character) || (character === "." && isDigit(this.source[this.position + 1] ?? ""))) {
      this.scanNumber();
      return;
    }
    if (isIdentifierStart(character)) {
      this.scanWord();
      return;
    }
    if (character === '"' || character === "'") {
      this.scanString(this.position, "");
      return;
    }
    for (const punctuator of punctuatorsByFirstCharacter.get(character) ?? []) {
      if (this.source.startsWith(punctuator, this.position) && this.position + punctuator.length <= this.end) {
        this.scanPunctuator(punctuator);
        return;
      }
    }
    const start = this.position;
    const codePoint = this.source.codePointAt(start) ?? 0;
    this.position += codePoint > 0xffff ? 2 : 1;
    const text = this.source.slice(start, this.position);
    const span = this.spanAt(start, this.position);
    const hint = text === "!" ? "; Dana uses 'not' for negation" : "";
    this.diagnostics.error("unexpected-character", `unexpected character '${text}'${hint}`, span);
    this.push("error", text, span);
  }

  private scanLineBreak(): void {
    const newlineSpan = this.spanAt(this.position, this.position + 1);
    this.consumeLineBreak();
    if (this.expressionMode) return;
    if (this.brackets.length > 0) {
      if (!this.nextLineStartsStatement()) return;
      // A bracket was left open: close the logical line here so the parser reports
      // "expected ')' … found end of line" and the next statement parses normally.
      this.brackets.length = 0;
    }
    if (this.lineHasTokens) this.push("newline", "", newlineSpan, { comment: this.takeTrailingComment() });
    this.atLineStart = true;
  }

  /**
   * Whether the line after a line break inside brackets can only be a new
   * statement: it starts with a statement keyword, or with `name =` where no
   * keyword argument or parameter default is possible (those follow `(` or `,`).
   */
  private nextLineStartsStatement(): boolean {
    let cursor = this.position;
    while (cursor < this.end && (this.source[cursor] === " " || this.source[cursor] === "\t")) cursor += 1;
    let wordEnd = cursor;
    while (wordEnd < this.end && isIdentifierPart(this.source[wordEnd] ?? "")) wordEnd += 1;
    if (statementOnlyKeywords.has(this.source.slice(cursor, wordEnd))) return true;
    const previous = this.tokens[this.tokens.length - 1]?.kind;
    if (previous === "(" || previous === "," || wordEnd === cursor) return false;
    const rest = this.source.slice(wordEnd, Math.min(wordEnd + 8, this.end));
    return /^[ \t]*(=(?!=)|[-+*/]=)/.test(rest);
  }

  private scanPunctuator(punctuator: string): void {
    const start = this.position;
    this.position += punctuator.length;
    const span = this.spanAt(start, this.position);
    if (punctuator === "(" || punctuator === "[" || punctuator === "{") {
      this.brackets.push({ open: punctuator, span });
    } else if (punctuator === ")" || punctuator === "]" || punctuator === "}") {
      const open = this.brackets[this.brackets.length - 1];
      if (open !== undefined && closingFor[open.open] === punctuator) this.brackets.pop();
      // A mismatched closer is left to the parser, which names both brackets.
    }
    this.push(punctuator as TokenKind, punctuator, span);
  }

  private scanNumber(): void {
    const start = this.position;
    const scan = scanNumber(this.source, start, this.end);
    this.position = scan.end;
    const text = this.source.slice(start, scan.end);
    const span = this.spanAt(start, scan.end);
    if (scan.kind === "invalid") {
      this.diagnostics.error("invalid-number", scan.message, span);
      this.push("error", text, span);
    } else {
      this.push(scan.kind, text, span, { value: scan.kind === "float" ? Number(text) : parseInteger(text) });
    }
  }

  private scanWord(): void {
    const start = this.position;
    while (isIdentifierPart(this.peek())) this.position += 1;
    const word = this.source.slice(start, this.position);
    const next = this.peek();
    if ((word === "r" || word === "f") && (next === '"' || next === "'")) {
      this.scanString(start, word);
      return;
    }
    const span = this.spanAt(start, this.position);
    if (trueSpellings.has(word)) this.push("boolean", word, span, { value: true });
    else if (falseSpellings.has(word)) this.push("boolean", word, span, { value: false });
    else if (noneSpellings.has(word)) this.push("none", word, span);
    else if (keywordSet.has(word)) this.push(word as TokenKind, word, span);
    else this.push("name", word, span);
  }

  /**
   * Strings keep their body verbatim (no escape processing, a kept DIFF); a
   * backslash only stops the next character from ending the string.
   */
  private scanString(start: number, prefix: StringPrefix): void {
    const startLine = this.line;
    const startColumn = start - this.lineStart + 1;
    const quoteCharacter = this.source[this.position] ?? '"';
    const triple = this.peek(1) === quoteCharacter && this.peek(2) === quoteCharacter;
    const quote = triple ? quoteCharacter.repeat(3) : quoteCharacter;
    this.position += quote.length;
    const bodyStart = { offset: this.position, line: this.line, column: this.position - this.lineStart + 1 };
    let terminated = false;
    let bodyEnd = this.position;
    while (this.position < this.end) {
      const character = this.source[this.position];
      if (character === "\\") {
        const next = this.peek(1);
        if (!triple && (next === "\n" || next === "\r" || next === "")) {
          this.position += 1;
          break;
        }
        if (next === "\n" || next === "\r") {
          this.position += 1;
          this.consumeLineBreak();
        } else {
          this.position += 2;
        }
        continue;
      }
      if (character === "\n" || character === "\r") {
        if (!triple) break;
        this.consumeLineBreak();
        continue;
      }
      if (this.source.startsWith(quote, this.position)) {
        bodyEnd = this.position;
        this.position += quote.length;
        terminated = true;
        break;
      }
      this.position += 1;
    }
    if (!terminated) {
      bodyEnd = Math.min(this.position, this.end);
      this.position = bodyEnd;
      const openingSpan: Span = {
        line: startLine,
        column: startColumn,
        endLine: startLine,
        endColumn: startColumn + prefix.length + quote.length,
        offset: start,
        endOffset: start + prefix.length + quote.length,
      };
      // The rest of the line was eaten by the string: brackets opened before it cannot be closed any more.
      if (!triple) this.brackets.length = 0;
      this.diagnostics.error(
        "unterminated-string",
        `unterminated string literal (opened with ${prefix}${quote} at ${startLine}:${startColumn})`,
        openingSpan,
      );
    }
    const span: Span = {
      line: startLine,
      column: startColumn,
      endLine: this.line,
      endColumn: this.position - this.lineStart + 1,
      offset: start,
      endOffset: this.position,
    };
    this.push("string", this.source.slice(start, this.position), span, {
      value: this.source.slice(bodyStart.offset, bodyEnd),
      prefix,
      quote,
      bodyStart,
      ...(terminated ? {} : { unterminated: true }),
    });
  }

  // -------------------------------------------------------------------------
  // Helpers

  private peek(ahead = 0): string {
    const index = this.position + ahead;
    return index < this.end ? (this.source[index] ?? "") : "";
  }

  private push(kind: TokenKind, text: string, span: Span, extra: Partial<Token> = {}): void {
    this.tokens.push({ kind, text, span, ...extra });
    if (kind === "newline") this.lineHasTokens = false;
    else if (kind !== "indent" && kind !== "dedent" && kind !== "end") this.lineHasTokens = true;
  }

  /** A span on the current line (tokens other than triple-quoted strings never cross lines). */
  private spanAt(start: number, end: number): Span {
    return {
      line: this.line,
      column: start - this.lineStart + 1,
      endLine: this.line,
      endColumn: end - this.lineStart + 1,
      offset: start,
      endOffset: end,
    };
  }

  private spanFrom(start: Span): Span {
    return { ...start, endColumn: this.position - this.lineStart + 1, endOffset: this.position };
  }
}
