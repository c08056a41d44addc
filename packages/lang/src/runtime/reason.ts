/**
 * `reason(prompt, options=None, use_mock=None, **kw)` — the LLM primitive (spec 1.11), delegated to
 * `host.reason`. Keyword arguments are folded into the options; the expected type comes from an enclosing
 * typed assignment (`n: int = reason(…)`); the reply is coerced to that type, or auto-coerced without one.
 */
import { DanaException } from "../errors.js";
import type { ExpectedType } from "../host.js";
import type * as ast from "../syntax/ast.js";
import { coerceForAssignment, fromJSON, str, toJSON } from "../values/index.js";
import {
  DanaDict,
  DanaFloat,
  DanaHostFunction,
  type KeywordArguments,
  normalizeInt,
  type Value,
} from "../values/types.js";
import { compileArguments, evaluateArguments } from "./compile-calls.js";
import type { CompileUnit, ExpectedAssignment } from "./compile-context.js";
import type { Evaluate } from "./compile-expressions.js";
import { addCallerFrame, needsAsynchronousError } from "./runtime-errors.js";
import type { Runtime } from "./runtime-state.js";
import { abandonPromise, isPromiseLike } from "./trampoline.js";

const primitiveNames = new Set(["bool", "int", "float", "str", "dict", "list"]);

export function typeText(type: ast.TypeExpression): string {
  if (type.kind === "TypeUnion") return type.options.map(typeText).join(" | ");
  if (type.arguments.length === 0) return type.name;
  return `${type.name}[${type.arguments.map(typeText).join(", ")}]`;
}

export function expectedTypeOf(runtime: Runtime, type: ast.TypeExpression): ExpectedType | null {
  if (type.kind === "TypeUnion") {
    for (const option of type.options) {
      const expected = expectedTypeOf(runtime, option);
      if (expected !== null) return expected;
    }
    return null;
  }
  if (primitiveNames.has(type.name)) {
    return { kind: "primitive", name: type.name as "bool" | "int" | "float" | "str" | "dict" | "list" };
  }
  const struct = runtime.findStruct(type.name);
  if (struct === undefined) return null;
  return {
    kind: "struct",
    name: struct.name,
    fields: struct.fields.map((field) => ({
      name: field.name,
      type: typeText(field.type),
      description: field.description,
    })),
  };
}

/** Without an expected type: "yes"/"no"/"true"/"false" → bool, digits → int, decimals → float, JSON on request. */
export function autoCoerceReply(reply: string, parseJson: boolean): Value {
  const text = reply.trim();
  const lower = text.toLowerCase();
  if (lower === "yes" || lower === "true") return true;
  if (lower === "no" || lower === "false") return false;
  if (/^[+-]?\d+$/.test(text)) return normalizeInt(BigInt(text));
  if (/^[+-]?(\d+\.\d*|\.\d+|\d+(\.\d*)?[eE][+-]?\d+|\.\d+[eE][+-]?\d+)$/.test(text)) {
    return new DanaFloat(Number.parseFloat(text));
  }
  if (parseJson && (text.startsWith("{") || text.startsWith("["))) {
    try {
      return fromJSON(JSON.parse(text));
    } catch {
      return reply;
    }
  }
  return reply;
}

function coerceReply(runtime: Runtime, reply: unknown, expected: ExpectedAssignment | null, parseJson: boolean): Value {
  if (expected !== null) {
    const value = typeof reply === "string" ? reply : fromJSON(reply ?? null);
    return coerceForAssignment(value, expected.type, expected.target, runtime);
  }
  if (typeof reply === "string") return autoCoerceReply(reply, parseJson);
  return fromJSON(reply ?? null);
}

/** Starts a reason() request; returns the coerced value, or a promise of it when the host is asynchronous. */
export function requestReason(
  runtime: Runtime,
  positional: readonly Value[],
  keywords: KeywordArguments | null,
  expected: ExpectedAssignment | null,
): Value | Promise<Value> {
  const reason = runtime.host.reason;
  if (reason === undefined) {
    throw new DanaException("RuntimeError", "reason() is not available: the host granted no LLM capability");
  }
  const prompt = positional[0] ?? keywords?.get("prompt") ?? null;
  const given = positional[1] ?? keywords?.get("options") ?? null;
  const useMock = positional[2] ?? keywords?.get("use_mock") ?? null;
  const options = new DanaDict();
  if (given instanceof DanaDict) for (const [key, value] of given.entries()) options.set(key, value);
  else if (given !== null) throw new DanaException("TypeError", "reason() options must be a dict");
  for (const [key, value] of keywords ?? []) {
    if (key !== "prompt" && key !== "options" && key !== "use_mock") options.set(key, value);
  }
  if (useMock !== null) options.set("use_mock", useMock);
  const optionsData = toJSON(options) as Record<string, unknown>;
  const parseJson = optionsData.format === "json";
  const expectedType = expected === null ? null : expectedTypeOf(runtime, expected.type);
  const reply = reason.call(runtime.host, {
    prompt: typeof prompt === "string" ? prompt : str(prompt, runtime.limits),
    options: optionsData,
    expectedType,
  });
  if (isPromiseLike(reply)) {
    return Promise.resolve(reply).then((value) => coerceReply(runtime, value, expected, parseJson));
  }
  return coerceReply(runtime, reply, expected, parseJson);
}

export function installReason(runtime: Runtime): void {
  runtime.runtimeFunctions.set(
    "reason",
    new DanaHostFunction("reason", (positional, keywords) => requestReason(runtime, positional, keywords, null), [
      "prompt",
      "options",
      "use_mock",
    ]),
  );
}

export function compileReasonCall(unit: CompileUnit, call: ast.CallExpression): Evaluate {
  const runtime = unit.runtime;
  const compiled = compileArguments(unit, call.arguments);
  const expected = unit.expectedTypes.get(call) ?? null;
  const span = call.span;
  return (frame) => {
    const { positional, keywords } = evaluateArguments(compiled, frame);
    let result: Value | Promise<Value>;
    try {
      result = requestReason(runtime, positional, keywords, expected);
    } catch (error) {
      throw addCallerFrame(error, span, unit);
    }
    if (isPromiseLike(result)) {
      abandonPromise(result);
      throw addCallerFrame(needsAsynchronousError(runtime.asynchronousMode, "reason()"), span, unit);
    }
    return result;
  };
}
