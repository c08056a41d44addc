/** The `dana` command line, as a library (the bin is a thin wrapper around `main`). */

export { formatTraceback } from "@dana-gateway/lang";
export { codeFrame } from "./code-frame.js";
export type { MainIo } from "./main.js";
export { main } from "./main.js";
export { diagnosticHeader, formatDiagnostic, formatRuntimeError } from "./report.js";

/** Package identity, used in error messages and diagnostics. */
export const packageName = "@dana-gateway/cli";
