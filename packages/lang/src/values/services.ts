/**
 * What builtins need from the evaluator. The runtime implements this interface and passes it to every builtin
 * function and builtin method call, so the value layer never reaches for a global or a host API.
 */
import type { Limits } from "../host.js";
import type { DanaStructType, KeywordArguments, Value } from "./types.js";

export type LogLevel = "DEBUG" | "INFO" | "WARNING" | "ERROR" | "CRITICAL";

export interface RuntimeServices {
  readonly limits: Limits;
  /** Writes `print` output; the runtime side enforces the output budget. */
  writeStdout(text: string): void;
  log(level: LogLevel, message: string): void;
  /** Synchronously calls a Dana callable (user function, lambda, builtin, bound method) — for `sort(key=…)` etc. */
  call(callee: Value, positional: readonly Value[], keywords?: KeywordArguments): Value;
  /** Looks up a struct type by name for typed-assignment coercion and isinstance; undefined if none. */
  findStruct(name: string): DanaStructType | undefined;
  /**
   * Counts `count` steps of work done inside a builtin; builtins looping over a long value call it every few
   * thousand items so the step budget, the deadline and cancel() apply inside them too (it throws the
   * runtime's DanaLimitError). Optional: hosts that evaluate nothing long (a field validator) may omit it.
   */
  step?(count?: number): void;
}

/** The part of RuntimeServices that bounds work: the memory budget and the step/deadline hook. */
export type Budget = Pick<RuntimeServices, "limits" | "step">;
