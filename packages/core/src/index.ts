/**
 * @dana-gateway/core — run and call Dana code from TypeScript through a secure gateway.
 */
export type { DanaFunction } from "./api/dana-function.js";
export { DanaModule, type UntypedModuleMembers } from "./api/dana-module.js";
export { DanaObject } from "./api/dana-object.js";
export {
  type ConversionScope,
  type DanaTupleArray,
  DanaType,
  danaTypeOf,
  float,
  isTuple,
  type TypeConverter,
  TypeConverterRegistry,
  tuple,
  typeConverters,
} from "./conversion/index.js";
export * from "./errors/index.js";
export * as errors from "./errors/index.js";
export type { Capability } from "./host/capabilities.js";
export type { IsolationMode, SandboxBackend, SandboxBackendEvents, SandboxBackendFactory } from "./protocol/backend.js";
export { type NativeValueCodec, registerNativeCodec } from "./protocol/native-codecs.js";
export type { ReasonOptions } from "./reason/reason-options.js";
export type { ReasoningCacheOptions, ReasoningCacheStats } from "./reason/reasoning-cache.js";
export { DanaContext, type EvalOptions, type EvalResult } from "./runtime/dana-context.js";
export { DanaRuntime, type ReasoningCacheControl } from "./runtime/dana-runtime.js";
export { dana, danaFunction } from "./runtime/default-instance.js";
export type { DanaContextOptions, DanaRuntimeOptions, HostFunction, RequestOptions } from "./runtime/options.js";
export { checkHandleLeaks, type HandleLeakReport } from "./testing/leak-check.js";

/** Package identity, used in error messages and diagnostics. */
export const packageName = "@dana-gateway/core";
