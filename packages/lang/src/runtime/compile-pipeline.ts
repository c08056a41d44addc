/**
 * Declarative functions and pipelines (T2.2): `def f(x) = strip | upper | add("!") as shouted | fmt(shouted)`.
 * The call's arguments all go to the first stage; each later stage receives the previous result. A stage
 * call gets the value inserted as its first argument unless its arguments use `$$` or a name captured by an
 * earlier `as` (then they are used as written). A list stage applies each member to the same input.
 */
import type * as ast from "../syntax/ast.js";
import { DanaList, type Value } from "../values/types.js";
import { DanaFunction } from "./callables.js";
import { compileCalleeReference } from "./compile-calls.js";
import { type CompileUnit, compileNameWrite } from "./compile-context.js";
import type { Definition } from "./compile-definitions.js";
import { createFunctionUnit, newFunctionCode } from "./compile-definitions.js";
import { compileExpression } from "./compile-expressions.js";
import { compileArgumentsGenerator } from "./compile-generators.js";
import { type Frame, RETURN } from "./frame.js";
import { callValueGenerator } from "./invoke.js";
import { forEachChild } from "./locals.js";
import { addCallerFrame } from "./runtime-errors.js";
import { driveSync, type Suspendable } from "./trampoline.js";

type StageRunner = (frame: Frame, inputs: readonly Value[]) => Suspendable<Value>;

function mentions(expression: ast.Expression, test: (node: ast.Expression) => boolean): boolean {
  if (test(expression)) return true;
  let found = false;
  forEachChild(expression, (child) => {
    if (!found && mentions(child, test)) found = true;
  });
  return found;
}

function compileStage(unit: CompileUnit, stage: ast.PipelineStage, captured: Set<string>): StageRunner {
  const runtime = unit.runtime;
  const span = stage.span;
  let runner: StageRunner;
  switch (stage.kind) {
    case "StageReference": {
      const target =
        stage.target.kind === "Name"
          ? compileCalleeReference(unit, stage.target)
          : compileExpression(unit, stage.target);
      runner = function* (frame, inputs) {
        const callee = target(frame);
        try {
          return yield* callValueGenerator(runtime, callee, inputs, null);
        } catch (error) {
          throw addCallerFrame(error, span, unit);
        }
      };
      break;
    }
    case "StageCall": {
      const call = stage.call;
      const target =
        call.callee.kind === "Name" ? compileCalleeReference(unit, call.callee) : compileExpression(unit, call.callee);
      // Stage arguments may wait for the host too (pipelines always run as generators).
      const argumentValues = compileArgumentsGenerator(unit, call.arguments);
      const asWritten = call.arguments.some((argument) =>
        mentions(
          argument.value,
          (node) =>
            node.kind === "Placeholder" || (node.kind === "Name" && node.scope === null && captured.has(node.name)),
        ),
      );
      runner = function* (frame, inputs) {
        frame.placeholder = inputs[0] ?? null;
        const callee = target(frame);
        const { positional, keywords } = yield* argumentValues(frame);
        try {
          return yield* callValueGenerator(
            runtime,
            callee,
            asWritten ? positional : [...inputs, ...positional],
            keywords,
          );
        } catch (error) {
          throw addCallerFrame(error, span, unit);
        }
      };
      break;
    }
    case "StageList": {
      const members = stage.stages.map((member) => compileStage(unit, member, captured));
      runner = function* (frame, inputs) {
        const results: Value[] = [];
        for (const member of members) results.push(yield* member(frame, inputs));
        return new DanaList(results);
      };
      break;
    }
  }
  if (stage.capture === null) return runner;
  const store = compileNameWrite(unit, stage.capture, null);
  captured.add(stage.capture);
  return function* (frame, inputs) {
    const value = yield* runner(frame, inputs);
    store(frame, value);
    return value;
  };
}

export function compileDeclarativeDefinition(unit: CompileUnit, node: ast.DeclarativeFunctionDefinition): Definition {
  const runtime = unit.runtime;
  const child = createFunctionUnit(unit, node, node.name, true);
  const parameterNames = node.parameters.map((parameter) => parameter.name);
  const maySuspend = unit.analysis.functionMaySuspend(node);
  const code = newFunctionCode(child, parameterNames, maySuspend, [], false);
  const captured = new Set<string>();
  const stages = node.stages.map((stage) => compileStage(child, stage, captured));
  const parameterCount = parameterNames.length;
  const run = function* (frame: Frame): Suspendable<number> {
    let current: Value = null;
    let inputs: readonly Value[] = frame.slots.slice(0, parameterCount) as Value[];
    for (const stage of stages) {
      current = yield* stage(frame, inputs);
      inputs = [current];
    }
    frame.returnValue = current;
    return RETURN;
  };
  if (maySuspend) code.bodyGenerator = run;
  else code.bodySync = (frame) => driveSync(runtime, run(frame), `pipeline '${node.name}'`);
  code.slotCount = child.slotCount;

  const defaults = node.parameters.map((parameter) =>
    parameter.default ? compileExpression(unit, parameter.default) : null,
  );
  const write = compileNameWrite(unit, node.name, null);
  const isModuleLevel = unit.locals === null;
  return (frame) => {
    const values = defaults.map((fallback) => (fallback ? fallback(frame) : undefined));
    write(frame, new DanaFunction(code, isModuleLevel ? null : frame, values, false));
  };
}
