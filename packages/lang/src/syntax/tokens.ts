/**
 * Token kinds and the reserved-word table of Dana (spec 1.1).
 *
 * Keywords and punctuation use their own text as the kind (`"if"`, `"("`,
 * `"**"`), which keeps the parser readable (`parser.check("(")`). Literals,
 * names and layout tokens have symbolic kinds. Operators that Dana does not
 * have (`&`, `:=`, `**=` …) are still tokens, so the parser can name the
 * unsupported construct instead of reporting a bare "unexpected character".
 */
import type { Span } from "../source.js";

export const keywords = [
  "private",
  "public",
  "local",
  "system",
  "break",
  "continue",
  "pass",
  "return",
  "deliver",
  "sync",
  "if",
  "else",
  "elif",
  "while",
  "for",
  "def",
  "struct",
  "resource",
  "workflow",
  "interface",
  "try",
  "except",
  "finally",
  "raise",
  "assert",
  "import",
  "from",
  "with",
  "agent",
  "agent_blueprint",
  "lambda",
  "yield",
  "global",
  "nonlocal",
  "del",
  "and",
  "or",
  "not",
  "in",
  "is",
  "export",
  "as",
] as const;
export type Keyword = (typeof keywords)[number];

/** Spellings of the three constants; each is reserved too. */
export const trueSpellings: ReadonlySet<string> = new Set(["True", "true", "TRUE"]);
export const falseSpellings: ReadonlySet<string> = new Set(["False", "false", "FALSE"]);
export const noneSpellings: ReadonlySet<string> = new Set(["None", "none", "NONE", "null", "NULL"]);

export const keywordSet: ReadonlySet<string> = new Set<string>(keywords);

export function isReservedWord(word: string): boolean {
  return keywordSet.has(word) || trueSpellings.has(word) || falseSpellings.has(word) || noneSpellings.has(word);
}

/** Punctuation, longest first so the lexer can match greedily. */
export const punctuators = [
  "**=",
  "//=",
  "<<=",
  ">>=",
  "$$",
  "**",
  "//",
  "==",
  "!=",
  "<=",
  ">=",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "&=",
  "|=",
  "^=",
  "->",
  "::",
  ":=",
  "<<",
  ">>",
  "+",
  "-",
  "*",
  "/",
  "%",
  "<",
  ">",
  "=",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  ",",
  ":",
  ".",
  ";",
  "@",
  "|",
  "&",
  "^",
  "~",
] as const;
export type Punctuator = (typeof punctuators)[number];

/** Keywords that can only start a statement: seeing one at the start of a line inside brackets means a bracket was left open. */
export const statementOnlyKeywords: ReadonlySet<string> = new Set([
  "def",
  "struct",
  "interface",
  "while",
  "return",
  "try",
  "except",
  "finally",
  "import",
  "elif",
  "pass",
  "break",
  "continue",
  "raise",
  "assert",
  "with",
  "sync",
  "agent",
  "agent_blueprint",
  "resource",
  "workflow",
]);

/** Candidate punctuators for each first character, longest first (the lexer matches greedily). */
export const punctuatorsByFirstCharacter: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const punctuator of punctuators) {
    const first = punctuator[0] as string;
    map.set(first, [...(map.get(first) ?? []), punctuator]);
  }
  return map;
})();

export type TokenKind =
  | "name"
  | "int"
  | "float"
  | "string"
  | "boolean"
  | "none"
  | "newline"
  | "indent"
  | "dedent"
  | "end"
  /** A lexical error already reported by the lexer; the parser skips the statement silently. */
  | "error"
  | Keyword
  | Punctuator;

export type StringPrefix = "" | "r" | "f";

export interface Token {
  readonly kind: TokenKind;
  /** The source text of the token (empty for layout tokens). */
  readonly text: string;
  readonly span: Span;
  /** int: number | bigint; float: number; boolean: boolean; string: the verbatim body. */
  readonly value?: number | bigint | boolean | string;
  /** Strings only. */
  readonly prefix?: StringPrefix;
  /** Strings only: the quote that delimits the body (`"`, `'`, `"""`, `'''`). */
  readonly quote?: string;
  /** Strings only: where the body starts, so f-string expressions map back to the source. */
  readonly bodyStart?: { readonly offset: number; readonly line: number; readonly column: number };
  /** Strings only: true when the closing quote is missing (already reported by the lexer). */
  readonly unterminated?: boolean;
  /** Newlines only: the trailing `# comment` of the line, without the `#` marks. */
  readonly comment?: string | null;
}

/** How a token is named in "expected …, found …" messages. */
export function describeToken(token: Token): string {
  switch (token.kind) {
    case "name":
      return `name '${token.text}'`;
    case "int":
    case "float":
      return `number ${token.text}`;
    case "string":
      return "string literal";
    case "boolean":
    case "none":
      return `'${token.text}'`;
    case "newline":
      return "end of line";
    case "indent":
      return "an indented block";
    case "dedent":
      return "end of the indented block";
    case "end":
      return "end of file";
    case "error":
      return "an invalid token";
    default:
      return `'${token.kind}'`;
  }
}
