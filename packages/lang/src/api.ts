/**
 * The embedding API of the language package, as a type: what the gateway and the CLI call.
 * `runtime/interpreter.ts` implements it (`class Interpreter implements DanaInterpreter`).
 */
import type { DanaHost, Limits } from "./host.js";
import type { DanaModule, KeywordArguments, Value } from "./values/types.js";

export interface InterpreterOptions {
  readonly host?: Partial<DanaHost>;
  readonly limits?: Partial<Limits>;
}

export interface EvaluateOptions {
  /** File name for errors and relative imports; defaults to "<string>". */
  readonly file?: string;
  /** Values bound as top-level names before the program runs (values cross as data, never as source). */
  readonly inputs?: ReadonlyMap<string, Value> | Readonly<Record<string, Value>>;
  /** Budgets for this evaluation only (override the interpreter's). */
  readonly limits?: Partial<Limits>;
}

export interface EvaluateResult {
  /** The value of the last statement (assignments yield the assigned value; `print` yields None). */
  readonly value: Value;
}

export interface CallOptions {
  readonly limits?: Partial<Limits>;
}

export interface DanaInterpreter {
  /**
   * Parses and runs `source` in this interpreter's root context: top-level names persist across calls (a REPL).
   * Rejects with `DanaSyntaxException` (every diagnostic) or `DanaException` (a Dana error with traceback).
   * Pure computation runs synchronously to completion; the promise only waits while the host works
   * (reason, host functions, module resolution), so the event loop is never blocked on the host.
   */
  evaluate(source: string, options?: EvaluateOptions): Promise<EvaluateResult>;
  /** As `evaluate`, but throws `DanaException("RuntimeError")` if the program needs an asynchronous host call. */
  evaluateSync(source: string, options?: EvaluateOptions): EvaluateResult;
  /** Imports (once; cached per interpreter) a module by dotted name through `host.resolveModule`. */
  importModule(name: string, options?: CallOptions): Promise<DanaModule>;
  /** Calls a Dana callable (function, lambda, struct constructor, bound method) with Dana values. */
  call(callee: Value, positional: readonly Value[], keywords?: KeywordArguments, options?: CallOptions): Promise<Value>;
  /** As `call`, synchronous; throws if the callee needs an asynchronous host call. */
  callSync(callee: Value, positional: readonly Value[], keywords?: KeywordArguments, options?: CallOptions): Value;
  /** A top-level name of the root context, or undefined. */
  getGlobal(name: string): Value | undefined;
  /** Forgets cached modules (all, or those loaded from the given files), so the next import re-reads them. */
  invalidateModules(files?: readonly string[]): void;
  /** Stops the running evaluation at its next step with an uncatchable `DanaLimitError("cancelled")`. */
  cancel(reason?: string): void;
}
