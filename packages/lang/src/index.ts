/**
 * @dana-gateway/lang — the Dana language in pure TypeScript (no Node APIs).
 */
export type * from "./api.js";
export * from "./builtins/index.js";
export type { DanaErrorLocation, LimitKind, TraceFrame } from "./errors.js";
export { DanaException, DanaLimitError, DanaSyntaxException } from "./errors.js";
export type { DanaHost, ExpectedType, Limits, ModuleRequest, ModuleSource, ReasonRequest } from "./host.js";
export { defaultLimits } from "./host.js";
export * from "./runtime/index.js";
export type { Diagnostic, Severity, Span } from "./source.js";
export { emptySpan } from "./source.js";
export * as ast from "./syntax/ast.js";
export * from "./syntax/index.js";
export { formatTraceback } from "./traceback.js";
export * from "./values/index.js";

/** Package identity, used in error messages and diagnostics. */
export const packageName = "@dana-gateway/lang";
