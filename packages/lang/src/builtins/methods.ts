/**
 * Attribute reads and method calls on builtin values. Dispatch goes through switch statements and name sets —
 * never `object[name]` — so names like `__proto__` or `constructor` are simply unknown attributes.
 */
import { DanaException } from "../errors.js";
import { DanaBigRange } from "../values/big-range.js";
import { checkMemory, translateHostLimit } from "../values/memory.js";
import { operandTypeName } from "../values/print.js";
import type { RuntimeServices } from "../values/services.js";
import {
  DanaDict,
  DanaErrorValue,
  DanaList,
  DanaNativeObject,
  DanaRange,
  DanaSet,
  DanaTuple,
  type KeywordArguments,
  normalizeInt,
  type Value,
} from "../values/types.js";
import { DanaBuiltinFunction } from "./builtin-function.js";
import { callDictMethod, callSetMethod, dictMethodNames, setMethodNames } from "./collection-methods.js";
import { callListMethod, callTupleMethod, listMethodNames, tupleMethodNames } from "./sequence-methods.js";
import { callStringMethod, stringMethodNames } from "./string-methods.js";

/** `object.name(...)` on a builtin value; undefined when the value has no such method. */
export function callBuiltinMethod(
  object: Value,
  name: string,
  positional: readonly Value[],
  keywords: KeywordArguments,
  services: RuntimeServices,
): Value | undefined {
  if (object instanceof DanaList) {
    // `xs.append(v)` dominates list-building loops; skip the generic dispatch for it.
    if (name === "append" && positional.length === 1 && keywords.size === 0) {
      const items = object.items;
      items.push(positional[0] as Value);
      if (items.length * 8 > services.limits.maxMemoryBytes) checkMemory(items.length * 8, services.limits);
      return null;
    }
    return callListMethod(object, name, positional, keywords, services);
  }
  if (typeof object === "string") {
    try {
      return callStringMethod(object, name, positional, keywords, services);
    } catch (error) {
      if (error instanceof DanaException) throw error;
      return translateHostLimit(error);
    }
  }
  if (object instanceof DanaDict) return callDictMethod(object, name, positional, keywords, services.limits);
  if (object instanceof DanaSet) return callSetMethod(object, name, positional, services.limits);
  if (object instanceof DanaTuple) return callTupleMethod(object, name, positional);
  if (object instanceof DanaNativeObject) return object.callMethod(name, positional, keywords);
  return undefined;
}

/** Every builtin method name of str, list, tuple, dict and set (for analyses that need to know a call stays builtin). */
export const allBuiltinMethodNames: ReadonlySet<string> = new Set([
  ...stringMethodNames,
  ...listMethodNames,
  ...tupleMethodNames,
  ...dictMethodNames,
  ...setMethodNames,
]);

/** Whether `object.name(...)` names a builtin method (without calling it). */
export function hasBuiltinMethod(object: Value, name: string): boolean {
  if (object instanceof DanaList) return listMethodNames.has(name);
  if (typeof object === "string") return stringMethodNames.has(name);
  if (object instanceof DanaDict) return dictMethodNames.has(name);
  if (object instanceof DanaSet) return setMethodNames.has(name);
  if (object instanceof DanaTuple) return tupleMethodNames.has(name);
  return false;
}

/**
 * `object.name` without a call: dict keys by dot (a kept Dana difference: `cfg.on`), error fields, range bounds,
 * and bound builtin methods (`f = xs.append`). Undefined when there is no such attribute.
 */
export function getBuiltinAttribute(object: Value, name: string): Value | undefined {
  if (object instanceof DanaDict) {
    const found = object.get(name);
    if (found !== undefined) return found;
  } else if (object instanceof DanaErrorValue) {
    return errorField(object, name);
  } else if (object instanceof DanaRange || object instanceof DanaBigRange) {
    const bound =
      name === "start" ? object.start : name === "stop" ? object.stop : name === "step" ? object.step : undefined;
    return bound === undefined ? undefined : normalizeInt(BigInt(bound));
  } else if (object instanceof DanaNativeObject) {
    return object.getAttribute(name);
  }
  if (hasBuiltinMethod(object, name)) return bindMethod(object, name);
  return undefined;
}

function bindMethod(object: Value, name: string): DanaBuiltinFunction {
  return new DanaBuiltinFunction(
    `${operandTypeName(object)}.${name}`,
    (positional, keywords, services) => callBuiltinMethod(object, name, positional, keywords, services) ?? null,
    [],
    object,
  );
}

/** The fields of `e` in `except … as e:` (spec 1.5). */
function errorField(error: DanaErrorValue, name: string): Value | undefined {
  const exception = error.exception;
  const location = exception.location;
  const innermost = exception.traceback[exception.traceback.length - 1];
  switch (name) {
    case "type":
      return exception.danaType;
    case "message":
      return exception.message;
    case "traceback":
      return new DanaList(
        exception.traceback.map((frame) => `File "${frame.file}", line ${frame.line}, in ${frame.function}`),
      );
    case "filename":
      return location?.file ?? innermost?.file ?? null;
    case "line":
      return location?.span.line ?? innermost?.line ?? null;
    case "column":
      return location?.span.column ?? innermost?.column ?? null;
    case "source_line":
      return innermost?.sourceLine ?? null;
  }
  return undefined;
}
