/**
 * Options of `DanaRuntime.create()` and `runtime.createContext()`, with their validation. Unknown keys are
 * rejected with the list of valid ones: a misspelt `timeoutMS` must not silently mean "no timeout".
 */
import type { LanguageModel } from "@dana-gateway/llm-pool";
import type { TypeConverterRegistry } from "../conversion/type-converter.js";
import type { Capability } from "../host/capabilities.js";
import type { IsolationMode, SandboxBackendFactory } from "../protocol/backend.js";
import type { ReasoningCacheOptions } from "../reason/reasoning-cache.js";
import { describeType } from "./argument-checks.js";

/** A TypeScript function Dana code may call. Arguments arrive converted to JavaScript; keywords in a trailing object. */
export type HostFunction = (...args: never[]) => unknown;

export interface RequestOptions {
  readonly signal?: AbortSignal;
  /** Wall-clock budget for this call, waits on the host included. */
  readonly timeoutMs?: number;
}

export interface DanaContextOptions extends RequestOptions {
  /** Where the sandbox runs. Default "inprocess" (fastest; no memory isolation — see the README). */
  readonly isolation?: IsolationMode;
  /** Deny by default. See `Capability`. */
  readonly capabilities?: readonly Capability[];
  /** Functions Dana may call by name; passing them here grants them. */
  readonly hostFunctions?: Readonly<Record<string, HostFunction>>;
  /** Folders searched by `import` (before `DANAPATH`); also readable by `ctx.run(file)`. */
  readonly modulePaths?: readonly string[];
  /** Dana steps (loop iterations + calls) per request. */
  readonly maxSteps?: number;
  readonly maxRecursionDepth?: number;
  /**
   * Largest single value (string, list, dict, big int) a program may build, checked by the interpreter in
   * every mode; worker and process isolation also cap the sandbox's whole heap near this size.
   */
  readonly maxMemoryBytes?: number;
  /** Total `print` output per request (eval, run, call). */
  readonly maxOutputBytes?: number;
  /** Receives `print` output as it happens (it is also returned by `eval`/`run`). */
  readonly stdout?: (text: string) => void;
  /** Re-import modules whose files change (uses `fs.watch`; off by default). */
  readonly watchModules?: boolean;
  /**
   * Watch mode: called when a changed module no longer parses (its old version keeps running). Default: a
   * `DanaModuleReloadWarning` process warning with the diagnostics.
   */
  readonly onModuleReloadError?: (error: import("../errors/classes.js").DanaSyntaxError) => void;
}

export interface DanaRuntimeOptions {
  /** Default model for `reason()`, as `"provider:model"`; default from the environment (offline when unset). */
  readonly model?: string | LanguageModel;
  /** Most concurrent LLM calls. */
  readonly maxConcurrentLLMCalls?: number;
  /** Environment for LLM settings and `DANAPATH`; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cache?: ReasoningCacheOptions;
  /** Host functions every context may be granted with `"host:<name>"` capabilities. */
  readonly hostFunctions?: Readonly<Record<string, HostFunction>>;
  /** Defaults for every context (a context's own options win). */
  readonly contextDefaults?: DanaContextOptions;
  /** Converters for class instances and other values the built-in rules do not know. */
  readonly typeConverters?: TypeConverterRegistry;
  /** Backends for isolated modes; default: this package's worker and child-process backends. */
  readonly backends?: Partial<Record<"worker" | "process", SandboxBackendFactory>>;
}

const contextOptionNames = [
  "isolation",
  "capabilities",
  "hostFunctions",
  "modulePaths",
  "timeoutMs",
  "maxSteps",
  "maxRecursionDepth",
  "maxMemoryBytes",
  "maxOutputBytes",
  "stdout",
  "signal",
  "watchModules",
  "onModuleReloadError",
] as const;

const runtimeOptionNames = [
  "model",
  "maxConcurrentLLMCalls",
  "env",
  "cache",
  "hostFunctions",
  "contextDefaults",
  "typeConverters",
  "backends",
] as const;

export function rejectUnknownKeys(options: object, valid: readonly string[], what: string): void {
  for (const key of Object.keys(options)) {
    if (!valid.includes(key))
      throw new TypeError(`Unknown option '${key}' in ${what}; valid options: ${valid.join(", ")}`);
  }
}

function positiveNumber(value: unknown, name: string, integer: boolean): void {
  if (value === undefined) return;
  if (typeof value !== "number") throw new TypeError(`Expected number, got ${describeType(value)} at option '${name}'`);
  if (!(value > 0) || !Number.isFinite(value) || (integer && !Number.isSafeInteger(value))) {
    throw new RangeError(`Expected a positive ${integer ? "integer" : "number"}, got ${value} at option '${name}'`);
  }
}

function functionRecord(value: unknown, name: string): void {
  if (value === undefined) return;
  if (typeof value !== "object" || value === null)
    throw new TypeError(`Expected object, got ${describeType(value)} at option '${name}'`);
  for (const [key, item] of Object.entries(value)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key))
      throw new TypeError(`Invalid Dana function name '${key}' at option '${name}'`);
    if (typeof item !== "function")
      throw new TypeError(`Expected function, got ${describeType(item)} at option '${name}.${key}'`);
  }
}

export function validateContextOptions(options: unknown, what = "createContext() options"): DanaContextOptions {
  if (options === undefined) return {};
  if (typeof options !== "object" || options === null)
    throw new TypeError(`Expected object, got ${describeType(options)} at argument 'options'`);
  rejectUnknownKeys(options, contextOptionNames, what);
  const record = options as DanaContextOptions;
  if (record.isolation !== undefined && !["inprocess", "worker", "process"].includes(record.isolation)) {
    throw new TypeError(
      `Expected "inprocess", "worker" or "process", got ${JSON.stringify(record.isolation)} at option 'isolation'`,
    );
  }
  functionRecord(record.hostFunctions, "hostFunctions");
  if (
    record.modulePaths !== undefined &&
    (!Array.isArray(record.modulePaths) || record.modulePaths.some((path) => typeof path !== "string"))
  ) {
    throw new TypeError("Expected an array of strings at option 'modulePaths'");
  }
  positiveNumber(record.timeoutMs, "timeoutMs", false);
  for (const name of ["maxSteps", "maxRecursionDepth", "maxMemoryBytes", "maxOutputBytes"] as const) {
    positiveNumber(record[name], name, true);
  }
  if (record.stdout !== undefined && typeof record.stdout !== "function") {
    throw new TypeError(`Expected function, got ${describeType(record.stdout)} at option 'stdout'`);
  }
  if (record.signal !== undefined && !(record.signal instanceof AbortSignal)) {
    throw new TypeError(`Expected AbortSignal, got ${describeType(record.signal)} at option 'signal'`);
  }
  if (record.onModuleReloadError !== undefined && typeof record.onModuleReloadError !== "function") {
    throw new TypeError(
      `Expected function, got ${describeType(record.onModuleReloadError)} at option 'onModuleReloadError'`,
    );
  }
  if (record.watchModules !== undefined && typeof record.watchModules !== "boolean") {
    throw new TypeError(`Expected boolean, got ${describeType(record.watchModules)} at option 'watchModules'`);
  }
  return record;
}

export function checkCacheOptions(options: ReasoningCacheOptions): void {
  rejectUnknownKeys(options, ["maxSize", "ttlMs", "cacheNonZeroTemperature"], "option 'cache'");
  const { maxSize, ttlMs, cacheNonZeroTemperature } = options;
  if (maxSize !== undefined && (!Number.isSafeInteger(maxSize) || maxSize < 0)) {
    throw new TypeError(`Expected a whole number >= 0, got ${String(maxSize)} at option 'cache.maxSize'`);
  }
  if (ttlMs !== undefined && (typeof ttlMs !== "number" || !Number.isFinite(ttlMs) || ttlMs <= 0)) {
    throw new TypeError(`Expected a positive number of milliseconds, got ${String(ttlMs)} at option 'cache.ttlMs'`);
  }
  if (cacheNonZeroTemperature !== undefined && typeof cacheNonZeroTemperature !== "boolean") {
    throw new TypeError(
      `Expected boolean, got ${describeType(cacheNonZeroTemperature)} at option 'cache.cacheNonZeroTemperature'`,
    );
  }
}

export function validateRuntimeOptions(options: unknown): DanaRuntimeOptions {
  if (options === undefined) return {};
  if (typeof options !== "object" || options === null)
    throw new TypeError(`Expected object, got ${describeType(options)} at argument 'options'`);
  rejectUnknownKeys(options, runtimeOptionNames, "DanaRuntime.create() options");
  const record = options as DanaRuntimeOptions;
  if (record.model !== undefined && typeof record.model !== "string" && typeof record.model?.generate !== "function") {
    throw new TypeError(`Expected string, got ${describeType(record.model)} at option 'model'`);
  }
  positiveNumber(record.maxConcurrentLLMCalls, "maxConcurrentLLMCalls", true);
  functionRecord(record.hostFunctions, "hostFunctions");
  if (record.contextDefaults !== undefined) validateContextOptions(record.contextDefaults, "contextDefaults");
  if (record.cache !== undefined) checkCacheOptions(record.cache);
  return record;
}

export function validateRequestOptions(options: unknown, what: string): RequestOptions {
  if (options === undefined) return {};
  if (typeof options !== "object" || options === null)
    throw new TypeError(`Expected object, got ${describeType(options)} at argument 'options'`);
  positiveNumber((options as RequestOptions).timeoutMs, "timeoutMs", false);
  const signal = (options as RequestOptions).signal;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new TypeError(`Expected AbortSignal, got ${describeType(signal)} at option 'signal' of ${what}`);
  }
  return options as RequestOptions;
}
