/**
 * Call expressions → synchronous closures.
 *
 * A bare-name call looks up builtins first (kept DIFF: `def len(x)` does not shadow `len(…)`), then the
 * host's functions, then the program's names. The hot case — a user function whose body cannot suspend,
 * called with positional arguments — binds the arguments straight into the new frame's slots, with no
 * argument array or keyword map.
 */

import { builtinFunctions, unsupportedBuiltinNames } from "../builtins/index.js";
import { DanaException } from "../errors.js";
import type * as ast from "../syntax/ast.js";
import { DanaList, DanaStructInstance, DanaStructType, type KeywordArguments, type Value } from "../values/types.js";
import { DanaFunction } from "./callables.js";
import { type CompileUnit, findOuter, globalScope, resolveName } from "./compile-context.js";
import { compileExpression, type Evaluate } from "./compile-expressions.js";
import { Frame, RETURN } from "./frame.js";
import { callMethodSync, callValueSync, emptyKeywords, enterSync, recursionError } from "./invoke.js";
import { compileReasonCall } from "./reason.js";
import { addCallerFrame } from "./runtime-errors.js";
import { constructStruct } from "./structs.js";

/** Tier 3 and other features that are deliberately absent (decision 9): a clear error instead of NameError. */
const notSupportedNames = new Set([
  "llm",
  "use",
  "get_resource",
  "set_model",
  "vision_extract",
  "feedback",
  "context_aware_reason",
  "a2a_agent",
  "poet",
  "log_calls",
  "log_with_prefix",
  "validate_args",
  "agent",
  "workflow",
  "resource",
]);

export interface CompiledArguments {
  /** Closures in written order. */
  readonly values: readonly Evaluate[];
  /** Keyword name per argument, null for positional ones. */
  readonly names: readonly (string | null)[];
  readonly hasKeywords: boolean;
}

export function compileArguments(unit: CompileUnit, argumentList: readonly ast.Argument[]): CompiledArguments {
  return {
    values: argumentList.map((argument) => compileExpression(unit, argument.value)),
    names: argumentList.map((argument) => argument.name),
    hasKeywords: argumentList.some((argument) => argument.name !== null),
  };
}

/** Evaluates arguments in written order into a positional array and (when present) a keyword map. */
export function evaluateArguments(
  compiled: CompiledArguments,
  frame: Frame,
): { positional: Value[]; keywords: KeywordArguments | null } {
  const positional: Value[] = [];
  if (!compiled.hasKeywords) {
    for (const value of compiled.values) positional.push(value(frame));
    return { positional, keywords: null };
  }
  const keywords = new Map<string, Value>();
  for (let index = 0; index < compiled.values.length; index++) {
    const value = compiled.values[index]!(frame);
    const name = compiled.names[index];
    if (name === null || name === undefined) positional.push(value);
    else keywords.set(name, value);
  }
  return { positional, keywords };
}

export function undefinedCallee(name: string): DanaException {
  if (unsupportedBuiltinNames.has(name) || notSupportedNames.has(name)) {
    return new DanaException("NameError", `'${name}' is not supported in Dana`);
  }
  return new DanaException("NameError", `name '${name}' is not defined`);
}

/** The value a bare name refers to when called, or undefined when nothing defines it. */
export function compileCalleeLookup(unit: CompileUnit, name: ast.Name): (frame: Frame) => Value | undefined {
  const runtime = unit.runtime;
  const module = unit.module;
  const resolution = resolveName(unit, name.name, name.scope);
  const key = name.name;
  switch (resolution.kind) {
    case "global": {
      const table = globalScope(runtime, resolution.scope);
      return (frame) => {
        const value = table.get(key);
        return value !== undefined ? value : findOuter(runtime, frame, module, key);
      };
    }
    case "module": {
      const values = module.values;
      const slot = resolution.slot;
      return () => {
        const value = values[slot];
        return value !== undefined ? value : findOuter(runtime, null, module, key);
      };
    }
    case "local": {
      const { depth, slot } = resolution;
      return (frame) => {
        let target: Frame = frame;
        for (let level = 0; level < depth; level++) target = target.parent!;
        const value = target.slots[slot];
        return value !== undefined ? value : findOuter(runtime, target.parent, module, key);
      };
    }
  }
}

/**
 * What a bare name means as a callee: a builtin or host function fixed at compile time, or a run-time
 * lookup. Shared by calls, pipeline stages and decorators.
 */
export function compileCalleeReference(unit: CompileUnit, name: ast.Name): (frame: Frame) => Value {
  if (name.scope === null) {
    const fixed =
      builtinFunctions.get(name.name) ??
      unit.runtime.runtimeFunctions.get(name.name) ??
      unit.runtime.hostFunctions.get(name.name);
    if (fixed !== undefined) return () => fixed;
  }
  const lookup = compileCalleeLookup(unit, name);
  const span = name.span;
  return (frame) => {
    const value = lookup(frame);
    if (value === undefined) throw addCallerFrame(undefinedCallee(name.name), span, unit);
    return value;
  };
}

export function compileCall(unit: CompileUnit, call: ast.CallExpression): Evaluate {
  const callee = call.callee;
  if (callee.kind === "Name") {
    if (callee.scope === null && callee.name === "reason") return compileReasonCall(unit, call);
    return compileNameCall(unit, call, callee);
  }
  if (callee.kind === "AttributeExpression") return compileMethodCall(unit, call, callee);
  const runtime = unit.runtime;
  const target = compileExpression(unit, callee);
  const compiled = compileArguments(unit, call.arguments);
  const span = call.span;
  return (frame) => {
    const value = target(frame);
    const { positional, keywords } = evaluateArguments(compiled, frame);
    try {
      return callValueSync(runtime, value, positional, keywords);
    } catch (error) {
      throw addCallerFrame(error, span, unit);
    }
  };
}

function compileNameCall(unit: CompileUnit, call: ast.CallExpression, name: ast.Name): Evaluate {
  const runtime = unit.runtime;
  const compiled = compileArguments(unit, call.arguments);
  const span = call.span;
  if (name.scope === null) {
    const builtin = builtinFunctions.get(name.name);
    if (builtin !== undefined) {
      return (frame) => {
        const { positional, keywords } = evaluateArguments(compiled, frame);
        try {
          const result = builtin.implementation(positional, keywords ?? emptyKeywords, runtime);
          runtime.afterBuiltin(undefined, positional);
          return result;
        } catch (error) {
          throw addCallerFrame(error, span, unit);
        }
      };
    }
    const fixed = runtime.runtimeFunctions.get(name.name) ?? runtime.hostFunctions.get(name.name);
    if (fixed !== undefined) {
      return (frame) => {
        const { positional, keywords } = evaluateArguments(compiled, frame);
        try {
          return callValueSync(runtime, fixed, positional, keywords);
        } catch (error) {
          throw addCallerFrame(error, span, unit);
        }
      };
    }
  }
  const lookup = compileCalleeLookup(unit, name);
  const calleeName = name.name;
  const generic = (frame: Frame, value: Value | undefined): Value => {
    if (value === undefined) throw addCallerFrame(undefinedCallee(calleeName), span, unit);
    const { positional, keywords } = evaluateArguments(compiled, frame);
    try {
      return callValueSync(runtime, value, positional, keywords);
    } catch (error) {
      throw addCallerFrame(error, span, unit);
    }
  };
  if (compiled.hasKeywords) {
    // Struct construction is keyword-only: build the instance from the names without a keyword map.
    const names = compiled.names;
    const values = compiled.values;
    const keywordNames = names.filter((item): item is string => item !== null);
    return (frame) => {
      const value = lookup(frame);
      if (!(value instanceof DanaStructType)) return generic(frame, value);
      const keywordValues: Value[] = [];
      for (let index = 0; index < values.length; index++) {
        const evaluated = values[index]!(frame);
        if (names[index] !== null) keywordValues.push(evaluated);
      }
      try {
        return constructStruct(runtime, value, keywordNames, keywordValues);
      } catch (error) {
        throw addCallerFrame(error, span, unit);
      }
    };
  }
  const argumentValues = compiled.values;
  const argumentCount = argumentValues.length;
  return (frame) => {
    const value = lookup(frame);
    if (value instanceof DanaFunction) {
      const code = value.code;
      if (code.bodySync !== null) {
        const slots: (Value | undefined)[] = new Array(code.slotCount);
        const parameterCount = code.parameterNames.length;
        for (let index = 0; index < argumentCount; index++) {
          const argument = argumentValues[index]!(frame);
          if (index < parameterCount) slots[index] = argument;
        }
        for (let index = argumentCount; index < parameterCount; index++) {
          const fallback = value.defaults[index];
          slots[index] = fallback === undefined ? null : fallback;
        }
        // enterSync, inlined: one host frame less per Dana call leaves room for deeper recursion.
        if (++runtime.depth > runtime.limits.maxRecursionDepth) {
          runtime.depth--;
          throw addCallerFrame(recursionError(), span, unit);
        }
        try {
          if (--runtime.tick <= 0) runtime.checkpoint();
          const frame = new Frame(slots, value.closure, code);
          return code.bodySync(frame) === RETURN ? frame.returnValue : frame.lastValue;
        } catch (error) {
          throw addCallerFrame(error, span, unit);
        } finally {
          runtime.depth--;
        }
      }
    }
    return generic(frame, value);
  };
}

function compileMethodCall(unit: CompileUnit, call: ast.CallExpression, attribute: ast.AttributeExpression): Evaluate {
  const runtime = unit.runtime;
  const object = compileExpression(unit, attribute.object);
  const compiled = compileArguments(unit, call.arguments);
  const name = attribute.name;
  const span = call.span;
  const maximumListLength = () => runtime.limits.maxMemoryBytes / 8;
  if (name === "append" && compiled.values.length === 1 && !compiled.hasKeywords) {
    const argument = compiled.values[0]!;
    return (frame) => {
      const value = object(frame);
      if (value instanceof DanaList && runtime.typeMethods.size === 0 && value.items.length < maximumListLength()) {
        value.items.push(argument(frame));
        return null;
      }
      const positional = [argument(frame)];
      try {
        return callMethodSync(runtime, value, name, positional, null);
      } catch (error) {
        throw addCallerFrame(error, span, unit);
      }
    };
  }
  const generic = (frame: Frame, value: Value): Value => {
    const { positional, keywords } = evaluateArguments(compiled, frame);
    try {
      return callMethodSync(runtime, value, name, positional, keywords);
    } catch (error) {
      throw addCallerFrame(error, span, unit);
    }
  };
  if (compiled.hasKeywords) return (frame) => generic(frame, object(frame));
  // A struct's receiver method with positional arguments: bind the receiver and the arguments straight into
  // the callee's frame, as direct calls do.
  const argumentValues = compiled.values;
  const argumentCount = argumentValues.length;
  return (frame) => {
    const value = object(frame);
    if (value instanceof DanaStructInstance) {
      const method = value.type.methods.get(name);
      if (method instanceof DanaFunction && method.code.bodySync !== null) {
        const code = method.code;
        const slots: (Value | undefined)[] = new Array(code.slotCount);
        const parameterCount = code.parameterNames.length;
        slots[0] = value;
        for (let index = 0; index < argumentCount; index++) {
          const argument = argumentValues[index]!(frame);
          if (index + 1 < parameterCount) slots[index + 1] = argument;
        }
        for (let index = argumentCount + 1; index < parameterCount; index++) {
          const fallback = method.defaults[index];
          slots[index] = fallback === undefined ? null : fallback;
        }
        try {
          return enterSync(runtime, method, new Frame(slots, method.closure, code));
        } catch (error) {
          throw addCallerFrame(error, span, unit);
        }
      }
    }
    return generic(frame, value);
  };
}
