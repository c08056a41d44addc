export * from "./classes.js";
export { DanaError, type DanaErrorOptions, type SerializedDanaError } from "./dana-error.js";
export { toDanaError } from "./from-language.js";
