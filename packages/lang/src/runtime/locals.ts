/**
 * The names each function binds (its locals, given array slots by the compiler): parameters first, then
 * assignment targets, loop and comprehension variables, except-clause names, nested definitions and
 * imports. For module code it also records how each top-level name is bound, for the suspension analysis.
 */
import type * as ast from "../syntax/ast.js";

export type FunctionNode =
  | ast.FunctionDefinition
  | ast.DeclarativeFunctionDefinition
  | ast.LambdaExpression
  | ast.Program;

export type DefinitionNode = FunctionNode | ast.StructDefinition | ast.InterfaceDefinition;

export interface ModuleBinding {
  readonly definitions: DefinitionNode[];
  other: boolean;
  imported: boolean;
}

export class LocalCollector {
  readonly names: string[] = [];
  private readonly seen = new Set<string>();
  readonly moduleBindings = new Map<string, ModuleBinding>();
  starImport = false;
  constructor(private readonly trackBindings: boolean) {}

  add(name: string, kind: "other" | "import" | DefinitionNode): void {
    if (!this.seen.has(name)) {
      this.seen.add(name);
      this.names.push(name);
    }
    if (!this.trackBindings) return;
    let binding = this.moduleBindings.get(name);
    if (binding === undefined) {
      binding = { definitions: [], other: false, imported: false };
      this.moduleBindings.set(name, binding);
    }
    if (kind === "other") binding.other = true;
    else if (kind === "import") {
      binding.other = true;
      binding.imported = true;
    } else binding.definitions.push(kind);
  }

  target(target: ast.Target): void {
    if (target.kind === "Name") {
      if (target.scope === null || target.scope === "local") this.add(target.name, "other");
    } else for (const element of target.elements) this.target(element);
  }

  statements(statements: readonly ast.Statement[]): void {
    for (const statement of statements) this.statement(statement);
  }

  statement(statement: ast.Statement): void {
    switch (statement.kind) {
      case "Assignment":
      case "AugmentedAssignment":
        if (statement.target.kind === "Name") this.target(statement.target);
        else this.expression(statement.target);
        this.expression(statement.value);
        return;
      case "ExpressionStatement":
        this.expression(statement.expression);
        return;
      case "IfStatement":
        this.expression(statement.test);
        this.statements(statement.body);
        for (const elif of statement.elifs) {
          this.expression(elif.test);
          this.statements(elif.body);
        }
        if (statement.orelse) this.statements(statement.orelse);
        return;
      case "WhileStatement":
        this.expression(statement.test);
        this.statements(statement.body);
        return;
      case "ForStatement":
        this.expression(statement.iterable);
        this.target(statement.target);
        this.statements(statement.body);
        return;
      case "TryStatement":
        this.statements(statement.body);
        for (const handler of statement.handlers) {
          if (handler.name !== null) this.add(handler.name, "other");
          this.statements(handler.body);
        }
        if (statement.finally) this.statements(statement.finally);
        return;
      case "ReturnStatement":
        if (statement.value) this.expression(statement.value);
        return;
      case "RaiseStatement":
        if (statement.exception) this.expression(statement.exception);
        if (statement.cause) this.expression(statement.cause);
        return;
      case "AssertStatement":
        this.expression(statement.test);
        if (statement.message) this.expression(statement.message);
        return;
      case "FunctionDefinition":
        this.add(statement.name, statement.decorators.length > 0 ? "other" : statement);
        for (const decorator of statement.decorators) this.expression(decorator.expression);
        for (const parameter of statement.parameters) if (parameter.default) this.expression(parameter.default);
        return;
      case "DeclarativeFunctionDefinition":
        this.add(statement.name, statement);
        for (const parameter of statement.parameters) if (parameter.default) this.expression(parameter.default);
        return;
      case "StructDefinition":
      case "InterfaceDefinition":
        this.add(statement.name, statement);
        if (statement.kind === "StructDefinition") {
          for (const field of statement.fields) if (field.default) this.expression(field.default);
        }
        return;
      case "ImportStatement":
        this.add(statement.alias ?? statement.module.parts[0] ?? "", "import");
        return;
      case "FromImportStatement":
        if (statement.names === "*") this.starImport = true;
        else for (const item of statement.names) this.add(item.alias ?? item.name, "import");
        return;
      case "WithStatement":
        this.expression(statement.context);
        this.add(statement.name, "other");
        this.statements(statement.body);
        return;
      default:
        return;
    }
  }

  /** Comprehension variables are locals of the enclosing function (they leak, a kept DIFF). */
  expression(expression: ast.Expression): void {
    forEachChild(expression, (child) => this.expression(child));
    if (
      expression.kind === "ListComprehension" ||
      expression.kind === "SetComprehension" ||
      expression.kind === "DictComprehension"
    ) {
      this.target(expression.clause.target);
    }
  }
}

/** Calls `visit` on each direct sub-expression, in evaluation order; lambda bodies are not entered. */
export function forEachChild(expression: ast.Expression, visit: (child: ast.Expression) => void): void {
  switch (expression.kind) {
    case "FString":
      for (const part of expression.parts) if (typeof part !== "string") visit(part);
      return;
    case "ListExpression":
    case "TupleExpression":
    case "SetExpression":
      for (const element of expression.elements) visit(element);
      return;
    case "DictExpression":
      for (const entry of expression.entries) {
        visit(entry.key);
        visit(entry.value);
      }
      return;
    case "UnaryExpression":
      visit(expression.operand);
      return;
    case "BinaryExpression":
    case "CompareExpression":
    case "LogicalExpression":
      visit(expression.left);
      visit(expression.right);
      return;
    case "ConditionalExpression":
      visit(expression.test);
      visit(expression.body);
      visit(expression.orelse);
      return;
    case "CallExpression":
      visit(expression.callee);
      for (const argument of expression.arguments) visit(argument.value);
      return;
    case "AttributeExpression":
      visit(expression.object);
      return;
    case "IndexExpression":
      visit(expression.object);
      visit(expression.index);
      return;
    case "SliceExpression":
      if (expression.start) visit(expression.start);
      if (expression.stop) visit(expression.stop);
      if (expression.step) visit(expression.step);
      return;
    case "LambdaExpression":
      for (const parameter of expression.parameters) if (parameter.default) visit(parameter.default);
      return;
    case "ListComprehension":
    case "SetComprehension":
      visit(expression.clause.iterable);
      if (expression.clause.condition) visit(expression.clause.condition);
      visit(expression.element);
      return;
    case "DictComprehension":
      visit(expression.clause.iterable);
      if (expression.clause.condition) visit(expression.clause.condition);
      visit(expression.key);
      visit(expression.value);
      return;
    default:
      return;
  }
}

export function parameterNames(node: FunctionNode): string[] {
  if (node.kind === "Program") return [];
  const names: string[] = [];
  if ((node.kind === "FunctionDefinition" || node.kind === "LambdaExpression") && node.receiver) {
    names.push(node.receiver.name);
  }
  for (const parameter of node.parameters) names.push(parameter.name);
  return names;
}
