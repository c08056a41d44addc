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
import { compileExpressionGenerator, fromSync, type GenerateValue } from "./compile-generators.js";
import { compileBlockGenerator } from "./compile-statement-generators.js";
import { compileBlock } from "./compile-statements.js";
import { type Frame, RETURN } from "./frame.js";
import { callValueGenerator, callValueSync } from "./invoke.js";
import { addCallerFrame, locate } from "./runtime-errors.js";
import type { Suspendable } from "./trampoline.js";

export type Definition = (frame: Frame) => void;
export type DefinitionGenerator = (frame: Frame) => Suspendable<void>;

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

function compileDefaultsGenerator(unit: CompileUnit, parameters: readonly ast.Parameter[], offset: number) {
  const defaults = parameters.map((parameter) =>
    parameter.default ? compileExpressionGenerator(unit, parameter.default) : null,
  );
  const count = parameters.length + offset;
  return function* (frame: Frame): Suspendable<(Value | undefined)[]> {
    const values: (Value | undefined)[] = new Array(count);
    for (let index = 0; index < defaults.length; index++) {
      const fallback = defaults[index];
      if (fallback) values[index + offset] = yield* fallback(frame);
    }
    return values;
  };
}

function compileDecorator(unit: CompileUnit, decorator: ast.Decorator): Evaluate {
  const expression = decorator.expression;
  return expression.kind === "Name" ? compileCalleeReference(unit, expression) : compileExpression(unit, expression);
}

/** The definition-time half of a `def` shared by both compilations: create, register, bind. */
interface FunctionDefinitionParts {
  create(frame: Frame, defaults: (Value | undefined)[]): DanaFunction;
  bind(frame: Frame, created: DanaFunction, result: Value): void;
}

function functionDefinitionParts(unit: CompileUnit, node: ast.FunctionDefinition): FunctionDefinitionParts {
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

  const write = compileNameWrite(unit, node.name, null);
  const existing = compileCalleeLookup(unit, { kind: "Name", name: node.name, scope: null, span: node.nameSpan });
  const module = unit.module;
  const isModuleLevel = unit.locals === null;
  const name = node.name;
  return {
    create(frame, defaults) {
      const created = new DanaFunction(code, isModuleLevel ? null : frame, defaults, false);
      for (const typeName of methodOf) {
        const type = module.get(typeName) ?? runtime.structs.get(typeName);
        if (type instanceof DanaStructType) type.methods.set(name, created);
        else runtime.registerMethod(typeName, name, created);
      }
      return created;
    },
    bind(frame, created, result) {
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
    },
  };
}

export function compileFunctionDefinition(unit: CompileUnit, node: ast.FunctionDefinition): Definition {
  const runtime = unit.runtime;
  const parts = functionDefinitionParts(unit, node);
  const defaults = compileDefaults(unit, node.parameters, node.receiver ? 1 : 0);
  const decorators = node.decorators.map((decorator) => compileDecorator(unit, decorator));
  const decoratorSpans = node.decorators.map((decorator) => decorator.span);
  return (frame) => {
    const created = parts.create(frame, defaults(frame));
    let result: Value = created;
    for (let index = decorators.length - 1; index >= 0; index--) {
      const decorator = decorators[index]!(frame);
      try {
        result = callValueSync(runtime, decorator, [result], null);
      } catch (error) {
        throw addCallerFrame(error, decoratorSpans[index]!, unit);
      }
    }
    parts.bind(frame, created, result);
  };
}

/** A `def` whose defaults or decorators may wait for the host. */
export function compileFunctionDefinitionGenerator(
  unit: CompileUnit,
  node: ast.FunctionDefinition,
): DefinitionGenerator {
  const runtime = unit.runtime;
  const parts = functionDefinitionParts(unit, node);
  const defaults = compileDefaultsGenerator(unit, node.parameters, node.receiver ? 1 : 0);
  const decorators = node.decorators.map((decorator) =>
    decorator.expression.kind === "Name"
      ? fromSync(compileCalleeReference(unit, decorator.expression))
      : compileExpressionGenerator(unit, decorator.expression),
  );
  const decoratorSpans = node.decorators.map((decorator) => decorator.span);
  return function* (frame) {
    const created = parts.create(frame, yield* defaults(frame));
    let result: Value = created;
    for (let index = decorators.length - 1; index >= 0; index--) {
      const decorator = yield* decorators[index]!(frame);
      try {
        result = yield* callValueGenerator(runtime, decorator, [result], null);
      } catch (error) {
        throw addCallerFrame(error, decoratorSpans[index]!, unit);
      }
    }
    parts.bind(frame, created, result);
  };
}

function lambdaCode(unit: CompileUnit, node: ast.LambdaExpression): FunctionCode {
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
  return code;
}

export function compileLambda(unit: CompileUnit, node: ast.LambdaExpression): Evaluate {
  const code = lambdaCode(unit, node);
  const defaults = compileDefaults(unit, node.parameters, node.receiver ? 1 : 0);
  const isModuleLevel = unit.locals === null;
  return (frame) => new DanaFunction(code, isModuleLevel ? null : frame, defaults(frame), true);
}

/** A lambda whose defaults may wait for the host. */
export function compileLambdaGenerator(unit: CompileUnit, node: ast.LambdaExpression): GenerateValue {
  const code = lambdaCode(unit, node);
  const defaults = compileDefaultsGenerator(unit, node.parameters, node.receiver ? 1 : 0);
  const isModuleLevel = unit.locals === null;
  return function* (frame) {
    return new DanaFunction(code, isModuleLevel ? null : frame, yield* defaults(frame), true);
  };
}

/** Creates the struct type from evaluated field defaults (validated like given values). */
function structDefiner(unit: CompileUnit, node: ast.StructDefinition) {
  const runtime = unit.runtime;
  const write = compileNameWrite(unit, node.name, null);
  const definedAt = { file: unit.file, span: node.span };
  return (frame: Frame, defaults: (Value | undefined)[]): void => {
    const fields: StructFieldSpec[] = node.fields.map((field, index) => ({
      name: field.name,
      type: field.type,
      default: defaults[index],
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

export function compileStructDefinition(unit: CompileUnit, node: ast.StructDefinition): Definition {
  const define = structDefiner(unit, node);
  const defaults = node.fields.map((field) => (field.default ? compileExpression(unit, field.default) : null));
  return (frame) =>
    define(
      frame,
      defaults.map((fallback) => (fallback === null ? undefined : fallback(frame))),
    );
}

/** A struct whose field defaults may wait for the host. */
export function compileStructDefinitionGenerator(unit: CompileUnit, node: ast.StructDefinition): DefinitionGenerator {
  const define = structDefiner(unit, node);
  const defaults = node.fields.map((field) => (field.default ? compileExpressionGenerator(unit, field.default) : null));
  return function* (frame) {
    const values: (Value | undefined)[] = [];
    for (const fallback of defaults) values.push(fallback === null ? undefined : yield* fallback(frame));
    define(frame, values);
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
