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
import type { DanaException } from "../errors.js";
import type * as ast from "../syntax/ast.js";
import { isSemanticallyTruthy, isTruthy } from "../values/index.js";
import { DanaDict, DanaErrorValue, DanaList, DanaSet, type KeywordArguments, type Value } from "../values/types.js";
import { compileCalleeLookup, undefinedCallee } from "./compile-calls.js";
import { compileTarget, iterateAt } from "./compile-comprehensions.js";
import { allocateTemporary, type CompileUnit } from "./compile-context.js";
import {
  compileFunctionDefinitionGenerator,
  compileLambdaGenerator,
  compileStructDefinitionGenerator,
  type DefinitionGenerator,
} from "./compile-definitions.js";
import { type CompiledHandler, compileHandlerBinding, handlerMatches } from "./compile-errors.js";
import { compileCondition, compileExpression, type Evaluate, type TemporaryRead } from "./compile-expressions.js";
import { compileStatement, type Execute, registerExpectedType, valueRecorder } from "./compile-statements.js";
import { BREAK, type Frame, NORMAL, RETURN } from "./frame.js";
import { callMethodGenerator, callValueGenerator, emptyKeywords, replayBuiltin } from "./invoke.js";
import { compileImport } from "./modules.js";
import { requestReason } from "./reason.js";
import { addCallerFrame, locate, toDanaException } from "./runtime-errors.js";
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
function hoist(unit: CompileUnit, children: readonly (ast.Expression | null)[]) {
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

function* runSteps(steps: readonly Step[], frame: Frame): Suspendable<void> {
  for (const step of steps) frame.slots[step.slot] = step.generator ? yield* step.generator(frame) : step.sync!(frame);
}

/** Operand lists of the operators whose operands are all evaluated, in order, with a rebuild function. */
function strictOperands(
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

function compileConditionGenerator(unit: CompileUnit, expression: ast.Expression, semantic: boolean) {
  if (!unit.analysis.maySuspend(expression)) {
    return fromSync(compileCondition(unit, expression, semantic));
  }
  const value = compileExpressionGenerator(unit, expression);
  return function* (frame: Frame): Suspendable<boolean> {
    const result = yield* value(frame);
    return semantic ? isSemanticallyTruthy(result) : isTruthy(result);
  };
}

function compileArgumentsGenerator(unit: CompileUnit, argumentList: readonly ast.Argument[]) {
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
          return (yield* replayBuiltin(runtime, invoke)) as Value;
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
    }
    return kind === "DictComprehension" ? dict : kind === "SetComprehension" ? set : new DanaList(items);
  };
}

// ---------------------------------------------------------------------------------------------------------
// Statements

type Entry = { readonly sync: Execute | null; readonly generator: GenerateCompletion | null };

export function compileBlockGenerator(unit: CompileUnit, statements: readonly ast.Statement[]): GenerateCompletion {
  const entries: Entry[] = statements.map((statement) =>
    unit.analysis.maySuspend(statement)
      ? { sync: null, generator: compileStatementGenerator(unit, statement) }
      : { sync: compileStatement(unit, statement), generator: null },
  );
  return function* (frame) {
    for (const entry of entries) {
      const completion = entry.generator !== null ? yield* entry.generator(frame) : entry.sync!(frame);
      if (completion !== NORMAL) return completion;
    }
    return NORMAL;
  };
}

function definitionGenerator(definition: DefinitionGenerator): GenerateCompletion {
  return function* (frame) {
    yield* definition(frame);
    return NORMAL;
  };
}

/** The operands of an assignment target (object, index or slice bounds) and how to rebuild it. */
function targetOperands(target: ast.AssignTarget): {
  children: (ast.Expression | null)[];
  rebuild(children: (ast.Expression | null)[]): ast.AssignTarget;
} {
  const operands = target.kind === "Name" ? null : strictOperands(target);
  if (operands === null) return { children: [], rebuild: () => target };
  return { children: operands.children, rebuild: (children) => operands.rebuild(children) as ast.AssignTarget };
}

/** Hoists a simple statement's suspending operands, then runs the statement's synchronous compilation. */
function hoistStatement(
  unit: CompileUnit,
  operands: (ast.Expression | null)[],
  rebuild: (replaced: (ast.Expression | null)[]) => ast.Statement,
): GenerateCompletion {
  const { steps, replaced } = hoist(unit, operands);
  const rebuilt = compileStatement(unit, rebuild(replaced));
  return function* (frame) {
    yield* runSteps(steps, frame);
    return rebuilt(frame);
  };
}

export function compileStatementGenerator(unit: CompileUnit, statement: ast.Statement): GenerateCompletion {
  const runtime = unit.runtime;
  switch (statement.kind) {
    case "ExpressionStatement": {
      const expression = compileExpressionGenerator(unit, statement.expression);
      const record = valueRecorder(unit);
      return function* (frame) {
        record(frame, yield* expression(frame));
        return NORMAL;
      };
    }
    case "Assignment": {
      registerExpectedType(unit, statement);
      // Python order: the value, then the target's object and index.
      const target = targetOperands(statement.target);
      return hoistStatement(unit, [statement.value, ...target.children], ([value, ...rest]) => ({
        ...statement,
        value: value!,
        target: target.rebuild(rest),
      }));
    }
    case "AugmentedAssignment": {
      const target = targetOperands(statement.target);
      const count = target.children.length;
      return hoistStatement(unit, [...target.children, statement.value], (replaced) => ({
        ...statement,
        target: target.rebuild(replaced.slice(0, count)),
        value: replaced[count]!,
      }));
    }
    case "FunctionDefinition":
      return definitionGenerator(compileFunctionDefinitionGenerator(unit, statement));
    case "StructDefinition":
      return definitionGenerator(compileStructDefinitionGenerator(unit, statement));
    case "ReturnStatement":
      return hoistStatement(unit, [statement.value], ([value]) => ({ ...statement, value: value ?? null }));
    case "RaiseStatement":
      return hoistStatement(unit, [statement.exception, statement.cause], ([exception, cause]) => ({
        ...statement,
        exception: exception ?? null,
        cause: cause ?? null,
      }));
    case "AssertStatement":
      return hoistStatement(unit, [statement.test, statement.message], ([test, message]) => ({
        ...statement,
        test: test!,
        message: message ?? null,
      }));
    case "WithStatement":
      return hoistStatement(unit, [statement.context], ([context]) => ({ ...statement, context: context! }));
    case "ImportStatement":
    case "FromImportStatement":
      return compileImport(unit, statement).generator;
    case "IfStatement": {
      const tests = [statement.test, ...statement.elifs.map((elif) => elif.test)].map((test) =>
        compileConditionGenerator(unit, test, true),
      );
      const bodies = [statement.body, ...statement.elifs.map((elif) => elif.body)].map((body) =>
        compileBlockGenerator(unit, body),
      );
      const orelse = statement.orelse ? compileBlockGenerator(unit, statement.orelse) : null;
      return function* (frame) {
        for (let index = 0; index < tests.length; index++) {
          if (yield* tests[index]!(frame)) return yield* bodies[index]!(frame);
        }
        return orelse === null ? NORMAL : yield* orelse(frame);
      };
    }
    case "WhileStatement": {
      const test = compileConditionGenerator(unit, statement.test, true);
      const body = compileBlockGenerator(unit, statement.body);
      return function* (frame) {
        while (yield* test(frame)) {
          const completion = yield* body(frame);
          if (completion === BREAK) break;
          if (completion === RETURN) return RETURN;
          if (--runtime.tick <= 0) runtime.checkpoint();
        }
        return NORMAL;
      };
    }
    case "ForStatement": {
      const iterable = compileExpressionGenerator(unit, statement.iterable);
      const assign = compileTarget(unit, statement.target);
      const body = compileBlockGenerator(unit, statement.body);
      const span = statement.iterable.span;
      return function* (frame) {
        const iterator = iterateAt(unit, yield* iterable(frame), span);
        for (let step = iterator.next(); !step.done; step = iterator.next()) {
          assign(frame, step.value);
          const completion = yield* body(frame);
          if (completion === BREAK) break;
          if (completion === RETURN) return RETURN;
          if (--runtime.tick <= 0) runtime.checkpoint();
        }
        return NORMAL;
      };
    }
    case "TryStatement":
      return compileTryGenerator(unit, statement);
    default:
      return fromSync(compileStatement(unit, statement));
  }
}

function compileTryGenerator(unit: CompileUnit, statement: ast.TryStatement): GenerateCompletion {
  const runtime = unit.runtime;
  const body = compileBlockGenerator(unit, statement.body);
  const handlers: CompiledHandler<GenerateCompletion>[] = statement.handlers.map((handler) => ({
    types: handler.types,
    bind: compileHandlerBinding(unit, handler),
    body: compileBlockGenerator(unit, handler.body),
  }));
  const cleanup = statement.finally ? compileBlockGenerator(unit, statement.finally) : null;
  return function* (frame) {
    let completion = NORMAL;
    let pending: DanaException | null = null;
    try {
      completion = yield* body(frame);
    } catch (error) {
      pending = toDanaException(error);
    }
    if (pending !== null) {
      if (!pending.catchable) throw pending;
      const handler = handlers.find((candidate) => handlerMatches(candidate.types, pending!));
      if (handler !== undefined) {
        const caught = pending;
        pending = null;
        handler.bind?.(frame, new DanaErrorValue(caught));
        runtime.handling.push(caught);
        try {
          completion = yield* handler.body(frame);
        } catch (error) {
          pending = toDanaException(error);
          if (!pending.catchable) throw pending;
        } finally {
          runtime.handling.pop();
        }
      }
    }
    if (cleanup !== null) {
      const cleanupCompletion = yield* cleanup(frame);
      if (cleanupCompletion !== NORMAL) return cleanupCompletion;
    }
    if (pending !== null) throw pending;
    return completion;
  };
}
