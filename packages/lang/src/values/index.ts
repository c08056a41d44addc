// Public surface of the value layer (printing, equality, arithmetic, conversions). Owned by the values work.
export * from "./access.js";
export * from "./arithmetic.js";
export * from "./compare.js";
export * from "./print.js";
export * from "./services.js";
export * from "./truthiness.js";
export * from "./types.js";
