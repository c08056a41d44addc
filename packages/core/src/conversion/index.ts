export { DanaType, danaTypeOf } from "./dana-type.js";
export { type DanaTupleArray, float, isTuple, tuple } from "./markers.js";
export { type ConversionScope, type TypeConverter, TypeConverterRegistry, typeConverters } from "./type-converter.js";
export { type GatewayObjectHooks, ValueConverter } from "./value-converter.js";
