/**
 * `@dana-gateway/converters` — the Dana table value shared by the Arrow (`./arrow`) and danfojs
 * (`./dataframe`) plugins. This entry point loads neither library.
 */
export * from "./table/index.js";

/** Package identity, used in error messages and diagnostics. */
export const packageName = "@dana-gateway/converters";
