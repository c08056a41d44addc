/**
 * Statements → generator closures, for the statements the analysis marked "may suspend" (see
 * compile-generators.ts for expressions). Blocks run unmarked statements on their synchronous closures.
 */
import type { DanaException } from "../errors.js";
import type * as ast from "../syntax/ast.js";
import { DanaErrorValue } from "../values/types.js";
import { compileTarget, iterateAt } from "./compile-comprehensions.js";
import type { CompileUnit } from "./compile-context.js";
import {
  compileFunctionDefinitionGenerator,
  compileStructDefinitionGenerator,
  type DefinitionGenerator,
} from "./compile-definitions.js";
import { type CompiledHandler, compileHandlerBinding, handlerMatches } from "./compile-errors.js";
import {
  compileConditionGenerator,
  compileExpressionGenerator,
  fromSync,
  type GenerateCompletion,
  hoist,
  runSteps,
  strictOperands,
} from "./compile-generators.js";
import { compileStatement, type Execute, registerExpectedType, valueRecorder } from "./compile-statements.js";
import { BREAK, NORMAL, RETURN } from "./frame.js";
import { compileImport } from "./modules.js";
import { toDanaException } from "./runtime-errors.js";

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
