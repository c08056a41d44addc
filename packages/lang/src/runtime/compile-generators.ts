/**
 * The second compilation, to generator closures, for the statements and expressions the analysis marked
 * "may suspend" (see the design note in compile-expressions.ts). Anything not marked is delegated to the
 * synchronous closures, so only the path from a function's entry to its host call pays for generators.
 *
 * Operators whose operands suspend are not written twice: the operands that precede the last suspending one
 * are evaluated (in order) into frame temporaries, and the node itself is then compiled by the synchronous
 * compiler with `TemporaryRead` operands ("hoisting").
 */

import { builtinFunctions } from "../builtins/index.js";
import type * as ast from "../syntax/ast.js";
import { isSemanticallyTruthy, isTruthy } from "../values/index.js";
import { DanaDict, DanaList, DanaSet, type KeywordArguments, type Value } from "../values/types.js";
import { compileCalleeLookup, undefinedCallee } from "./compile-calls.js";
import { checkCollectionSize, compileTarget, iterateAt } from "./compile-comprehensions.js";
import { allocateTemporary, type CompileUnit } from "./compile-context.js";
import { compileLambdaGenerator } from "./compile-definitions.js";
import { compileCondition, compileExpression, type Evaluate, type TemporaryRead } from "./compile-expressions.js";
import type { Frame } from "./frame.js";
import { callMethodGenerator, callValueGenerator, emptyKeywords, replayBuiltin } from "./invoke.js";
import { requestReason } from "./reason.js";
import { addCallerFrame, locate } from "./runtime-errors.js";
import { isPromiseLike, type Suspendable } from "./trampoline.js";

export type GenerateValue = (frame: Frame) => Suspendable<Value>;
export type GenerateCompletion = (frame: Frame) => Suspendable<number>;

/** Adapts a synchronous closure to the generator interface (for operands that never suspend). */
export function fromSync<T>(sync: (frame: Frame) => T): (frame: Frame) => Suspendable<T> {
  // biome-ignore lint/correctness/useYield: an adapter; the synchronous closure never suspends
  return function* (frame) {
    return sync(frame);
  };
}

type Step = { readonly slot: number; readonly sync: Evaluate | null; readonly generator: GenerateValue | null };

function temporaryRead(slot: number, expression: ast.Expression): ast.Expression {
  const read: TemporaryRead = { kind: "TemporaryRead", slot, span: expression.span };
  return read as unknown as ast.Expression;
}

/** Evaluates `children` up to the last suspending one into temporaries; returns the steps and the new children. */
export function hoist(unit: CompileUnit, children: readonly (ast.Expression | null)[]) {
  let last = -1;
  children.forEach((child, index) => {
    if (child !== null && unit.analysis.maySuspend(child)) last = index;
  });
  const steps: Step[] = [];
  const replaced = children.map((child, index) => {
    if (child === null || index > last) return child;
    const slot = allocateTemporary(unit);
    const suspends = unit.analysis.maySuspend(child);
    steps.push({
      slot,
      sync: suspends ? null : compileExpression(unit, child),
      generator: suspends ? compileExpressionGenerator(unit, child) : null,
    });
    return temporaryRead(slot, child);
  });
  return { steps, replaced };
}

export function* runSteps(steps: readonly Step[], frame: Frame): Suspendable<void> {
  for (const step of steps) frame.slots[step.slot] = step.generator ? yield* step.generator(frame) : step.sync!(frame);
}

/** Operand lists of the operators whose operands are all evaluated, in order, with a rebuild function. */
export function strictOperands(
  expression: ast.Expression,
): { children: (ast.Expression | null)[]; rebuild(children: (ast.Expression | null)[]): ast.Expression } | null {
  switch (expression.kind) {
    case "FString": {
      const children = expression.parts.filter((part): part is ast.Expression => typeof part !== "string");
      return {
        children,
        rebuild: (replaced) => {
          let next = 0;
          const parts = expression.parts.map((part) => (typeof part === "string" ? part : replaced[next++]!));
          return { ...expression, parts };
        },
      };
    }
    case "ListExpression":
    case "TupleExpression":
    case "SetExpression":
      return {
        children: [...expression.elements],
        rebuild: (replaced) => ({ ...expression, elements: replaced }) as ast.Expression,
      };
    case "DictExpression":
      return {
        children: expression.entries.flatMap((entry) => [entry.key, entry.value]),
        rebuild: (replaced) => ({
          ...expression,
          entries: expression.entries.map((_, index) => ({
            key: replaced[2 * index]!,
            value: replaced[2 * index + 1]!,
          })),
        }),
      };
    case "UnaryExpression":
      return { children: [expression.operand], rebuild: ([operand]) => ({ ...expression, operand: operand! }) };
    case "BinaryExpression":
    case "CompareExpression":
      return {
        children: [expression.left, expression.right],
        rebuild: ([left, right]) => ({ ...expression, left: left!, right: right! }) as ast.Expression,
      };
    case "AttributeExpression":
      return { children: [expression.object], rebuild: ([object]) => ({ ...expression, object: object! }) };
    case "IndexExpression": {
      const index = expression.index;
      if (index.kind === "SliceExpression") {
        return {
          children: [expression.object, index.start, index.stop, index.step],
          rebuild: ([object, start, stop, step]) => ({
            ...expression,
            object: object!,
            index: { ...index, start: start ?? null, stop: stop ?? null, step: step ?? null },
          }),
        };
      }
      return {
        children: [expression.object, index],
        rebuild: ([object, key]) => ({ ...expression, object: object!, index: key! }),
      };
    }
    default:
      return null;
  }
}

export function compileExpressionGenerator(unit: CompileUnit, expression: ast.Expression): GenerateValue {
  if (!unit.analysis.maySuspend(expression)) {
    return fromSync(compileExpression(unit, expression));
  }
  switch (expression.kind) {
    case "CallExpression":
      return compileCallGenerator(unit, expression);
    case "LogicalExpression": {
      const left = compileExpressionGenerator(unit, expression.left);
      const right = compileExpressionGenerator(unit, expression.right);
      const isAnd = expression.operator === "and";
      return function* (frame) {
        const first = isTruthy(yield* left(frame));
        if (isAnd ? !first : first) return first;
        return isTruthy(yield* right(frame));
      };
    }
    case "ConditionalExpression": {
      const test = compileExpressionGenerator(unit, expression.test);
      const body = compileExpressionGenerator(unit, expression.body);
      const orelse = compileExpressionGenerator(unit, expression.orelse);
      return function* (frame) {
        return isTruthy(yield* test(frame)) ? yield* body(frame) : yield* orelse(frame);
      };
    }
    case "ListComprehension":
    case "SetComprehension":
    case "DictComprehension":
      return compileComprehensionGenerator(unit, expression);
    case "LambdaExpression":
      return compileLambdaGenerator(unit, expression);
    default: {
      const operands = strictOperands(expression);
      if (operands === null) return fromSync(compileExpression(unit, expression));
      const { steps, replaced } = hoist(unit, operands.children);
      const rebuilt = compileExpression(unit, operands.rebuild(replaced));
      return function* (frame) {
        yield* runSteps(steps, frame);
        return rebuilt(frame);
      };
    }
  }
}

export function compileConditionGenerator(unit: CompileUnit, expression: ast.Expression, semantic: boolean) {
  if (!unit.analysis.maySuspend(expression)) {
    return fromSync(compileCondition(unit, expression, semantic));
  }
  const value = compileExpressionGenerator(unit, expression);
  return function* (frame: Frame): Suspendable<boolean> {
    const result = yield* value(frame);
    return semantic ? isSemanticallyTruthy(result) : isTruthy(result);
  };
}

export function compileArgumentsGenerator(unit: CompileUnit, argumentList: readonly ast.Argument[]) {
  const values = argumentList.map((argument) => compileExpressionGenerator(unit, argument.value));
  const names = argumentList.map((argument) => argument.name);
  return function* (frame: Frame): Suspendable<{ positional: Value[]; keywords: KeywordArguments | null }> {
    const positional: Value[] = [];
    let keywords: Map<string, Value> | null = null;
    for (let index = 0; index < values.length; index++) {
      const value = yield* values[index]!(frame);
      const name = names[index];
      if (name === null || name === undefined) positional.push(value);
      else {
        keywords ??= new Map();
        keywords.set(name, value);
      }
    }
    return { positional, keywords };
  };
}

function compileCallGenerator(unit: CompileUnit, call: ast.CallExpression): GenerateValue {
  const runtime = unit.runtime;
  const span = call.span;
  const argumentValues = compileArgumentsGenerator(unit, call.arguments);
  const callee = call.callee;
  if (callee.kind === "Name" && callee.scope === null) {
    if (callee.name === "reason") {
      const expected = unit.expectedTypes.get(call) ?? null;
      return function* (frame) {
        const { positional, keywords } = yield* argumentValues(frame);
        try {
          let result: unknown = requestReason(runtime, positional, keywords, expected);
          if (isPromiseLike(result)) result = yield result;
          return result as Value;
        } catch (error) {
          throw addCallerFrame(error, span, unit);
        }
      };
    }
    const builtin = builtinFunctions.get(callee.name);
    if (builtin !== undefined) {
      return function* (frame) {
        const { positional, keywords } = yield* argumentValues(frame);
        try {
          const invoke = () => builtin.implementation(positional, keywords ?? emptyKeywords, runtime);
          const result = (yield* replayBuiltin(runtime, invoke)) as Value;
          runtime.afterBuiltin(undefined, positional);
          return result;
        } catch (error) {
          throw addCallerFrame(error, span, unit);
        }
      };
    }
  }
  if (callee.kind === "AttributeExpression") {
    const object = compileExpressionGenerator(unit, callee.object);
    const name = callee.name;
    return function* (frame) {
      const value = yield* object(frame);
      const { positional, keywords } = yield* argumentValues(frame);
      try {
        return yield* callMethodGenerator(runtime, value, name, positional, keywords);
      } catch (error) {
        throw addCallerFrame(error, span, unit);
      }
    };
  }
  let target: GenerateValue;
  if (callee.kind === "Name") {
    const fixed =
      callee.scope === null
        ? (runtime.runtimeFunctions.get(callee.name) ?? runtime.hostFunctions.get(callee.name))
        : undefined;
    const lookup = compileCalleeLookup(unit, callee);
    const name = callee.name;
    target = fromSync((frame) => {
      if (fixed !== undefined) return fixed;
      const value = lookup(frame);
      if (value === undefined) throw addCallerFrame(undefinedCallee(name), span, unit);
      return value;
    });
  } else target = compileExpressionGenerator(unit, callee);
  return function* (frame) {
    const value = yield* target(frame);
    const { positional, keywords } = yield* argumentValues(frame);
    try {
      return yield* callValueGenerator(runtime, value, positional, keywords);
    } catch (error) {
      throw addCallerFrame(error, span, unit);
    }
  };
}

function compileComprehensionGenerator(
  unit: CompileUnit,
  expression: ast.ListComprehension | ast.SetComprehension | ast.DictComprehension,
): GenerateValue {
  const runtime = unit.runtime;
  const clause = expression.clause;
  const iterable = compileExpressionGenerator(unit, clause.iterable);
  const assign = compileTarget(unit, clause.target);
  const condition = clause.condition ? compileConditionGenerator(unit, clause.condition, false) : null;
  const key = expression.kind === "DictComprehension" ? compileExpressionGenerator(unit, expression.key) : null;
  const element = compileExpressionGenerator(
    unit,
    expression.kind === "DictComprehension" ? expression.value : expression.element,
  );
  const span = expression.span;
  const kind = expression.kind;
  return function* (frame) {
    const iterator = iterateAt(unit, yield* iterable(frame), clause.iterable.span);
    const items: Value[] = [];
    const dict = new DanaDict();
    const set = new DanaSet();
    let produced = 0;
    for (let step = iterator.next(); !step.done; step = iterator.next()) {
      if (--runtime.tick <= 0) runtime.checkpoint();
      assign(frame, step.value);
      if (condition !== null && !(yield* condition(frame))) continue;
      const keyValue = key === null ? null : yield* key(frame);
      const value = yield* element(frame);
      try {
        if (kind === "DictComprehension") dict.set(keyValue, value);
        else if (kind === "SetComprehension") set.add(value);
        else items.push(value);
      } catch (error) {
        throw locate(error, span, unit);
      }
      if ((++produced & 0xffff) === 0) checkCollectionSize(unit, produced, span);
    }
    return kind === "DictComprehension" ? dict : kind === "SetComprehension" ? set : new DanaList(items);
  };
}
