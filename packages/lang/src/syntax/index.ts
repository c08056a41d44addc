// Public surface of the syntax layer (lexer, parser, linter). Owned by the syntax work.
export type * from "./ast.js";
export { formatExpression, formatProgram, formatType } from "./format.js";
export { lex } from "./lexer.js";
export { check, lintProgram } from "./lint.js";
export type { ParseOptions, ParseResult } from "./parser.js";
export { parse } from "./parser.js";
export type { Token, TokenKind } from "./tokens.js";
export { isReservedWord } from "./tokens.js";
