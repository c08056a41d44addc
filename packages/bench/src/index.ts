/** Package identity, used in error messages and diagnostics. */
export const packageName = "@dana-gateway/bench";
