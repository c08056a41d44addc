// Public surface of the evaluator (Interpreter). Owned by the runtime work.
export { DanaBoundMethod, DanaFunction, DanaMethodDispatch } from "./callables.js";
export { Interpreter, type RunProgramOptions, runProgram } from "./interpreter.js";
export { createSearchPathResolver, type SearchPathResolverOptions } from "./search-path-resolver.js";
