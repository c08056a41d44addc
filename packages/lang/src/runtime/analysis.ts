/**
 * The resolver pass, run once per program before compiling:
 *
 * 1. Locals: for every function (and lambda, declarative function, the module itself) the names it binds —
 *    parameters first, then assignment targets, loop and comprehension variables (they leak into the
 *    enclosing scope, a kept DIFF), except-clause names, nested definitions and imports. The compiler gives
 *    each one an array slot, so no name is looked up in a map at run time.
 * 2. Suspension: which statements, expressions and functions "may suspend", i.e. may (transitively) wait for
 *    the host — a call to reason(), a host function, an import, or a callee the analysis cannot see (a
 *    parameter, a variable holding a lambda, a module attribute, a decorated function). A fixed point over the
 *    module's functions settles mutual recursion. Everything else is compiled only to the fast synchronous
 *    closures; see the design note in compile-expressions.ts.
 */

import { allBuiltinMethodNames as builtinMethodNames } from "../builtins/methods.js";
import type * as ast from "../syntax/ast.js";
import { DanaFloat, DanaModule, DanaStructType, type Value } from "../values/types.js";
import { DanaFunction, DanaMethodDispatch } from "./callables.js";
import { type FunctionNode, forEachChild, LocalCollector, parameterNames } from "./locals.js";

export type { FunctionNode } from "./locals.js";

export interface AnalysisEnvironment {
  isBuiltinFunction(name: string): boolean;
  isHostFunction(name: string): boolean;
  /** A value already bound at the top of the module (REPL: earlier evaluations; inputs). */
  existingValue(name: string): Value | undefined;
}

export class ProgramAnalysis {
  readonly suspending = new WeakSet<object>();
  readonly locals = new Map<FunctionNode, string[]>();
  readonly functionSuspends = new Map<FunctionNode, boolean>();
  mayModuleSuspend = false;

  maySuspend(node: object): boolean {
    return this.suspending.has(node);
  }
  functionMaySuspend(node: FunctionNode): boolean {
    return this.functionSuspends.get(node) ?? false;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Suspension

export function analyzeProgram(program: ast.Program, environment: AnalysisEnvironment): ProgramAnalysis {
  const analysis = new ProgramAnalysis();
  const moduleCollector = new LocalCollector(true);
  moduleCollector.statements(program.body);
  analysis.locals.set(program, moduleCollector.names);
  const definitionsByName = new Map<string, FunctionNode[]>();
  const globallyAssigned = new Set<string>();

  const localsOf = (node: FunctionNode): Set<string> => {
    let names = analysis.locals.get(node);
    if (names === undefined) {
      const collector = new LocalCollector(false);
      for (const name of parameterNames(node)) collector.add(name, "other");
      if (node.kind === "FunctionDefinition") collector.statements(node.body);
      else if (node.kind === "LambdaExpression") collector.expression(node.body);
      else if (node.kind === "DeclarativeFunctionDefinition") {
        const captures = (stages: readonly ast.PipelineStage[]): void => {
          for (const stage of stages) {
            if (stage.capture !== null) collector.add(stage.capture, "other");
            if (stage.kind === "StageList") captures(stage.stages);
          }
        };
        captures(node.stages);
      }
      names = collector.names;
      analysis.locals.set(node, names);
    }
    return new Set(names);
  };

  let changed = true;
  const walker = {
    stack: [] as Set<string>[],

    isLocal(name: string): boolean {
      return this.stack.some((locals) => locals.has(name));
    },

    calleeNameSuspends(name: Extract<ast.Expression, { kind: "Name" }>): boolean {
      if (name.scope !== null && name.scope !== "local") return true;
      if (name.scope === null) {
        if (name.name === "reason") return true;
        if (environment.isBuiltinFunction(name.name)) return false;
        if (environment.isHostFunction(name.name)) return true;
      }
      if (this.isLocal(name.name)) return true;
      const binding = moduleCollector.moduleBindings.get(name.name);
      if (binding !== undefined) {
        if (binding.other) return true;
        return binding.definitions.some(
          (definition) =>
            definition.kind !== "StructDefinition" &&
            definition.kind !== "InterfaceDefinition" &&
            analysis.functionMaySuspend(definition),
        );
      }
      if (moduleCollector.starImport || globallyAssigned.has(name.name)) return true;
      return valueMaySuspend(environment.existingValue(name.name));
    },

    /** Whether a value passed as `key=` to a builtin may be a callable that waits for the host. */
    callbackSuspends(value: ast.Expression): boolean {
      if (value.kind === "LambdaExpression") return analysis.functionMaySuspend(value);
      if (value.kind === "Name") return this.calleeNameSuspends(value);
      return value.kind !== "NoneLiteral";
    },

    /** Builtins call their `key=` callbacks synchronously; a waiting callback makes the call suspend. */
    callbackArgumentsSuspend(call: ast.CallExpression): boolean {
      return call.arguments.some((argument) => argument.name === "key" && this.callbackSuspends(argument.value));
    },

    callSuspends(call: ast.CallExpression): boolean {
      const callee = call.callee;
      if (callee.kind === "Name") {
        if (callee.scope === null && environment.isBuiltinFunction(callee.name)) {
          return this.callbackArgumentsSuspend(call);
        }
        return this.calleeNameSuspends(callee);
      }
      if (callee.kind === "AttributeExpression") {
        const object = callee.object;
        if (object.kind === "Name" && object.scope === null && !this.isLocal(object.name)) {
          if (moduleCollector.moduleBindings.get(object.name)?.imported) return true;
          if (environment.existingValue(object.name) instanceof DanaModule) return true;
        }
        const definitions = definitionsByName.get(callee.name);
        if (definitions !== undefined) {
          return definitions.some((definition) => analysis.functionMaySuspend(definition));
        }
        return !builtinMethodNames.has(callee.name) || this.callbackArgumentsSuspend(call);
      }
      return true;
    },

    expression(expression: ast.Expression): boolean {
      let suspends = false;
      if (expression.kind === "LambdaExpression") {
        // Creating a lambda evaluates its defaults; its body is its own function.
        for (const parameter of expression.parameters) {
          if (parameter.default && this.expression(parameter.default)) suspends = true;
        }
        this.function(expression);
        if (suspends) analysis.suspending.add(expression);
        return suspends;
      }
      forEachChild(expression, (child) => {
        if (this.expression(child)) suspends = true;
      });
      if (expression.kind === "CallExpression" && this.callSuspends(expression)) suspends = true;
      if (suspends) analysis.suspending.add(expression);
      return suspends;
    },

    statements(statements: readonly ast.Statement[]): boolean {
      let suspends = false;
      for (const statement of statements) if (this.statement(statement)) suspends = true;
      return suspends;
    },

    statement(statement: ast.Statement): boolean {
      let suspends = false;
      const expression = (value: ast.Expression | null): void => {
        if (value !== null && this.expression(value)) suspends = true;
      };
      const block = (body: readonly ast.Statement[] | null): void => {
        if (body !== null && this.statements(body)) suspends = true;
      };
      switch (statement.kind) {
        case "Assignment":
          expression(statement.value);
          if (statement.target.kind !== "Name") expression(statement.target);
          break;
        case "AugmentedAssignment":
          if (statement.target.kind !== "Name") expression(statement.target);
          expression(statement.value);
          break;
        case "ExpressionStatement":
          expression(statement.expression);
          break;
        case "IfStatement":
          expression(statement.test);
          block(statement.body);
          for (const elif of statement.elifs) {
            expression(elif.test);
            block(elif.body);
          }
          block(statement.orelse);
          break;
        case "WhileStatement":
          expression(statement.test);
          block(statement.body);
          break;
        case "ForStatement":
          expression(statement.iterable);
          block(statement.body);
          break;
        case "TryStatement":
          block(statement.body);
          for (const handler of statement.handlers) block(handler.body);
          block(statement.finally);
          break;
        case "ReturnStatement":
          expression(statement.value);
          break;
        case "RaiseStatement":
          expression(statement.exception);
          expression(statement.cause);
          break;
        case "AssertStatement":
          expression(statement.test);
          expression(statement.message);
          break;
        case "WithStatement":
          expression(statement.context);
          block(statement.body);
          break;
        case "ImportStatement":
        case "FromImportStatement":
          suspends = true;
          break;
        case "FunctionDefinition":
        case "DeclarativeFunctionDefinition":
          // The definition itself waits when a default or a decorator does; the body is its own function.
          if (statement.kind === "FunctionDefinition") {
            for (const decorator of statement.decorators) {
              const target = decorator.expression;
              if (target.kind === "Name") {
                if (this.calleeNameSuspends(target)) suspends = true;
              } else {
                // `@factory(args)` or `@module.d`: the decorator applied to the function is not known here.
                this.expression(target);
                suspends = true;
              }
            }
            for (const parameter of statement.parameters) expression(parameter.default);
          } else {
            for (const parameter of statement.parameters) if (parameter.default) this.expression(parameter.default);
          }
          this.function(statement);
          break;
        case "StructDefinition":
          for (const field of statement.fields) expression(field.default);
          break;
        default:
          break;
      }
      if (suspends) analysis.suspending.add(statement);
      return suspends;
    },

    stageSuspends(stage: ast.PipelineStage): boolean {
      switch (stage.kind) {
        case "StageReference":
          if (stage.target.kind === "Name") return this.calleeNameSuspends(stage.target);
          this.expression(stage.target);
          return true;
        case "StageCall": {
          let suspends = this.expression(stage.call);
          if (stage.call.callee.kind === "Name") suspends = this.calleeNameSuspends(stage.call.callee) || suspends;
          return suspends;
        }
        case "StageList":
          return stage.stages.map((inner) => this.stageSuspends(inner)).some(Boolean);
      }
    },

    function(node: FunctionNode): void {
      // Module code has no function locals: its names are module-level (resolved by moduleBindings).
      this.stack.push(node.kind === "Program" ? new Set() : localsOf(node));
      let suspends: boolean;
      if (node.kind === "LambdaExpression") suspends = this.expression(node.body);
      else if (node.kind === "DeclarativeFunctionDefinition") {
        suspends = node.stages.map((stage) => this.stageSuspends(stage)).some(Boolean);
      } else suspends = this.statements(node.kind === "Program" ? node.body : node.body);
      this.stack.pop();
      if (node.kind === "Program") {
        analysis.mayModuleSuspend = suspends;
        return;
      }
      if (suspends && !analysis.functionMaySuspend(node)) {
        analysis.functionSuspends.set(node, true);
        changed = true;
      } else if (!analysis.functionSuspends.has(node)) analysis.functionSuspends.set(node, suspends);
    },
  };

  collectDefinitions(program.body, definitionsByName, globallyAssigned);
  while (changed) {
    changed = false;
    // The module body is walked with an empty function stack: its names are module-level, not locals.
    walker.function(program);
  }
  return analysis;
}

function valueMaySuspend(value: Value | undefined): boolean {
  // A name nothing binds yet may be defined by a later evaluation in the same root context (a REPL), with a
  // body that waits: treat it as unknown. (Calling a name that stays undefined fails anyway.)
  if (value === undefined) return true;
  if (value === null || typeof value !== "object" || value instanceof DanaFloat) return false;
  if (value instanceof DanaFunction) return value.code.maySuspend;
  if (value instanceof DanaMethodDispatch) {
    return value.fallback.code.maySuspend || [...value.byType.values()].some((method) => method.code.maySuspend);
  }
  if (value instanceof DanaStructType) return false;
  return value.kind !== "builtin";
}

/** Every function definition in the program by name (method calls), and names assigned through scopes. */
function collectDefinitions(
  statements: readonly ast.Statement[],
  byName: Map<string, FunctionNode[]>,
  globallyAssigned: Set<string>,
): void {
  const visitStatements = (body: readonly ast.Statement[]): void => {
    for (const statement of body) {
      switch (statement.kind) {
        case "FunctionDefinition":
        case "DeclarativeFunctionDefinition": {
          const list = byName.get(statement.name) ?? [];
          list.push(statement);
          byName.set(statement.name, list);
          if (statement.kind === "FunctionDefinition") visitStatements(statement.body);
          break;
        }
        case "Assignment":
          if (
            statement.target.kind === "Name" &&
            statement.target.scope !== null &&
            statement.target.scope !== "local"
          ) {
            globallyAssigned.add(statement.target.name);
          }
          break;
        case "IfStatement":
          visitStatements(statement.body);
          for (const elif of statement.elifs) visitStatements(elif.body);
          if (statement.orelse) visitStatements(statement.orelse);
          break;
        case "WhileStatement":
        case "ForStatement":
        case "WithStatement":
          visitStatements(statement.body);
          break;
        case "TryStatement":
          visitStatements(statement.body);
          for (const handler of statement.handlers) visitStatements(handler.body);
          if (statement.finally) visitStatements(statement.finally);
          break;
        default:
          break;
      }
    }
  };
  visitStatements(statements);
}
