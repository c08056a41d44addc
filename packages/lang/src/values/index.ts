// Public surface of the value layer (printing, equality, arithmetic, conversions). Owned by the values work.
export * from "./access.js";
export * from "./arithmetic.js";
export { DanaBigRange } from "./big-range.js";
export { codePointLength, compareStrings } from "./code-points.js";
export * from "./coerce.js";
export * from "./compare.js";
export { parseFloatText, toFloat, toInt } from "./convert.js";
export { floatRepr } from "./float-format.js";
export { formatValue } from "./format-spec.js";
export { intToFloat, intToString } from "./integers.js";
export * from "./json.js";
export { stringAsFloat, stringAsInt } from "./numeric-strings.js";
export * from "./print.js";
export * from "./services.js";
export * from "./truthiness.js";
export * from "./types.js";
