/**
 * The only doors between a running Dana program and the outside world.
 *
 * The evaluator never touches a Node API, a global or a host object: whatever a
 * program can do beyond computing comes through this interface, supplied by the
 * embedder (the gateway, the CLI, a test). Anything left out is simply absent.
 */
import type { KeywordArguments, Value } from "./values/types.js";

/** A module's source, found by the embedder's resolver. */
export interface ModuleSource {
  /** Canonical file name, used in errors and as the module cache key. */
  readonly file: string;
  readonly source: string;
  /** True for `a/b/__init__.na` and namespace folders (relative imports resolve inside it). */
  readonly isPackage?: boolean;
}

export interface ModuleRequest {
  /** Absolute dotted name after resolving relative dots, e.g. "shapes.circle". */
  readonly name: string;
  /** The dotted path as written, split: ["shapes", "circle"]. */
  readonly parts: readonly string[];
  /** Number of leading dots (0 = absolute import). */
  readonly relativeLevel: number;
  /** File of the importing module (null for code run with `evaluate` without a file). */
  readonly importer: string | null;
}

/** What the type-directed `reason()` expects, from `x: T = reason(...)`. */
export type ExpectedType =
  | { readonly kind: "primitive"; readonly name: "bool" | "int" | "float" | "str" | "dict" | "list" }
  | {
      readonly kind: "struct";
      readonly name: string;
      readonly fields: readonly { readonly name: string; readonly type: string; readonly description: string | null }[];
    };

export interface ReasonRequest {
  readonly prompt: string;
  /** Options after folding keyword arguments in, converted to plain JSON-compatible data. */
  readonly options: Readonly<Record<string, unknown>>;
  readonly expectedType: ExpectedType | null;
}

export interface DanaHost {
  /** `print` output. Called synchronously with each complete `print` call's text (including `end`). */
  writeStdout(text: string): void;
  /** `log(message, level)`; never part of stdout. */
  log?(level: "DEBUG" | "INFO" | "WARNING" | "ERROR" | "CRITICAL", message: string): void;
  /**
   * Finds a module's source. Return null when there is no such module (the evaluator raises
   * `ModuleNotFoundError` naming it). May be async (a file read); the program suspends meanwhile.
   */
  resolveModule?(request: ModuleRequest): ModuleSource | null | Promise<ModuleSource | null>;
  /**
   * The LLM behind `reason()`: returns the model's raw reply (a string) or already-structured JSON data.
   * The evaluator applies type-directed coercion (spec 1.11). Absent → `reason()` raises a Dana error saying
   * the host granted no LLM.
   */
  reason?(request: ReasonRequest): Promise<unknown> | unknown;
  /** Functions Dana code may call by name (`weather_for(city, day)`), checked by the host. */
  readonly functions?: ReadonlyMap<
    string,
    (positional: readonly Value[], keywords: KeywordArguments) => Value | Promise<Value>
  >;
  /** Monotonic milliseconds; defaults to `performance.now()` where available, else `Date.now()`. */
  now?(): number;
}

/** Budgets every evaluation runs under. All optional; defaults are documented in `defaultLimits`. */
export interface Limits {
  /** Loop back-edges + calls before `TimeoutError` (steps). */
  readonly maxSteps: number;
  /** Wall-clock budget for interpreter time only: time spent waiting on the host does not count. */
  readonly timeoutMs: number;
  /** Dana call depth before `RecursionError` (far below the host stack). */
  readonly maxRecursionDepth: number;
  /** Largest single value (string, list, dict, set, big integer) the program may build, in approximate bytes. */
  readonly maxMemoryBytes: number;
  /** Total `print` output in bytes (UTF-16 code units × 2 are not used: length in characters). */
  readonly maxOutputBytes: number;
  /** Digits allowed when converting an int to a string (CPython's default is 4300). */
  readonly maxIntDigits: number;
}

export const defaultLimits: Limits = {
  maxSteps: 1_000_000_000,
  timeoutMs: 30_000,
  maxRecursionDepth: 1_000,
  maxMemoryBytes: 256 * 1024 * 1024,
  maxOutputBytes: 16 * 1024 * 1024,
  maxIntDigits: 4_300,
};
