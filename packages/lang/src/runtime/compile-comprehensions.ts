/**
 * Loop targets (`x`, `k, v`, nested tuples) and comprehensions. Comprehension variables are ordinary locals
 * of the enclosing function, so they leak after the comprehension (a kept DIFF).
 */
import { DanaException, DanaLimitError } from "../errors.js";
import type * as ast from "../syntax/ast.js";
import { iterate } from "../values/index.js";
import { DanaDict, DanaFloat, DanaList, DanaSet, DanaTuple, type Value } from "../values/types.js";
import { type CompileUnit, compileNameWrite } from "./compile-context.js";
import { type Assign, compileCondition, compileExpression, type Evaluate } from "./compile-expressions.js";
import type { Frame } from "./frame.js";
import { locate } from "./runtime-errors.js";
// Loop targets and comprehensions

/** Values of `value` for unpacking into `count` targets (Python's messages). */
export function unpack(value: Value, count: number): readonly Value[] {
  let items: readonly Value[];
  if (value instanceof DanaTuple || value instanceof DanaList) items = value.items;
  else {
    let iterator: Iterator<Value>;
    try {
      iterator = iterate(value);
    } catch {
      throw new DanaException("TypeError", `cannot unpack non-iterable ${describeType(value)} object`);
    }
    const collected: Value[] = [];
    for (let step = iterator.next(); !step.done; step = iterator.next()) collected.push(step.value);
    items = collected;
  }
  // Spec 1.14 lists bad unpacking under TypeError (Python would say ValueError).
  if (items.length < count) {
    throw new DanaException("TypeError", `not enough values to unpack (expected ${count}, got ${items.length})`);
  }
  if (items.length > count) throw new DanaException("TypeError", `too many values to unpack (expected ${count})`);
  return items;
}

function describeType(value: Value): string {
  if (value === null) return "NoneType";
  if (typeof value === "number" || typeof value === "bigint") return "int";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "string") return "str";
  if (value instanceof DanaFloat) return "float";
  return value.kind;
}

export function compileTarget(unit: CompileUnit, target: ast.Target): Assign {
  if (target.kind === "Name") return compileNameWrite(unit, target.name, target.scope);
  const elements = target.elements.map((element) => compileTarget(unit, element));
  const span = target.span;
  return (frame, value) => {
    let items: readonly Value[];
    try {
      items = unpack(value, elements.length);
    } catch (error) {
      throw locate(error, span, unit);
    }
    for (let index = 0; index < elements.length; index++) elements[index]!(frame, items[index]!);
  };
}

export function iterateAt(unit: CompileUnit, value: Value, span: ast.Expression["span"]): Iterator<Value> {
  try {
    return iterate(value);
  } catch (error) {
    throw locate(error, span, unit);
  }
}

/**
 * A comprehension grows its result item by item, without the value layer's size checks: every 65,536 items
 * compare an estimate (16 bytes per item) with the memory budget, so a huge comprehension fails with
 * MemoryError before the host runs out of memory.
 */
export function checkCollectionSize(unit: CompileUnit, items: number, span: ast.Expression["span"]): void {
  const limit = unit.runtime.limits.maxMemoryBytes;
  if (items * 16 > limit) {
    const message = `a comprehension grew past the memory limit (${limit} bytes)`;
    throw locate(new DanaLimitError("memory", "MemoryError", message), span, unit);
  }
}

export function compileComprehension(
  unit: CompileUnit,
  expression: ast.ListComprehension | ast.SetComprehension | ast.DictComprehension,
): Evaluate {
  const runtime = unit.runtime;
  const clause = expression.clause;
  const iterable = compileExpression(unit, clause.iterable);
  const assign = compileTarget(unit, clause.target);
  const condition = clause.condition ? compileCondition(unit, clause.condition, false) : null;
  const span = expression.span;
  const iterableSpan = clause.iterable.span;
  const run = (frame: Frame, each: (frame: Frame) => void): void => {
    const iterator = iterateAt(unit, iterable(frame), iterableSpan);
    let produced = 0;
    for (let step = iterator.next(); !step.done; step = iterator.next()) {
      if (--runtime.tick <= 0) runtime.checkpoint();
      assign(frame, step.value);
      if (condition === null || condition(frame)) {
        each(frame);
        if ((++produced & 0xffff) === 0) checkCollectionSize(unit, produced, span);
      }
    }
  };
  if (expression.kind === "DictComprehension") {
    const key = compileExpression(unit, expression.key);
    const value = compileExpression(unit, expression.value);
    return (frame) => {
      const dict = new DanaDict();
      run(frame, (inner) => {
        const keyValue = key(inner);
        const itemValue = value(inner);
        try {
          dict.set(keyValue, itemValue);
        } catch (error) {
          throw locate(error, span, unit);
        }
      });
      return dict;
    };
  }
  const element = compileExpression(unit, expression.element);
  if (expression.kind === "SetComprehension") {
    return (frame) => {
      const set = new DanaSet();
      run(frame, (inner) => {
        const item = element(inner);
        try {
          set.add(item);
        } catch (error) {
          throw locate(error, span, unit);
        }
      });
      return set;
    };
  }
  return (frame) => {
    const items: Value[] = [];
    run(frame, (inner) => {
      items.push(element(inner));
    });
    return new DanaList(items);
  };
}
