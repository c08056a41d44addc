/**
 * The callables the evaluator creates: user functions and lambdas, bound methods, and the dispatcher that
 * lets a receiver method be called as a plain function (`area(shape)`) by the receiver's runtime type.
 */
import { DanaCallable, type Value } from "../values/types.js";
import type { Frame } from "./frame.js";

export type SyncBody = (frame: Frame) => number;
export type GeneratorBody = (frame: Frame) => Generator<unknown, number, unknown>;

/** The compiled, immutable part of a function; shared by every closure created from one definition. */
export interface FunctionCode {
  readonly name: string;
  readonly file: string;
  /** Receiver (if any) first, then the parameters. They occupy slots 0..n-1. */
  readonly parameterNames: readonly string[];
  readonly parameterIndex: ReadonlyMap<string, number>;
  /** Local name → slot (parameters, assigned names, comprehension variables, captures). */
  readonly locals: ReadonlyMap<string, number>;
  /** Locals plus compiler temporaries. Mutable only while compiling. */
  slotCount: number;
  /** Present when the body can never suspend; otherwise null and `bodyGenerator` is used. */
  bodySync: SyncBody | null;
  bodyGenerator: GeneratorBody | null;
  readonly maySuspend: boolean;
  /** Struct or builtin type names this function is a method of (receiver or legacy first-parameter rule). */
  readonly methodOf: readonly string[];
  readonly isReceiverMethod: boolean;
}

export class DanaFunction extends DanaCallable {
  readonly kind = "function";
  readonly name: string;
  readonly parameterNames: readonly string[];
  constructor(
    readonly code: FunctionCode,
    /** The frame the function was defined in (null at module level: module names are reached directly). */
    readonly closure: Frame | null,
    /** Default per parameter slot, evaluated once at definition time; undefined = no default. */
    readonly defaults: readonly (Value | undefined)[],
    readonly isLambda: boolean,
  ) {
    super();
    this.name = code.name;
    this.parameterNames = code.parameterNames;
  }
}

/** `p.norm2` read without a call: the method with its receiver. */
export class DanaBoundMethod extends DanaCallable {
  readonly kind = "bound-method";
  readonly parameterNames: readonly string[];
  constructor(
    readonly receiver: Value,
    readonly method: DanaCallable,
    readonly name: string,
  ) {
    super();
    this.parameterNames = method.parameterNames.slice(1);
  }
}

/**
 * What a receiver method's plain name is bound to when several types define a method of that name:
 * `area(c)` picks the method by the type of its first argument (the reference's "last definition wins" is a
 * QUIRK not copied).
 */
export class DanaMethodDispatch extends DanaCallable {
  readonly kind = "function";
  readonly parameterNames: readonly string[];
  readonly byType = new Map<string, DanaFunction>();
  constructor(
    readonly name: string,
    public fallback: DanaFunction,
  ) {
    super();
    this.parameterNames = fallback.parameterNames;
  }
}
