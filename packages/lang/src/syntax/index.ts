/**
 * The syntax layer of Dana: lexer, recovering parser, linter and printer.
 *
 * - `parse(source, { file })` → `{ program, diagnostics }`: never throws; syntax errors come back as
 *   `SyntaxError` diagnostics (every mistake in the file, not just the first) with a best-effort AST.
 * - `check(source, { file })` → syntax errors plus lint warnings (undefined names, unreachable code,
 *   unused imports, builtin-named defs, misplaced break/continue/return/`$$`, literal f-string placeholders).
 * - `formatProgram(program)` → Dana source that parses back to the same AST.
 * - `lex(source)` → the tokens, for tools and benchmarks.
 */
export type * from "./ast.js";
export { formatExpression, formatProgram, formatType } from "./format.js";
export { lex } from "./lexer.js";
export { check, lintProgram } from "./lint.js";
export type { ParseOptions, ParseResult } from "./parser.js";
export { parse } from "./parser.js";
export type { Token, TokenKind } from "./tokens.js";
export { isReservedWord } from "./tokens.js";
