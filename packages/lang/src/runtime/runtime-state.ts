/**
 * The per-interpreter state every compiled closure shares: budgets and their counters, the global
 * `private:`/`public:`/`system:` scopes, type registries, the module cache, and the `RuntimeServices` the
 * builtins call back into.
 *
 * Budgets: one integer decrement per loop back-edge and per call (`tick`); every CHECK_INTERVAL steps
 * `checkpoint()` adds the chunk to the step count and reads the clock, so the deadline costs almost nothing.
 */
import { DanaException, DanaLimitError } from "../errors.js";
import { type DanaHost, defaultLimits, type Limits } from "../host.js";
import type { RuntimeServices } from "../values/index.js";
import {
  type DanaCallable,
  DanaDict,
  DanaHostFunction,
  DanaList,
  type DanaModule,
  DanaRange,
  DanaSet,
  type DanaStructType,
  type KeywordArguments,
  type Value,
} from "../values/types.js";
import { DanaWrappedFunction } from "./builtin-decorators.js";
import { DanaBoundMethod, DanaFunction, DanaMethodDispatch } from "./callables.js";

const CHECK_INTERVAL = 4096;

export interface ReplayLog {
  readonly entries: { readonly outcome: unknown; readonly failed: boolean }[];
  index: number;
}

/** Thrown through a builtin to ask the generator driver to run a callback that may wait for the host. */
export class SuspendRequest {
  constructor(
    readonly log: ReplayLog,
    readonly callee: Value,
    readonly positional: readonly Value[],
    readonly keywords: KeywordArguments | null,
  ) {}
}

const LARGE = 10_000;

function isLarge(value: Value | undefined): boolean {
  if (typeof value === "string") return value.length > LARGE * 10;
  if (value instanceof DanaList) return value.items.length > LARGE;
  if (value instanceof DanaRange) return value.length > LARGE;
  if (value instanceof DanaDict || value instanceof DanaSet) return value.size > LARGE;
  return false;
}

function mayWait(callee: Value): boolean {
  if (callee instanceof DanaFunction) return callee.code.maySuspend;
  if (callee instanceof DanaWrappedFunction) return mayWait(callee.inner);
  if (callee instanceof DanaHostFunction) return true;
  if (callee instanceof DanaBoundMethod) return mayWait(callee.method);
  if (callee instanceof DanaMethodDispatch) {
    return mayWait(callee.fallback) || [...callee.byType.values()].some((method) => mayWait(method));
  }
  return false;
}

export type LogLevel = "DEBUG" | "INFO" | "WARNING" | "ERROR" | "CRITICAL";

/** Filled by invoke.ts (kept as a hook to avoid an import cycle at module-evaluation time). */
export type SyncCaller = (
  runtime: Runtime,
  callee: Value,
  positional: readonly Value[],
  keywords: KeywordArguments | null,
) => Value;

export class Runtime implements RuntimeServices {
  limits: Limits;
  readonly baseLimits: Limits;
  /** Steps left before the next checkpoint. */
  tick = CHECK_INTERVAL;
  private chunk = CHECK_INTERVAL;
  private stepsBeforeChunk = 0;
  private startTime = 0;
  /** Milliseconds spent waiting on the host during this evaluation (excluded from timeoutMs). */
  hostWaitMilliseconds = 0;
  depth = 0;
  private outputUsed = 0;
  private cancelReason: string | null = null;
  /** True while an `evaluate`/`call` (not the Sync variants) runs: changes the wording of misuse errors. */
  asynchronousMode = false;
  running = false;

  readonly privateScope = new Map<string, Value>();
  readonly publicScope = new Map<string, Value>();
  readonly systemScope = new Map<string, Value>();
  /** Struct types by name (typed coercion, isinstance, reason's expected types). */
  readonly structs = new Map<string, DanaStructType>();
  /** Receiver and legacy methods by type name ("Point", "str", …), then method name. */
  readonly typeMethods = new Map<string, Map<string, DanaCallable>>();
  /** Errors being handled by an `except` body, innermost last (bare `raise`). */
  readonly handling: DanaException[] = [];
  /** Loaded modules by canonical file, and by absolute dotted name. */
  readonly modulesByFile = new Map<string, DanaModule>();
  readonly modulesByName = new Map<string, DanaModule>();
  /** Files of the modules being loaded right now, outermost first (circular import detection). */
  readonly loading: { name: string; file: string }[] = [];
  readonly now: () => number;
  /** Functions the runtime itself provides by name (reason). */
  readonly runtimeFunctions = new Map<string, Value>();
  /** The host's functions, wrapped once as Dana values. */
  readonly hostFunctions = new Map<string, DanaHostFunction>();
  syncCaller: SyncCaller | null = null;

  constructor(
    readonly host: Partial<DanaHost>,
    limits: Partial<Limits> | undefined,
  ) {
    this.baseLimits = { ...defaultLimits, ...limits };
    this.limits = this.baseLimits;
    const performanceClock = (globalThis as { performance?: { now(): number } }).performance;
    this.now = host.now ? () => host.now!() : performanceClock ? () => performanceClock.now() : () => Date.now();
    for (const [name, implementation] of host.functions ?? []) {
      this.hostFunctions.set(name, new DanaHostFunction(name, implementation));
    }
  }

  /** Resets the budgets for one top-level evaluation or call. */
  begin(overrides: Partial<Limits> | undefined, asynchronousMode: boolean): void {
    this.limits = overrides ? { ...this.baseLimits, ...overrides } : this.baseLimits;
    this.stepsBeforeChunk = 0;
    this.chunk = Math.max(1, Math.min(CHECK_INTERVAL, this.limits.maxSteps));
    this.tick = this.chunk;
    this.startTime = this.now();
    this.hostWaitMilliseconds = 0;
    this.depth = 0;
    this.outputUsed = 0;
    this.cancelReason = null;
    this.handling.length = 0;
    this.asynchronousMode = asynchronousMode;
  }

  /** Called when `tick` reaches zero: counts the chunk, then checks the step budget, the deadline and cancel. */
  checkpoint(): void {
    this.stepsBeforeChunk += this.chunk - Math.max(this.tick, 0);
    this.checkCancelled();
    if (this.stepsBeforeChunk >= this.limits.maxSteps) {
      this.tick = 0;
      throw new DanaLimitError("steps", "TimeoutError", `step budget exhausted (${this.limits.maxSteps} steps)`);
    }
    this.checkDeadline();
    this.chunk = Math.max(1, Math.min(CHECK_INTERVAL, this.limits.maxSteps - this.stepsBeforeChunk));
    this.tick = this.chunk;
  }

  /**
   * Counts `count` steps of work done inside a builtin (a builtin looping over a huge value should call this
   * every few thousand items), so the step budget, the deadline and cancel() also apply there.
   */
  step(count = 1): void {
    this.tick -= count;
    if (this.tick <= 0) this.checkpoint();
  }

  /**
   * A safety net for builtins that do not call `step`: after a builtin worked on a large value, check the
   * deadline and cancel() (a single builtin cannot be interrupted, but the program stops right after it).
   */
  afterBuiltin(receiver: Value | undefined, positional: readonly Value[]): void {
    if (isLarge(receiver) || positional.some(isLarge)) {
      this.checkCancelled();
      this.checkDeadline();
    }
  }

  /**
   * After an arithmetic operation produced a big integer: such an operation can take milliseconds to seconds
   * while counting as no step, so a loop of them would outrun the deadline until the next checkpoint. Reading
   * the clock costs far less than the operation did.
   */
  afterBigIntegerOperation(): void {
    this.checkCancelled();
    this.checkDeadline();
  }

  checkDeadline(): void {
    const elapsed = this.now() - this.startTime - this.hostWaitMilliseconds;
    if (elapsed > this.limits.timeoutMs) {
      this.tick = 0;
      throw new DanaLimitError(
        "timeout",
        "TimeoutError",
        `execution exceeded the time limit (${this.limits.timeoutMs} ms)`,
      );
    }
  }

  checkCancelled(): void {
    if (this.cancelReason !== null) {
      this.tick = 0;
      throw new DanaLimitError("cancelled", "CancelledError", this.cancelReason);
    }
  }

  /** Set while the program waits for the host, so that cancel() can stop the wait at once. */
  cancelWait: ((error: DanaLimitError) => void) | null = null;

  cancel(reason: string): void {
    if (!this.running) return;
    this.cancelReason = reason;
    this.tick = 0; // the next step checks
    this.cancelWait?.(new DanaLimitError("cancelled", "CancelledError", reason));
  }

  // RuntimeServices -----------------------------------------------------------------------------------------

  writeStdout(text: string): void {
    this.outputUsed += text.length;
    if (this.outputUsed > this.limits.maxOutputBytes) {
      throw new DanaLimitError(
        "output",
        "OutputLimitError",
        `output exceeded the limit (${this.limits.maxOutputBytes} bytes)`,
      );
    }
    this.host.writeStdout?.(text);
  }

  log(level: LogLevel, message: string): void {
    this.host.log?.(level, message);
  }

  /**
   * Builtins call Dana callbacks (`sorted(key=…)`) synchronously. On the generator path a builtin runs
   * with a replay log (see `replayBuiltin` in invoke.ts): a callback that may wait for the host is not run
   * here but requested from the driver (`SuspendRequest`), which runs it once, records the result and runs
   * the builtin again; recorded results are replayed in order, so every callback runs exactly once.
   */
  replay: ReplayLog | null = null;

  call(callee: Value, positional: readonly Value[], keywords?: KeywordArguments): Value {
    if (this.syncCaller === null) throw new DanaException("InternalError", "runtime not initialised");
    const log = this.replay;
    if (log === null) return this.syncCaller(this, callee, positional, keywords ?? null);
    if (log.index < log.entries.length) {
      const entry = log.entries[log.index++]!;
      if (entry.failed) throw entry.outcome;
      return entry.outcome as Value;
    }
    if (mayWait(callee)) throw new SuspendRequest(log, callee, positional, keywords ?? null);
    this.replay = null;
    try {
      const value = this.syncCaller(this, callee, positional, keywords ?? null);
      log.entries.push({ outcome: value, failed: false });
      log.index++;
      return value;
    } catch (error) {
      log.entries.push({ outcome: error, failed: true });
      log.index++;
      throw error;
    } finally {
      this.replay = log;
    }
  }

  findStruct(name: string): DanaStructType | undefined {
    return this.structs.get(name);
  }

  /** Registers `method` as `name` on the type called `typeName` (a struct or builtin type name). */
  registerMethod(typeName: string, name: string, method: DanaCallable): void {
    let table = this.typeMethods.get(typeName);
    if (table === undefined) {
      table = new Map();
      this.typeMethods.set(typeName, table);
    }
    table.set(name, method);
  }
}
