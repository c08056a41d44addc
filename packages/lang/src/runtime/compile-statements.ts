/**
 * Statements → synchronous closures returning a completion code (NORMAL, BREAK, CONTINUE, RETURN).
 * `break`/`continue`/`return` are codes, never exceptions, so `except` can never catch them and loops pay
 * nothing for them. Loop back-edges count one step each (`runtime.tick`).
 */
import { DanaException } from "../errors.js";
import type * as ast from "../syntax/ast.js";
import { augmentedOperation, coerceForAssignment, getItem, setItem, setSlice, typeName } from "../values/index.js";
import { DanaList, DanaRange, type Value } from "../values/types.js";
import { compileTarget, iterateAt } from "./compile-comprehensions.js";
import { type CompileUnit, compileNameRead, compileNameWrite } from "./compile-context.js";
import {
  compileDeclarativeDefinition,
  compileFunctionDefinition,
  compileInterfaceDefinition,
  compileStructDefinition,
  type Definition,
} from "./compile-definitions.js";
import { compileAssert, compileRaise, compileTry } from "./compile-errors.js";
import { type Assign, compileCondition, compileExpression } from "./compile-expressions.js";
import { BREAK, CONTINUE, type Frame, NORMAL, RETURN } from "./frame.js";
import { compileImport } from "./modules.js";
import { locate } from "./runtime-errors.js";
import { getAttribute, setAttribute } from "./structs.js";

export type Execute = (frame: Frame) => number;

export function compileBlock(unit: CompileUnit, statements: readonly ast.Statement[]): Execute {
  const compiled = statements.map((statement) => compileStatement(unit, statement));
  if (compiled.length === 0) return () => NORMAL;
  if (compiled.length === 1) return compiled[0]!;
  if (compiled.length === 2) {
    const first = compiled[0]!;
    const second = compiled[1]!;
    return (frame) => {
      const completion = first(frame);
      return completion !== NORMAL ? completion : second(frame);
    };
  }
  return (frame) => {
    for (let index = 0; index < compiled.length; index++) {
      const completion = compiled[index]!(frame);
      if (completion !== NORMAL) return completion;
    }
    return NORMAL;
  };
}

/** Records a statement's value: the program's value (module code), and the implicit return value. */
export function valueRecorder(unit: CompileUnit): (frame: Frame, value: Value) => void {
  if (unit.locals === null) {
    return (frame, value) => {
      frame.resultValue = value;
      if (value !== null) frame.lastValue = value;
    };
  }
  return (frame, value) => {
    if (value !== null) frame.lastValue = value;
  };
}

export function compileStatement(unit: CompileUnit, statement: ast.Statement): Execute {
  switch (statement.kind) {
    case "ExpressionStatement": {
      const expression = compileExpression(unit, statement.expression);
      const record = valueRecorder(unit);
      return (frame) => {
        record(frame, expression(frame));
        return NORMAL;
      };
    }
    case "Assignment":
      return compileAssignment(unit, statement);
    case "AugmentedAssignment":
      return compileAugmentedAssignment(unit, statement);
    case "IfStatement":
      return compileIf(unit, statement);
    case "WhileStatement":
      return compileWhile(unit, statement);
    case "ForStatement":
      return compileFor(unit, statement);
    case "BreakStatement":
      return () => BREAK;
    case "ContinueStatement":
      return () => CONTINUE;
    case "PassStatement":
      return () => NORMAL;
    case "ReturnStatement": {
      if (statement.value === null) {
        return (frame) => {
          frame.returnValue = null;
          return RETURN;
        };
      }
      const value = compileExpression(unit, statement.value);
      return (frame) => {
        frame.returnValue = value(frame);
        return RETURN;
      };
    }
    case "TryStatement":
      return compileTry(unit, statement);
    case "RaiseStatement":
      return compileRaise(unit, statement);
    case "AssertStatement":
      return compileAssert(unit, statement);
    case "FunctionDefinition":
      return definitionStatement(compileFunctionDefinition(unit, statement));
    case "DeclarativeFunctionDefinition":
      return definitionStatement(compileDeclarativeDefinition(unit, statement));
    case "StructDefinition":
      return definitionStatement(compileStructDefinition(unit, statement));
    case "InterfaceDefinition":
      return definitionStatement(compileInterfaceDefinition(unit, statement));
    case "ImportStatement":
    case "FromImportStatement":
      return compileImport(unit, statement).sync;
    case "WithStatement": {
      const context = compileExpression(unit, statement.context);
      const span = statement.context.span;
      return (frame) => {
        const value = context(frame);
        throw locate(
          new DanaException("TypeError", `'${typeName(value)}' object does not support the context manager protocol`),
          span,
          unit,
        );
      };
    }
  }
}

function definitionStatement(definition: Definition): Execute {
  return (frame) => {
    definition(frame);
    return NORMAL;
  };
}

/** The value-storing half of an assignment to `target` (its sub-expressions evaluated after the value). */
export function compileStore(unit: CompileUnit, target: ast.AssignTarget): Assign {
  const runtime = unit.runtime;
  switch (target.kind) {
    case "Name":
      return compileNameWrite(unit, target.name, target.scope);
    case "AttributeExpression": {
      const object = compileExpression(unit, target.object);
      const name = target.name;
      const span = target.nameSpan;
      return (frame, value) => {
        const container = object(frame);
        try {
          setAttribute(runtime, container, name, value);
        } catch (error) {
          throw locate(error, span, unit);
        }
      };
    }
    case "IndexExpression": {
      const object = compileExpression(unit, target.object);
      const span = target.span;
      const index = target.index;
      if (index.kind === "SliceExpression") {
        const start = index.start ? compileExpression(unit, index.start) : null;
        const stop = index.stop ? compileExpression(unit, index.stop) : null;
        const step = index.step ? compileExpression(unit, index.step) : null;
        return (frame, value) => {
          const container = object(frame);
          const startValue = start === null ? null : start(frame);
          const stopValue = stop === null ? null : stop(frame);
          const stepValue = step === null ? null : step(frame);
          try {
            setSlice(container, startValue, stopValue, stepValue, value);
          } catch (error) {
            throw locate(error, span, unit);
          }
        };
      }
      const key = compileExpression(unit, index);
      return (frame, value) => {
        const container = object(frame);
        const position = key(frame);
        if (container instanceof DanaList && typeof position === "number") {
          const items = container.items;
          const offset = position < 0 ? position + items.length : position;
          if (offset >= 0 && offset < items.length) {
            items[offset] = value;
            return;
          }
        }
        try {
          setItem(container, position, value, runtime.limits);
        } catch (error) {
          throw locate(error, span, unit);
        }
      };
    }
  }
}

export function targetName(target: ast.AssignTarget): string {
  if (target.kind === "Name") return target.name;
  if (target.kind === "AttributeExpression") return target.name;
  return "item";
}

/** `x: T = v` coerces (spec 1.13); `reason(…)` on the right learns T. */
export function compileCoercion(unit: CompileUnit, statement: ast.Assignment): ((value: Value) => Value) | null {
  const annotation = statement.annotation;
  if (annotation === null) return null;
  const runtime = unit.runtime;
  const name = targetName(statement.target);
  const span = statement.span;
  return (value) => {
    try {
      return coerceForAssignment(value, annotation, name, runtime);
    } catch (error) {
      throw locate(error, span, unit);
    }
  };
}

export function registerExpectedType(unit: CompileUnit, statement: ast.Assignment): void {
  const value = statement.value;
  if (
    statement.annotation !== null &&
    value.kind === "CallExpression" &&
    value.callee.kind === "Name" &&
    value.callee.scope === null &&
    value.callee.name === "reason"
  ) {
    unit.expectedTypes.set(value, { type: statement.annotation, target: targetName(statement.target) });
  }
}

function compileAssignment(unit: CompileUnit, statement: ast.Assignment): Execute {
  registerExpectedType(unit, statement);
  const value = compileExpression(unit, statement.value);
  const store = compileStore(unit, statement.target);
  const coerce = compileCoercion(unit, statement);
  const record = valueRecorder(unit);
  if (coerce === null) {
    return (frame) => {
      const result = value(frame);
      store(frame, result);
      record(frame, result);
      return NORMAL;
    };
  }
  return (frame) => {
    const result = coerce(value(frame));
    store(frame, result);
    record(frame, result);
    return NORMAL;
  };
}

function compileAugmentedAssignment(unit: CompileUnit, statement: ast.AugmentedAssignment): Execute {
  const runtime = unit.runtime;
  const operator = statement.operator;
  const value = compileExpression(unit, statement.value);
  const record = valueRecorder(unit);
  const span = statement.span;
  const combine = (current: Value, operand: Value): Value => {
    let result: Value;
    try {
      result = augmentedOperation(operator, current, operand, runtime.limits);
    } catch (error) {
      throw locate(error, span, unit);
    }
    if (typeof result === "bigint") runtime.afterBigIntegerOperation();
    return result;
  };
  const target = statement.target;
  if (target.kind === "Name") {
    const read = compileNameRead(unit, target.name, target.scope);
    const write = compileNameWrite(unit, target.name, target.scope);
    const integerFastPath = operator === "+" || operator === "-";
    return (frame) => {
      const current = read(frame);
      const operand = value(frame);
      let result: Value;
      if (integerFastPath && typeof current === "number" && typeof operand === "number") {
        result = operator === "+" ? current + operand : current - operand;
        if (!Number.isSafeInteger(result)) result = combine(current, operand);
      } else result = combine(current, operand);
      write(frame, result);
      record(frame, result);
      return NORMAL;
    };
  }
  if (target.kind === "AttributeExpression") {
    const object = compileExpression(unit, target.object);
    const name = target.name;
    const nameSpan = target.nameSpan;
    return (frame) => {
      const container = object(frame);
      let current: Value;
      try {
        current = getAttribute(runtime, container, name);
      } catch (error) {
        throw locate(error, nameSpan, unit);
      }
      const result = combine(current, value(frame));
      try {
        setAttribute(runtime, container, name, result);
      } catch (error) {
        throw locate(error, nameSpan, unit);
      }
      record(frame, result);
      return NORMAL;
    };
  }
  if (target.index.kind === "SliceExpression") {
    return () => {
      throw locate(new DanaException("SyntaxError", "augmented assignment to a slice is not supported"), span, unit);
    };
  }
  const object = compileExpression(unit, target.object);
  const key = compileExpression(unit, target.index);
  return (frame) => {
    const container = object(frame);
    const position = key(frame);
    let current: Value;
    try {
      current = getItem(container, position);
    } catch (error) {
      throw locate(error, span, unit);
    }
    const result = combine(current, value(frame));
    try {
      setItem(container, position, result, runtime.limits);
    } catch (error) {
      throw locate(error, span, unit);
    }
    record(frame, result);
    return NORMAL;
  };
}

function compileIf(unit: CompileUnit, statement: ast.IfStatement): Execute {
  const tests = [statement.test, ...statement.elifs.map((elif) => elif.test)].map((test) =>
    compileCondition(unit, test, true),
  );
  const bodies = [statement.body, ...statement.elifs.map((elif) => elif.body)].map((body) => compileBlock(unit, body));
  const orelse = statement.orelse ? compileBlock(unit, statement.orelse) : null;
  if (tests.length === 1) {
    const test = tests[0]!;
    const body = bodies[0]!;
    if (orelse === null) return (frame) => (test(frame) ? body(frame) : NORMAL);
    return (frame) => (test(frame) ? body(frame) : orelse(frame));
  }
  return (frame) => {
    for (let index = 0; index < tests.length; index++) {
      if (tests[index]!(frame)) return bodies[index]!(frame);
    }
    return orelse === null ? NORMAL : orelse(frame);
  };
}

function compileWhile(unit: CompileUnit, statement: ast.WhileStatement): Execute {
  const runtime = unit.runtime;
  const test = compileCondition(unit, statement.test, true);
  const body = compileBlock(unit, statement.body);
  return (frame) => {
    while (test(frame)) {
      const completion = body(frame);
      if (completion !== NORMAL) {
        if (completion === BREAK) break;
        if (completion === RETURN) return RETURN;
      }
      if (--runtime.tick <= 0) runtime.checkpoint();
    }
    return NORMAL;
  };
}

function compileFor(unit: CompileUnit, statement: ast.ForStatement): Execute {
  const runtime = unit.runtime;
  const iterable = compileExpression(unit, statement.iterable);
  const assign = compileTarget(unit, statement.target);
  const body = compileBlock(unit, statement.body);
  const span = statement.iterable.span;
  return (frame) => {
    const value = iterable(frame);
    if (value instanceof DanaRange) {
      const { start, stop, step } = value;
      for (let current = start; step > 0 ? current < stop : current > stop; current += step) {
        assign(frame, current);
        const completion = body(frame);
        if (completion !== NORMAL) {
          if (completion === BREAK) break;
          if (completion === RETURN) return RETURN;
        }
        if (--runtime.tick <= 0) runtime.checkpoint();
      }
      return NORMAL;
    }
    if (value instanceof DanaList) {
      // Python iterates a list by index, seeing appends made by the body.
      for (let index = 0; index < value.items.length; index++) {
        assign(frame, value.items[index]!);
        const completion = body(frame);
        if (completion !== NORMAL) {
          if (completion === BREAK) break;
          if (completion === RETURN) return RETURN;
        }
        if (--runtime.tick <= 0) runtime.checkpoint();
      }
      return NORMAL;
    }
    const iterator = iterateAt(unit, value, span);
    for (let step = iterator.next(); !step.done; step = iterator.next()) {
      assign(frame, step.value);
      const completion = body(frame);
      if (completion !== NORMAL) {
        if (completion === BREAK) break;
        if (completion === RETURN) return RETURN;
      }
      if (--runtime.tick <= 0) runtime.checkpoint();
    }
    return NORMAL;
  };
}
