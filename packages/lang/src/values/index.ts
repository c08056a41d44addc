// Public surface of the value layer (printing, equality, arithmetic, conversions). Owned by the values work.
export * from "./types.js";
