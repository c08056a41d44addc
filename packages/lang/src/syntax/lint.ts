/**
 * `check`: syntax diagnostics plus lint warnings for likely mistakes that
 * Dana itself accepts silently (spec decision 5):
 * - undefined names (Dana reads them as None instead of raising NameError),
 * - unreachable code after return/raise/break/continue,
 * - unused imports,
 * - a `def` named like a builtin (builtins win in calls, so it is never called by name),
 * - f-string placeholders printed literally (`{x:.2f}` — Dana has no format specs).
 *
 * Name resolution follows the project's lexical scoping (decision 2): a read
 * is satisfied by a binding anywhere in its function, an enclosing function,
 * the module, the private/public/system globals, or the builtins. Order does
 * not matter: the warning is for names that are never bound at all.
 */
import type { Diagnostic, Span } from "../source.js";
import type { Expression, Parameter, PipelineStage, Program, Statement, Target } from "./ast.js";
import { builtinFunctionNames, isKnownGlobalName, typeNames, unavailablePythonBuiltins } from "./builtin-names.js";
import { DiagnosticBag, sortDiagnostics } from "./diagnostics.js";
import { type ParseOptions, parseWithNotes } from "./parser.js";

interface LexicalScope {
  readonly parent: LexicalScope | null;
  readonly bindings: Set<string>;
}

interface NameRead {
  readonly name: string;
  readonly scope: LexicalScope;
  readonly span: Span;
  /** The written scope prefix (`private:x`), or null. */
  readonly prefix: import("./ast.js").Scope | null;
}

interface ImportBinding {
  readonly name: string;
  readonly span: Span;
}

export function check(source: string, options: ParseOptions = {}): Diagnostic[] {
  const { program, diagnostics, notes } = parseWithNotes(source, options);
  const warnings = new DiagnosticBag(program.file);
  for (const note of notes) warnings.warning(note.code, note.message, note.span);
  new Linter(warnings).run(program);
  return sortDiagnostics([...diagnostics, ...warnings.items]);
}

/** Lint warnings for an already-parsed program (without the f-string notes only the parser sees). */
export function lintProgram(program: Program): Diagnostic[] {
  const warnings = new DiagnosticBag(program.file);
  new Linter(warnings).run(program);
  return warnings.items;
}

class Linter {
  private readonly reads: NameRead[] = [];
  private readonly imports: ImportBinding[] = [];
  /** Names written with a private:/public:/system: prefix anywhere; unscoped reads also search these. */
  private readonly globalBindings = new Set<string>();
  /** Every name bound anywhere (scoped reads fall back across scopes). */
  private readonly anyBindings = new Set<string>();
  private readonly exportedNames = new Set<string>();
  private hasStarImport = false;
  /** Where the traversal is: break/continue need a loop, return a function, `$$` a pipeline stage. */
  private context = { loop: false, function: false, pipeline: false };
  /** Imported modules merge their public: variables into the importer's public scope (spec 1.9). */
  private hasImports = false;

  constructor(private readonly warnings: DiagnosticBag) {}

  run(program: Program): void {
    const moduleScope: LexicalScope = { parent: null, bindings: new Set() };
    this.block(program.body, moduleScope);
    this.reportNames();
  }

  // -------------------------------------------------------------------------
  // Traversal

  private block(body: readonly Statement[], scope: LexicalScope): void {
    let terminator: string | null = null;
    for (const statement of body) {
      if (terminator !== null) {
        this.warnings.warning("unreachable-code", `unreachable code after '${terminator}'`, statement.span);
        terminator = null;
        // Report once per block; the rest of the block is still linted.
        for (const rest of body.slice(body.indexOf(statement))) this.statement(rest, scope);
        return;
      }
      this.statement(statement, scope);
      terminator = terminatorOf(statement);
    }
  }

  private statement(statement: Statement, scope: LexicalScope): void {
    switch (statement.kind) {
      case "Assignment":
        this.expression(statement.value, scope);
        this.assignTarget(statement.target, scope);
        if (statement.target.kind === "Name" && statement.target.name === "__exports__") {
          this.collectExports(statement.value);
        }
        return;
      case "AugmentedAssignment":
        this.expression(statement.value, scope);
        this.expression(statement.target, scope);
        return;
      case "ExpressionStatement":
        this.expression(statement.expression, scope);
        return;
      case "IfStatement":
        this.expression(statement.test, scope);
        this.block(statement.body, scope);
        for (const elif of statement.elifs) {
          this.expression(elif.test, scope);
          this.block(elif.body, scope);
        }
        if (statement.orelse !== null) this.block(statement.orelse, scope);
        return;
      case "WhileStatement":
        this.expression(statement.test, scope);
        this.within({ loop: true }, () => this.block(statement.body, scope));
        return;
      case "ForStatement":
        this.expression(statement.iterable, scope);
        this.bindTarget(statement.target, scope);
        this.within({ loop: true }, () => this.block(statement.body, scope));
        return;
      case "ReturnStatement":
        if (!this.context.function) {
          this.warnings.warning("misplaced-statement", "'return' outside a function", statement.span);
        }
        if (statement.value !== null) this.expression(statement.value, scope);
        return;
      case "RaiseStatement":
        if (statement.exception !== null) this.expression(statement.exception, scope);
        if (statement.cause !== null) this.expression(statement.cause, scope);
        return;
      case "AssertStatement":
        if (statement.test.kind === "TupleExpression" && statement.test.elements.length > 0) {
          this.warnings.warning(
            "assert-tuple",
            "this assert tests a non-empty tuple, which is always true; write assert condition, message",
            statement.test.span,
          );
        }
        this.expression(statement.test, scope);
        if (statement.message !== null) this.expression(statement.message, scope);
        return;
      case "TryStatement":
        this.block(statement.body, scope);
        for (const handler of statement.handlers) {
          if (handler.name !== null) this.bind(handler.name, scope);
          this.block(handler.body, scope);
        }
        if (statement.finally !== null) this.block(statement.finally, scope);
        return;
      case "FunctionDefinition": {
        for (const decorator of statement.decorators) this.expression(decorator.expression, scope);
        this.bind(statement.name, scope);
        if (statement.receiver === null && builtinFunctionNames.has(statement.name)) {
          this.warnBuiltinDefinition(statement.name, statement.nameSpan);
        }
        const functionScope: LexicalScope = { parent: scope, bindings: new Set() };
        if (statement.receiver !== null) this.parameter(statement.receiver, scope, functionScope);
        for (const parameter of statement.parameters) this.parameter(parameter, scope, functionScope);
        this.within({ loop: false, function: true }, () => this.block(statement.body, functionScope));
        return;
      }
      case "DeclarativeFunctionDefinition": {
        this.bind(statement.name, scope);
        if (builtinFunctionNames.has(statement.name)) this.warnBuiltinDefinition(statement.name, statement.nameSpan);
        const functionScope: LexicalScope = { parent: scope, bindings: new Set() };
        for (const parameter of statement.parameters) this.parameter(parameter, scope, functionScope);
        for (const stage of statement.stages) this.collectCaptures(stage, functionScope);
        this.within({ pipeline: true }, () => {
          for (const stage of statement.stages) this.stage(stage, functionScope);
        });
        return;
      }
      case "StructDefinition":
        this.bind(statement.name, scope);
        for (const field of statement.fields) if (field.default !== null) this.expression(field.default, scope);
        return;
      case "InterfaceDefinition":
        this.bind(statement.name, scope);
        return;
      case "ImportStatement": {
        const name = statement.alias ?? statement.module.parts[0];
        if (name !== undefined) {
          this.bind(name, scope);
          this.imports.push({ name, span: statement.span });
        }
        this.hasImports = true;
        return;
      }
      case "FromImportStatement":
        this.hasImports = true;
        if (statement.names === "*") {
          this.hasStarImport = true;
          return;
        }
        for (const entry of statement.names) {
          const name = entry.alias ?? entry.name;
          this.bind(name, scope);
          this.imports.push({ name, span: entry.span });
        }
        return;
      case "WithStatement":
        this.expression(statement.context, scope);
        this.bind(statement.name, scope);
        this.block(statement.body, scope);
        return;
      case "BreakStatement":
      case "ContinueStatement":
        if (!this.context.loop) {
          const keyword = statement.kind === "BreakStatement" ? "break" : "continue";
          this.warnings.warning("misplaced-statement", `'${keyword}' outside a loop`, statement.span);
        }
        return;
      case "PassStatement":
        return;
    }
  }

  private within(patch: Partial<Linter["context"]>, visit: () => void): void {
    const saved = this.context;
    this.context = { ...saved, ...patch };
    try {
      visit();
    } finally {
      this.context = saved;
    }
  }

  private parameter(parameter: Parameter, outer: LexicalScope, functionScope: LexicalScope): void {
    // Defaults are evaluated in the defining scope.
    if (parameter.default !== null) this.expression(parameter.default, outer);
    this.bind(parameter.name, functionScope);
  }

  private stage(stage: PipelineStage, scope: LexicalScope): void {
    if (stage.kind === "StageReference") this.expression(stage.target, scope);
    else if (stage.kind === "StageCall") this.expression(stage.call, scope);
    else for (const inner of stage.stages) this.stage(inner, scope);
  }

  private collectCaptures(stage: PipelineStage, scope: LexicalScope): void {
    if (stage.capture !== null) this.bind(stage.capture, scope);
    if (stage.kind === "StageList") for (const inner of stage.stages) this.collectCaptures(inner, scope);
  }

  private expression(expression: Expression, scope: LexicalScope): void {
    switch (expression.kind) {
      case "Name":
        this.reads.push({ name: expression.name, scope, span: expression.span, prefix: expression.scope });
        if (expression.scope === "system") this.anyBindings.add(expression.name);
        return;
      case "LambdaExpression": {
        const lambdaScope: LexicalScope = { parent: scope, bindings: new Set() };
        if (expression.receiver !== null) this.parameter(expression.receiver, scope, lambdaScope);
        for (const parameter of expression.parameters) this.parameter(parameter, scope, lambdaScope);
        this.within({ loop: false, function: true }, () => this.expression(expression.body, lambdaScope));
        return;
      }
      case "Placeholder":
        if (!this.context.pipeline) {
          this.warnings.warning(
            "placeholder-outside-pipeline",
            "'$$' is only meaningful in a declarative pipeline stage; elsewhere it fails at run time",
            expression.span,
          );
        }
        return;
      case "ListComprehension":
      case "SetComprehension":
      case "DictComprehension":
        // Comprehension variables leak into the enclosing scope in Dana (spec 1.7).
        this.expression(expression.clause.iterable, scope);
        this.bindTarget(expression.clause.target, scope);
        if (expression.clause.condition !== null) this.expression(expression.clause.condition, scope);
        if (expression.kind === "DictComprehension") {
          this.expression(expression.key, scope);
          this.expression(expression.value, scope);
        } else {
          this.expression(expression.element, scope);
        }
        return;
      default:
        for (const child of expressionChildren(expression)) this.expression(child, scope);
    }
  }

  private assignTarget(target: Expression, scope: LexicalScope): void {
    if (target.kind === "Name") {
      if (target.scope === null || target.scope === "local") this.bind(target.name, scope);
      else this.globalBindings.add(target.name);
      this.anyBindings.add(target.name);
      return;
    }
    // `o.f = v` and `xs[i] = v` read `o` and `xs`.
    this.expression(target, scope);
  }

  private bindTarget(target: Target, scope: LexicalScope): void {
    if (target.kind === "Name") this.bind(target.name, scope);
    else for (const element of target.elements) this.bindTarget(element, scope);
  }

  private bind(name: string, scope: LexicalScope): void {
    scope.bindings.add(name);
    this.anyBindings.add(name);
  }

  private collectExports(value: Expression): void {
    if (value.kind !== "ListExpression" && value.kind !== "TupleExpression") return;
    for (const element of value.elements) if (element.kind === "StringLiteral") this.exportedNames.add(element.value);
  }

  // -------------------------------------------------------------------------
  // Reports

  private warnBuiltinDefinition(name: string, span: Span): void {
    this.warnings.warning(
      "builtin-shadowing",
      `'${name}' is a builtin: calls to ${name}(...) always use the builtin, so this function is never called by name`,
      span,
    );
  }

  private reportNames(): void {
    const readNames = new Set(this.reads.map((read) => read.name));
    for (const binding of this.imports) {
      if (!readNames.has(binding.name) && !this.exportedNames.has(binding.name)) {
        this.warnings.warning("unused-import", `'${binding.name}' is imported but never used`, binding.span);
      }
    }
    if (this.hasStarImport) return; // any name may come from the star import
    for (const read of this.reads) {
      if (this.isDefined(read)) continue;
      const message = unavailablePythonBuiltins.has(read.name)
        ? `'${read.name}' is not available in Dana (it is a Python builtin Dana does not provide)`
        : `'${read.name}' is not defined (Dana reads an undefined name as None)`;
      this.warnings.warning("undefined-name", message, read.span);
    }
  }

  private isDefined(read: NameRead): boolean {
    if (read.prefix === "public" && this.hasImports) return true; // may come from an imported module
    if (read.prefix !== null) return this.anyBindings.has(read.name) || isKnownGlobalName(read.name);
    for (let scope: LexicalScope | null = read.scope; scope !== null; scope = scope.parent) {
      if (scope.bindings.has(read.name)) return true;
    }
    return this.globalBindings.has(read.name) || isKnownGlobalName(read.name) || typeNames.has(read.name);
  }
}

function terminatorOf(statement: Statement): string | null {
  switch (statement.kind) {
    case "ReturnStatement":
      return "return";
    case "RaiseStatement":
      return "raise";
    case "BreakStatement":
      return "break";
    case "ContinueStatement":
      return "continue";
    default:
      return null;
  }
}

/** The direct sub-expressions of an expression (lambdas and comprehensions are handled by the caller). */
export function expressionChildren(expression: Expression): readonly Expression[] {
  switch (expression.kind) {
    case "FString":
      return expression.parts.filter((part): part is Expression => typeof part !== "string");
    case "ListExpression":
    case "TupleExpression":
    case "SetExpression":
      return expression.elements;
    case "DictExpression":
      return expression.entries.flatMap((entry) => [entry.key, entry.value]);
    case "UnaryExpression":
      return [expression.operand];
    case "BinaryExpression":
    case "CompareExpression":
    case "LogicalExpression":
      return [expression.left, expression.right];
    case "ConditionalExpression":
      return [expression.test, expression.body, expression.orelse];
    case "CallExpression":
      return [expression.callee, ...expression.arguments.map((argument) => argument.value)];
    case "AttributeExpression":
      return [expression.object];
    case "IndexExpression":
      return [expression.object, expression.index];
    case "SliceExpression":
      return [expression.start, expression.stop, expression.step].filter((part): part is Expression => part !== null);
    case "LambdaExpression":
      return [expression.body];
    case "ListComprehension":
    case "SetComprehension":
      return [expression.element, expression.clause.iterable];
    case "DictComprehension":
      return [expression.key, expression.value, expression.clause.iterable];
    default:
      return [];
  }
}
