/**
 * Activation records and module scopes.
 *
 * Every name is resolved at compile time (see compile-context.ts): a function's locals live in the array
 * `Frame.slots` at fixed indices, and a module's top-level names live in `ModuleScope.values`, also at fixed
 * indices. `undefined` in a slot means "not assigned yet" (reads then fall back outwards, as Dana reads
 * undefined names as None); `null` is Dana's None.
 */
import type { Value } from "../values/types.js";
import type { FunctionCode } from "./callables.js";

/** Statement completion codes: statements return these instead of throwing for control flow (cheap loops). */
export const NORMAL = 0;
export const BREAK = 1;
export const CONTINUE = 2;
export const RETURN = 3;
export type Completion = number;

/** Names the runtime keeps in a module scope for itself (temporaries); never exported or shown. */
export const HIDDEN_NAME_PREFIX = "\u0000";

/** The top-level names of one module (or of the interpreter's root context). */
export class ModuleScope {
  private readonly slotOf = new Map<string, number>();
  readonly names: string[] = [];
  readonly values: (Value | undefined)[] = [];
  constructor(
    /** Dotted module name ("" for the root context). */
    readonly name: string,
    readonly file: string,
    readonly isPackage: boolean,
  ) {}

  /** The slot of `name`, created (unassigned) on first use. */
  slot(name: string): number {
    let index = this.slotOf.get(name);
    if (index === undefined) {
      index = this.names.length;
      this.slotOf.set(name, index);
      this.names.push(name);
      this.values.push(undefined);
    }
    return index;
  }
  get(name: string): Value | undefined {
    const index = this.slotOf.get(name);
    return index === undefined ? undefined : this.values[index];
  }
  set(name: string, value: Value): void {
    this.values[this.slot(name)] = value;
  }
  /** Assigned, visible names in definition order. */
  *entries(): IterableIterator<[string, Value]> {
    for (let index = 0; index < this.names.length; index++) {
      const value = this.values[index];
      const name = this.names[index]!;
      if (value !== undefined && !name.startsWith(HIDDEN_NAME_PREFIX)) yield [name, value];
    }
  }
}

/** One activation of a Dana function (or of a module body, whose slots are the module's values). */
export class Frame {
  /** Set by `return`. */
  returnValue: Value = null;
  /** The last non-None statement value: a function without `return` returns it (kept DIFF). */
  lastValue: Value = null;
  /** The last statement value, None included: the value of a program. */
  resultValue: Value = null;
  /** The value `$$` stands for while a pipeline stage's arguments are evaluated. */
  placeholder: Value | undefined = undefined;
  constructor(
    readonly slots: (Value | undefined)[],
    /** The frame of the lexically enclosing function (closures), null for module-level functions. */
    readonly parent: Frame | null,
    /** The running function, null for module code. */
    readonly code: FunctionCode | null,
  ) {}
}
