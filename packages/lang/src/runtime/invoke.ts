/**
 * Calling Dana values: user functions (argument binding, recursion depth, step counting), builtins, host
 * functions (which may return a promise), struct constructors, bound methods, receiver-method dispatch, and
 * method calls `x.m(…)`. Each entry point exists twice: a plain function for the synchronous fast path and a
 * generator for code that may suspend (see trampoline.ts).
 */

import type { DanaBuiltinFunction } from "../builtins/index.js";
import { callBuiltinMethod, getBuiltinAttribute } from "../builtins/index.js";
import { DanaException } from "../errors.js";
import { fromJSON, typeName } from "../values/index.js";
import {
  DanaDict,
  DanaFloat,
  type DanaHostFunction,
  DanaModule,
  DanaNativeObject,
  DanaObject,
  DanaStructInstance,
  DanaStructType,
  type KeywordArguments,
  type Value,
} from "../values/types.js";
import { DanaWrappedFunction } from "./builtin-decorators.js";
import { type DanaBoundMethod, DanaFunction, DanaMethodDispatch } from "./callables.js";
import { Frame, RETURN } from "./frame.js";
import { type ReplayLog, type Runtime, SuspendRequest } from "./runtime-state.js";
import { constructStructFromKeywords, findAttribute, noAttribute } from "./structs.js";
import { abandonPromise, driveSync, isPromiseLike, NestedCall, type Suspendable } from "./trampoline.js";

export const emptyKeywords: KeywordArguments = new Map();

/** Lenient binding (kept DIFF): extra positional arguments dropped, unknown keywords ignored, missing → None. */
export function bindArguments(
  callee: DanaFunction,
  positional: readonly Value[],
  keywords: KeywordArguments | null,
): Frame {
  const code = callee.code;
  const slots: (Value | undefined)[] = new Array(code.slotCount);
  const count = code.parameterNames.length;
  const given = Math.min(count, positional.length);
  for (let index = 0; index < given; index++) slots[index] = positional[index];
  if (keywords !== null) {
    for (const [name, value] of keywords) {
      const index = code.parameterIndex.get(name);
      if (index !== undefined) slots[index] = value;
    }
  }
  for (let index = 0; index < count; index++) {
    if (slots[index] === undefined) {
      const fallback = callee.defaults[index];
      slots[index] = fallback === undefined ? null : fallback;
    }
  }
  return new Frame(slots, callee.closure, code);
}

export function recursionError(): DanaException {
  return new DanaException("RecursionError", "maximum recursion depth exceeded");
}

/** Runs a bound frame of `callee` on the synchronous path. */
export function enterSync(runtime: Runtime, callee: DanaFunction, frame: Frame): Value {
  if (++runtime.depth > runtime.limits.maxRecursionDepth) {
    runtime.depth--;
    throw recursionError();
  }
  try {
    if (--runtime.tick <= 0) runtime.checkpoint();
    const code = callee.code;
    const completion =
      code.bodySync !== null
        ? code.bodySync(frame)
        : driveSync(runtime, code.bodyGenerator!(frame), `function '${code.name}'`);
    return completion === RETURN ? frame.returnValue : frame.lastValue;
  } finally {
    runtime.depth--;
  }
}

export function* enterGenerator(runtime: Runtime, callee: DanaFunction, frame: Frame): Suspendable<Value> {
  if (++runtime.depth > runtime.limits.maxRecursionDepth) {
    runtime.depth--;
    throw recursionError();
  }
  try {
    if (--runtime.tick <= 0) runtime.checkpoint();
    const code = callee.code;
    const completion = code.bodyGenerator !== null ? yield* code.bodyGenerator(frame) : code.bodySync!(frame);
    return completion === RETURN ? frame.returnValue : frame.lastValue;
  } finally {
    runtime.depth--;
  }
}

/**
 * Host values cross as data: undefined → None, non-integral numbers → float, plain JSON objects and arrays →
 * dict/list. Any other host object (a class instance, a function) is refused: a Dana value is never a raw
 * host object.
 */
export function normalizeHostResult(result: unknown): Value {
  if (result === undefined || result === null) return null;
  switch (typeof result) {
    case "number":
      return Number.isSafeInteger(result) ? result : new DanaFloat(result);
    case "string":
    case "boolean":
    case "bigint":
      return result;
    case "object": {
      if (result instanceof DanaObject || result instanceof DanaFloat) return result;
      if (Array.isArray(result)) return fromJSON(result);
      const prototype = Object.getPrototypeOf(result);
      if (prototype === Object.prototype || prototype === null) return fromJSON(result);
      break;
    }
    default:
      break;
  }
  const kind = typeof result === "object" ? (result.constructor?.name ?? "object") : typeof result;
  throw new DanaException("TypeError", `a host value of type '${kind}' cannot cross into Dana; pass data`);
}

function dispatchMethod(dispatch: DanaMethodDispatch, positional: readonly Value[]): DanaFunction {
  const receiver = positional[0];
  if (receiver === undefined) return dispatch.fallback;
  const key = receiver instanceof DanaStructInstance ? receiver.type.name : typeName(receiver);
  return dispatch.byType.get(key) ?? dispatch.fallback;
}

function notCallable(callee: Value): DanaException {
  const name = callee instanceof DanaStructInstance ? callee.type.name : typeName(callee);
  return new DanaException("TypeError", `'${name}' object is not callable`);
}

function callHostFunction(callee: DanaHostFunction, positional: readonly Value[], keywords: KeywordArguments | null) {
  return callee.implementation(positional, keywords ?? emptyKeywords);
}

export function callValueSync(
  runtime: Runtime,
  callee: Value,
  positional: readonly Value[],
  keywords: KeywordArguments | null,
): Value {
  if (callee instanceof DanaFunction) return enterSync(runtime, callee, bindArguments(callee, positional, keywords));
  if (callee === null || typeof callee !== "object" || callee instanceof DanaFloat) throw notCallable(callee);
  switch (callee.kind) {
    case "builtin":
      return (callee as DanaBuiltinFunction).implementation(positional, keywords ?? emptyKeywords, runtime);
    case "host-function": {
      const result = callHostFunction(callee as DanaHostFunction, positional, keywords);
      if (isPromiseLike(result)) {
        abandonPromise(result);
        throw needsAsynchronous(runtime, `${(callee as DanaHostFunction).name}()`);
      }
      return normalizeHostResult(result);
    }
    case "struct-type":
      return constructStructFromKeywords(runtime, callee as DanaStructType, keywords);
    case "bound-method": {
      const bound = callee as DanaBoundMethod;
      return callValueSync(runtime, bound.method, [bound.receiver, ...positional], keywords);
    }
    default:
      if (callee instanceof DanaMethodDispatch) {
        const method = dispatchMethod(callee, positional);
        return enterSync(runtime, method, bindArguments(method, positional, keywords));
      }
      if (callee instanceof DanaWrappedFunction) {
        callee.beforeCall?.(positional, keywords);
        let result: Value = null;
        for (let round = 0; round < callee.times; round++) {
          result = callValueSync(runtime, callee.inner, positional, keywords);
        }
        callee.afterCall?.(result);
        return result;
      }
      throw notCallable(callee);
  }
}

export function* callValueGenerator(
  runtime: Runtime,
  callee: Value,
  positional: readonly Value[],
  keywords: KeywordArguments | null,
): Suspendable<Value> {
  if (callee instanceof DanaFunction) {
    return (yield new NestedCall(
      enterGenerator(runtime, callee, bindArguments(callee, positional, keywords)),
    )) as Value;
  }
  if (
    callee instanceof DanaStructType ||
    callee === null ||
    typeof callee !== "object" ||
    callee instanceof DanaFloat
  ) {
    return callValueSync(runtime, callee, positional, keywords);
  }
  switch (callee.kind) {
    case "builtin":
      return (yield* replayBuiltin(runtime, () => callValueSync(runtime, callee, positional, keywords))) as Value;
    case "host-function": {
      let result: unknown = callHostFunction(callee as DanaHostFunction, positional, keywords);
      if (isPromiseLike(result)) result = yield result;
      return normalizeHostResult(result);
    }
    case "bound-method": {
      const bound = callee as DanaBoundMethod;
      return yield* callValueGenerator(runtime, bound.method, [bound.receiver, ...positional], keywords);
    }
    default:
      if (callee instanceof DanaMethodDispatch) {
        const method = dispatchMethod(callee, positional);
        return (yield new NestedCall(
          enterGenerator(runtime, method, bindArguments(method, positional, keywords)),
        )) as Value;
      }
      if (callee instanceof DanaWrappedFunction) {
        callee.beforeCall?.(positional, keywords);
        let result: Value = null;
        for (let round = 0; round < callee.times; round++) {
          result = yield* callValueGenerator(runtime, callee.inner, positional, keywords);
        }
        callee.afterCall?.(result);
        return result;
      }
      return callValueSync(runtime, callee, positional, keywords);
  }
}

function needsAsynchronous(runtime: Runtime, what: string): DanaException {
  const message = runtime.asynchronousMode
    ? `internal error: ${what} returned a promise on the synchronous path; a synchronous callback cannot wait for the host`
    : `${what} needs an asynchronous host call; use evaluate()`;
  return new DanaException("RuntimeError", message, { catchable: false });
}

/** Runs a builtin on the generator path, letting its callbacks wait for the host (see Runtime.call). */
export function* replayBuiltin(runtime: Runtime, invoke: () => Value | undefined): Suspendable<Value | undefined> {
  const log: ReplayLog = { entries: [], index: 0 };
  for (;;) {
    const saved = runtime.replay;
    runtime.replay = log;
    log.index = 0;
    let request: SuspendRequest;
    try {
      return invoke();
    } catch (error) {
      if (!(error instanceof SuspendRequest) || error.log !== log) throw error;
      request = error;
    } finally {
      runtime.replay = saved;
    }
    try {
      const value = yield* callValueGenerator(runtime, request.callee, request.positional, request.keywords);
      log.entries.push({ outcome: value, failed: false });
    } catch (error) {
      log.entries.push({ outcome: error, failed: true });
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Method calls

/** The user-level target of `value.name(…)` before builtin methods: module members, struct methods and
 * callable fields, receiver/legacy methods of builtin types. `receiver` tells whether to prepend `value`. */
function findUserMethod(runtime: Runtime, value: Value, name: string): { callee: Value; receiver: boolean } | null {
  if (value instanceof DanaModule) {
    const member = value.members.get(name);
    if (member === undefined) throw noAttribute(value, name);
    return { callee: member, receiver: false };
  }
  if (value instanceof DanaStructInstance) {
    const type = value.type;
    const method = type.methods.get(name) ?? runtime.typeMethods.get(type.name)?.get(name);
    if (method !== undefined) return { callee: method, receiver: true };
    const slot = type.fieldIndex.get(name);
    if (slot !== undefined) return { callee: value.fields[slot]!, receiver: false };
    return null;
  }
  if (runtime.typeMethods.size > 0) {
    const method = runtime.typeMethods.get(typeName(value))?.get(name);
    if (method !== undefined) return { callee: method, receiver: true };
  }
  return null;
}

/** After builtin methods: a callable stored under the key in a dict, or a `_field` delegate that has it. */
function findLateTarget(runtime: Runtime, value: Value, name: string): { callee: Value } | { delegate: Value } | null {
  if (value instanceof DanaDict) {
    const stored = value.get(name);
    if (stored !== undefined) return { callee: stored };
    return null;
  }
  if (value instanceof DanaStructInstance) {
    for (const delegate of value.type.delegateFields) {
      const inner = value.fields[delegate]!;
      if (findAttribute(runtime, inner, name) !== undefined) return { delegate: inner };
    }
  }
  return null;
}

function callBuiltin(
  runtime: Runtime,
  value: Value,
  name: string,
  positional: readonly Value[],
  keywords: KeywordArguments | null,
): Value | undefined {
  const result = callBuiltinMethod(value, name, positional, keywords ?? emptyKeywords, runtime);
  if (result !== undefined) {
    runtime.afterBuiltin(value, positional);
    return result;
  }
  if (value instanceof DanaNativeObject && getBuiltinAttribute(value, name) === undefined) {
    return value.callMethod(name, positional, keywords ?? emptyKeywords);
  }
  return undefined;
}

export function callMethodSync(
  runtime: Runtime,
  value: Value,
  name: string,
  positional: readonly Value[],
  keywords: KeywordArguments | null,
): Value {
  const target = findUserMethod(runtime, value, name);
  if (target !== null) {
    return callValueSync(runtime, target.callee, target.receiver ? [value, ...positional] : positional, keywords);
  }
  const result = callBuiltin(runtime, value, name, positional, keywords);
  if (result !== undefined) return result;
  const late = findLateTarget(runtime, value, name);
  if (late === null) throw noAttribute(value, name);
  if ("callee" in late) return callValueSync(runtime, late.callee, positional, keywords);
  return callMethodSync(runtime, late.delegate, name, positional, keywords);
}

export function* callMethodGenerator(
  runtime: Runtime,
  value: Value,
  name: string,
  positional: readonly Value[],
  keywords: KeywordArguments | null,
): Suspendable<Value> {
  const target = findUserMethod(runtime, value, name);
  if (target !== null) {
    const argumentsWithReceiver = target.receiver ? [value, ...positional] : positional;
    return yield* callValueGenerator(runtime, target.callee, argumentsWithReceiver, keywords);
  }
  const result = yield* replayBuiltin(runtime, () => callBuiltin(runtime, value, name, positional, keywords));
  if (result !== undefined) return result;
  const late = findLateTarget(runtime, value, name);
  if (late === null) throw noAttribute(value, name);
  if ("callee" in late) return yield* callValueGenerator(runtime, late.callee, positional, keywords);
  return yield* callMethodGenerator(runtime, late.delegate, name, positional, keywords);
}
