// Builtin functions and methods of builtin types. Owned by the values work.
export * from "./builtin-function.js";
export * from "./functions.js";
export { allBuiltinMethodNames, callBuiltinMethod, getBuiltinAttribute, hasBuiltinMethod } from "./methods.js";
export { sortValues } from "./sort.js";
