// Public surface of the syntax layer (lexer, parser, linter). Owned by the syntax work.
export type * from "./ast.js";
export type { ParseOptions, ParseResult } from "./parser.js";
export { parse } from "./parser.js";
export type { Token, TokenKind } from "./tokens.js";
