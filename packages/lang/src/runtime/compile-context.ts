/**
 * What the compiler knows while compiling one function (or module) body, and name resolution.
 *
 * Names resolve at compile time to: a slot of the current function's frame, a slot of an enclosing
 * function's frame (closures, by depth), a slot of the module scope, or one of the interpreter-wide
 * `private:`/`public:`/`system:` dictionaries. Reads that find an unassigned slot fall back outwards at run
 * time (locals → enclosing functions → module → private → public → system → builtins → None), because Dana
 * reads undefined names as None instead of raising (kept DIFF).
 */

import { builtinFunctions } from "../builtins/index.js";
import type * as ast from "../syntax/ast.js";
import type { Value } from "../values/types.js";
import type { ProgramAnalysis } from "./analysis.js";
import { type Frame, HIDDEN_NAME_PREFIX, type ModuleScope } from "./frame.js";
import type { CodeLocation } from "./runtime-errors.js";
import type { Runtime } from "./runtime-state.js";

export interface CompileUnit extends CodeLocation {
  readonly runtime: Runtime;
  readonly module: ModuleScope;
  readonly analysis: ProgramAnalysis;
  /** Local name → slot; null for module code (its names are module slots). */
  readonly locals: Map<string, number> | null;
  /** The enclosing function's unit (closures); null for module code and module-level functions. */
  readonly parent: CompileUnit | null;
  /** Number of frame slots so far (locals, then temporaries). Unused for module code. */
  slotCount: number;
  /** True while compiling a pipeline stage's arguments: `$$` is allowed. */
  readonly pipeline: boolean;
  /** Typed assignments `x: T = reason(…)` tell that call what to expect. Shared by the whole program. */
  readonly expectedTypes: WeakMap<ast.CallExpression, ExpectedAssignment>;
}

/** The typed assignment a `reason(…)` call is the value of. */
export interface ExpectedAssignment {
  readonly type: ast.TypeExpression;
  readonly target: string;
}

export type Resolution =
  | { readonly kind: "local"; readonly depth: number; readonly slot: number }
  | { readonly kind: "module"; readonly slot: number }
  | { readonly kind: "global"; readonly scope: "private" | "public" | "system" };

export function resolveName(unit: CompileUnit, name: string, scope: ast.Scope | null): Resolution {
  if (scope === "private" || scope === "public" || scope === "system") return { kind: "global", scope };
  if (unit.locals === null) return { kind: "module", slot: unit.module.slot(name) };
  const own = unit.locals.get(name);
  if (own !== undefined) return { kind: "local", depth: 0, slot: own };
  if (scope === null) {
    let depth = 1;
    for (let outer = unit.parent; outer !== null && outer.locals !== null; outer = outer.parent, depth++) {
      const slot = outer.locals.get(name);
      if (slot !== undefined) return { kind: "local", depth, slot };
    }
  }
  return { kind: "module", slot: unit.module.slot(name) };
}

let temporaryCounter = 0;
/** A frame slot for an intermediate value of the generator compilation (see compile-generators.ts). */
export function allocateTemporary(unit: CompileUnit): number {
  if (unit.locals === null) return unit.module.slot(`${HIDDEN_NAME_PREFIX}temporary${temporaryCounter++}`);
  return unit.slotCount++;
}

export function globalScope(runtime: Runtime, scope: "private" | "public" | "system"): Map<string, Value> {
  return scope === "private" ? runtime.privateScope : scope === "public" ? runtime.publicScope : runtime.systemScope;
}

/** Interpreter-wide names: private, public, system, then builtins (as values), the host's functions, None. */
export function lookupGlobal(runtime: Runtime, name: string): Value {
  let value = runtime.privateScope.get(name);
  if (value !== undefined) return value;
  value = runtime.publicScope.get(name);
  if (value !== undefined) return value;
  value = runtime.systemScope.get(name);
  if (value !== undefined) return value;
  return lookupBuiltinValue(runtime, name) ?? null;
}

/** A builtin, runtime-provided (reason) or host function by name, or undefined. */
export function lookupBuiltinValue(runtime: Runtime, name: string): Value | undefined {
  return builtinFunctions.get(name) ?? runtime.runtimeFunctions.get(name) ?? runtime.hostFunctions.get(name);
}

/** The run-time fallback when a local slot is unassigned: enclosing frames, module, globals. */
export function lookupOuter(runtime: Runtime, frame: Frame | null, module: ModuleScope, name: string): Value {
  const found = findOuter(runtime, frame, module, name);
  return found === undefined ? null : found;
}

export function findOuter(runtime: Runtime, frame: Frame | null, module: ModuleScope, name: string): Value | undefined {
  for (let outer = frame; outer !== null; outer = outer.parent) {
    const slot = outer.code?.locals.get(name);
    if (slot !== undefined) {
      const value = outer.slots[slot];
      if (value !== undefined) return value;
    }
  }
  const value = module.get(name);
  if (value !== undefined) return value;
  let global = runtime.privateScope.get(name);
  if (global !== undefined) return global;
  global = runtime.publicScope.get(name);
  if (global !== undefined) return global;
  global = runtime.systemScope.get(name);
  if (global !== undefined) return global;
  return lookupBuiltinValue(runtime, name);
}

/** A compiled read of a name: the value, with the Dana fallback chain, None when nothing defines it. */
export function compileNameRead(unit: CompileUnit, name: string, scope: ast.Scope | null): (frame: Frame) => Value {
  const runtime = unit.runtime;
  const module = unit.module;
  const resolution = resolveName(unit, name, scope);
  switch (resolution.kind) {
    case "global": {
      const table = globalScope(runtime, resolution.scope);
      return (frame) => {
        const value = table.get(name);
        return value !== undefined ? value : lookupOuter(runtime, frame, module, name);
      };
    }
    case "module": {
      const values = module.values;
      const slot = resolution.slot;
      return () => {
        const value = values[slot];
        return value !== undefined ? value : lookupGlobal(runtime, name);
      };
    }
    case "local": {
      const slot = resolution.slot;
      if (resolution.depth === 0) {
        return (frame) => {
          const value = frame.slots[slot];
          return value !== undefined ? value : lookupOuter(runtime, frame.parent, module, name);
        };
      }
      const depth = resolution.depth;
      return (frame) => {
        let target: Frame = frame;
        for (let level = 0; level < depth; level++) target = target.parent!;
        const value = target.slots[slot];
        return value !== undefined ? value : lookupOuter(runtime, target.parent, module, name);
      };
    }
  }
}

/** A compiled unscoped/scoped name write (assignments always write the current function's local). */
export function compileNameWrite(
  unit: CompileUnit,
  name: string,
  scope: ast.Scope | null,
): (frame: Frame, value: Value) => void {
  if (scope === "private" || scope === "public" || scope === "system") {
    const table = globalScope(unit.runtime, scope);
    return (_frame, value) => {
      table.set(name, value);
    };
  }
  if (unit.locals === null) {
    const values = unit.module.values;
    const slot = unit.module.slot(name);
    return (_frame, value) => {
      values[slot] = value;
    };
  }
  const slot = unit.locals.get(name);
  if (slot === undefined) throw new Error(`internal: '${name}' was not collected as a local`);
  return (frame, value) => {
    frame.slots[slot] = value;
  };
}
