// Public surface of the syntax layer (lexer, parser, linter). Owned by the syntax work.
export type * from "./ast.js";
