/**
 * Definitions: `def` (with defaults evaluated once at definition time, decorators applied bottom-up,
 * receiver methods and the legacy first-parameter rule registering methods), lambdas (closures with late
 * binding), `struct` and `interface`.
 */
import type * as ast from "../syntax/ast.js";
import { validateFieldValue } from "../values/index.js";
import { DanaInterfaceType, DanaStructType, type StructFieldSpec, type Value } from "../values/types.js";
import type { FunctionNode } from "./analysis.js";
import { DanaFunction, DanaMethodDispatch, type FunctionCode } from "./callables.js";
import { compileCalleeLookup, compileCalleeReference } from "./compile-calls.js";
import { type CompileUnit, compileNameWrite } from "./compile-context.js";
import { compileExpression, type Evaluate } from "./compile-expressions.js";
import { compileBlockGenerator, compileExpressionGenerator } from "./compile-generators.js";
import { compileBlock } from "./compile-statements.js";
import { type Frame, RETURN } from "./frame.js";
import { callValueSync } from "./invoke.js";
import { addCallerFrame, locate } from "./runtime-errors.js";

export type Definition = (frame: Frame) => void;

export function createFunctionUnit(
  parent: CompileUnit,
  node: FunctionNode,
  name: string,
  pipeline = false,
): CompileUnit {
  const names = parent.analysis.locals.get(node) ?? [];
  return {
    runtime: parent.runtime,
    module: parent.module,
    analysis: parent.analysis,
    file: parent.file,
    source: parent.source,
    functionName: name,
    locals: new Map(names.map((local, index) => [local, index])),
    parent: parent.locals === null ? null : parent,
    slotCount: names.length,
    pipeline,
    expectedTypes: parent.expectedTypes,
  };
}

export function newFunctionCode(
  unit: CompileUnit,
  parameterNames: readonly string[],
  maySuspend: boolean,
  methodOf: readonly string[],
  isReceiverMethod: boolean,
): FunctionCode {
  return {
    name: unit.functionName,
    file: unit.file,
    parameterNames,
    parameterIndex: new Map(parameterNames.map((name, index) => [name, index])),
    locals: unit.locals!,
    slotCount: unit.slotCount,
    bodySync: null,
    bodyGenerator: null,
    maySuspend,
    methodOf,
    isReceiverMethod,
  };
}

function typeNames(type: ast.TypeExpression): string[] {
  return type.kind === "TypeUnion" ? type.options.flatMap(typeNames) : [type.name];
}

/** Default closures per parameter slot (the receiver slot has none). */
function compileDefaults(unit: CompileUnit, parameters: readonly ast.Parameter[], offset: number) {
  const defaults = parameters.map((parameter) =>
    parameter.default ? compileExpression(unit, parameter.default) : null,
  );
  const count = parameters.length + offset;
  return (frame: Frame): (Value | undefined)[] => {
    const values: (Value | undefined)[] = new Array(count);
    for (let index = 0; index < defaults.length; index++) {
      const fallback = defaults[index];
      if (fallback) values[index + offset] = fallback(frame);
    }
    return values;
  };
}

function compileDecorator(unit: CompileUnit, decorator: ast.Decorator): Evaluate {
  const expression = decorator.expression;
  return expression.kind === "Name" ? compileCalleeReference(unit, expression) : compileExpression(unit, expression);
}

export function compileFunctionDefinition(unit: CompileUnit, node: ast.FunctionDefinition): Definition {
  const runtime = unit.runtime;
  const child = createFunctionUnit(unit, node, node.name);
  const parameterNames = [...(node.receiver ? [node.receiver.name] : []), ...node.parameters.map((p) => p.name)];
  const maySuspend = unit.analysis.functionMaySuspend(node);
  const firstType = node.parameters[0]?.type ?? null;
  const methodOf = node.receiver?.type
    ? typeNames(node.receiver.type)
    : firstType !== null
      ? typeNames(firstType).filter((name) => name !== "any" && name !== "None")
      : [];
  const code = newFunctionCode(child, parameterNames, maySuspend, methodOf, node.receiver !== null);
  if (maySuspend) code.bodyGenerator = compileBlockGenerator(child, node.body);
  else code.bodySync = compileBlock(child, node.body);
  code.slotCount = child.slotCount;

  const defaults = compileDefaults(unit, node.parameters, node.receiver ? 1 : 0);
  const decorators = node.decorators.map((decorator) => compileDecorator(unit, decorator));
  const decoratorSpans = node.decorators.map((decorator) => decorator.span);
  const write = compileNameWrite(unit, node.name, null);
  const existing = compileCalleeLookup(unit, { kind: "Name", name: node.name, scope: null, span: node.nameSpan });
  const module = unit.module;
  const isModuleLevel = unit.locals === null;
  const name = node.name;
  return (frame) => {
    const created = new DanaFunction(code, isModuleLevel ? null : frame, defaults(frame), false);
    for (const typeName of methodOf) {
      const type = module.get(typeName) ?? runtime.structs.get(typeName);
      if (type instanceof DanaStructType) type.methods.set(name, created);
      else runtime.registerMethod(typeName, name, created);
    }
    let result: Value = created;
    for (let index = decorators.length - 1; index >= 0; index--) {
      const decorator = decorators[index]!(frame);
      try {
        result = callValueSync(runtime, decorator, [result], null);
      } catch (error) {
        throw addCallerFrame(error, decoratorSpans[index]!, unit);
      }
    }
    if (node.receiver !== null && result === created) {
      // A receiver method's plain name dispatches on the receiver's type when several types define it.
      const previous = existing(frame);
      if (previous instanceof DanaMethodDispatch) {
        for (const typeName of methodOf) previous.byType.set(typeName, created);
        previous.fallback = created;
        result = previous;
      } else if (previous instanceof DanaFunction && previous.code.isReceiverMethod && previous.name === name) {
        const dispatch = new DanaMethodDispatch(name, created);
        for (const typeName of previous.code.methodOf) dispatch.byType.set(typeName, previous);
        for (const typeName of methodOf) dispatch.byType.set(typeName, created);
        result = dispatch;
      }
    }
    write(frame, result);
  };
}

export function compileLambda(unit: CompileUnit, node: ast.LambdaExpression): Evaluate {
  const child = createFunctionUnit(unit, node, "<lambda>");
  const parameterNames = [...(node.receiver ? [node.receiver.name] : []), ...node.parameters.map((p) => p.name)];
  const maySuspend = unit.analysis.functionMaySuspend(node);
  const code = newFunctionCode(child, parameterNames, maySuspend, [], false);
  if (maySuspend) {
    const body = compileExpressionGenerator(child, node.body);
    code.bodyGenerator = function* (frame) {
      frame.returnValue = yield* body(frame);
      return RETURN;
    };
  } else {
    const body = compileExpression(child, node.body);
    code.bodySync = (frame) => {
      frame.returnValue = body(frame);
      return RETURN;
    };
  }
  code.slotCount = child.slotCount;
  const defaults = compileDefaults(unit, node.parameters, node.receiver ? 1 : 0);
  const isModuleLevel = unit.locals === null;
  return (frame) => new DanaFunction(code, isModuleLevel ? null : frame, defaults(frame), true);
}

export function compileStructDefinition(unit: CompileUnit, node: ast.StructDefinition): Definition {
  const runtime = unit.runtime;
  const defaults = node.fields.map((field) => (field.default ? compileExpression(unit, field.default) : null));
  const write = compileNameWrite(unit, node.name, null);
  const definedAt = { file: unit.file, span: node.span };
  return (frame) => {
    const fields: StructFieldSpec[] = node.fields.map((field, index) => ({
      name: field.name,
      type: field.type,
      default: defaults[index] ? defaults[index]!(frame) : undefined,
      description: field.description,
    }));
    const draft = new DanaStructType(node.name, fields, node.docstring, definedAt);
    // Defaults are validated like given values (an int default of a float field becomes a float).
    let converted = false;
    const validated = fields.map((field, index) => {
      if (field.default === undefined || field.default === null) return field;
      let value: Value;
      try {
        value = validateFieldValue(draft, field.name, field.default, runtime);
      } catch (error) {
        throw locate(error, node.fields[index]!.span, unit);
      }
      if (value === field.default) return field;
      converted = true;
      return { ...field, default: value };
    });
    const type = converted ? new DanaStructType(node.name, validated, node.docstring, definedAt) : draft;
    runtime.structs.set(node.name, type);
    write(frame, type);
  };
}

export function compileInterfaceDefinition(unit: CompileUnit, node: ast.InterfaceDefinition): Definition {
  const write = compileNameWrite(unit, node.name, null);
  const methods = node.members.flatMap((member) =>
    member.kind === "InterfaceMethod"
      ? [{ name: member.name, parameters: member.parameters.map((parameter) => parameter.name) }]
      : [],
  );
  const embedded = node.members.flatMap((member) => (member.kind === "EmbeddedInterface" ? [member.name] : []));
  return (frame) => {
    write(frame, new DanaInterfaceType(node.name, methods, embedded, node.docstring));
  };
}

export { compileDeclarativeDefinition } from "./compile-pipeline.js";
