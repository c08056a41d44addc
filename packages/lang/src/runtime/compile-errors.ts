/**
 * try/except/finally, raise and assert. An error keeps its Dana type across calls (decision 3); budget
 * errors are uncatchable and skip `finally`; an error raised inside `finally` propagates; `break`/`continue`
 * are completion codes, so no `except` ever sees them.
 */
import { DanaException } from "../errors.js";
import type * as ast from "../syntax/ast.js";
import { isTruthy, str } from "../values/index.js";
import { DanaErrorValue, type Value } from "../values/types.js";
import { type CompileUnit, compileNameWrite } from "./compile-context.js";
import { type Assign, compileExpression, type Evaluate } from "./compile-expressions.js";
import { compileBlock, type Execute } from "./compile-statements.js";
import { NORMAL } from "./frame.js";
import { locate, toDanaException } from "./runtime-errors.js";

/** `except` clause matching: exact class name, `Exception`/`BaseException` catch every catchable error. */
export function handlerMatches(types: readonly string[] | null, exception: DanaException): boolean {
  if (types === null) return true;
  for (const type of types) {
    if (type === "Exception" || type === "BaseException" || type === exception.danaType) return true;
  }
  return false;
}

export interface CompiledHandler<Body> {
  readonly types: readonly string[] | null;
  readonly bind: Assign | null;
  readonly body: Body;
}

export function compileHandlerBinding(unit: CompileUnit, handler: ast.ExceptClause): Assign | null {
  return handler.name === null ? null : compileNameWrite(unit, handler.name, null);
}

export function compileTry(unit: CompileUnit, statement: ast.TryStatement): Execute {
  const runtime = unit.runtime;
  const body = compileBlock(unit, statement.body);
  const handlers: CompiledHandler<Execute>[] = statement.handlers.map((handler) => ({
    types: handler.types,
    bind: compileHandlerBinding(unit, handler),
    body: compileBlock(unit, handler.body),
  }));
  const cleanup = statement.finally ? compileBlock(unit, statement.finally) : null;
  return (frame) => {
    let completion = NORMAL;
    let pending: DanaException | null = null;
    try {
      completion = body(frame);
    } catch (error) {
      pending = toDanaException(error);
    }
    if (pending !== null) {
      // Budget errors (DanaLimitError) are uncatchable and skip `finally`.
      if (!pending.catchable) throw pending;
      const handler = handlers.find((candidate) => handlerMatches(candidate.types, pending!));
      if (handler !== undefined) {
        const caught = pending;
        pending = null;
        handler.bind?.(frame, new DanaErrorValue(caught));
        runtime.handling.push(caught);
        try {
          completion = handler.body(frame);
        } catch (error) {
          pending = toDanaException(error);
          if (!pending.catchable) throw pending;
        } finally {
          runtime.handling.pop();
        }
      }
    }
    if (cleanup !== null) {
      const cleanupCompletion = cleanup(frame);
      if (cleanupCompletion !== NORMAL) return cleanupCompletion;
    }
    if (pending !== null) throw pending;
    return completion;
  };
}

/** The exception a `raise` statement throws, given its evaluated operands. */
export function raisedException(
  unit: CompileUnit,
  hasOperand: boolean,
  value: Value,
  cause: Value | undefined,
  span: ast.Statement["span"],
): DanaException {
  let exception: DanaException;
  if (!hasOperand) {
    const current = unit.runtime.handling.at(-1);
    exception = current ?? new DanaException("RuntimeError", "No exception to re-raise");
  } else if (value instanceof DanaErrorValue) {
    exception = value.exception;
  } else {
    exception = new DanaException("RuntimeError", typeof value === "string" ? value : str(value, unit.runtime.limits));
  }
  if (cause !== undefined) {
    const causeException =
      cause instanceof DanaErrorValue
        ? cause.exception
        : cause === null
          ? null
          : new DanaException("RuntimeError", str(cause, unit.runtime.limits));
    Object.defineProperty(exception, "cause", { value: causeException, configurable: true, writable: true });
  }
  return locate(exception, span, unit);
}

export function compileRaise(unit: CompileUnit, statement: ast.RaiseStatement): Execute {
  const exception = statement.exception ? compileExpression(unit, statement.exception) : null;
  const cause = statement.cause ? compileExpression(unit, statement.cause) : null;
  const span = statement.span;
  return (frame) => {
    const value = exception === null ? null : exception(frame);
    const causeValue = cause === null ? undefined : cause(frame);
    throw raisedException(unit, exception !== null, value, causeValue, span);
  };
}

export function assertionError(unit: CompileUnit, message: Value | undefined, span: ast.Statement["span"]) {
  const text =
    message === undefined
      ? "Assertion failed"
      : typeof message === "string"
        ? message
        : str(message, unit.runtime.limits);
  return locate(new DanaException("AssertionError", text), span, unit);
}

export function compileAssert(unit: CompileUnit, statement: ast.AssertStatement): Execute {
  const test = compileExpression(unit, statement.test);
  const message: Evaluate | null = statement.message ? compileExpression(unit, statement.message) : null;
  const span = statement.span;
  return (frame) => {
    if (isTruthy(test(frame))) return NORMAL;
    throw assertionError(unit, message === null ? undefined : message(frame), span);
  };
}
