/**
 * AST → Dana source. `parse(formatProgram(program))` gives back the same AST
 * (spans aside), which the property tests check; tools can use it to print
 * code. Parentheses are added exactly where precedence needs them.
 */
import type { Expression, Parameter, PipelineStage, Program, Statement, Target, TypeExpression } from "./ast.js";

const indentUnit = "    ";

export function formatProgram(program: Program | readonly Statement[]): string {
  const body = "kind" in program ? program.body : program;
  const lines: string[] = [];
  for (const statement of body) formatStatement(statement, "", lines);
  // An empty file is a syntax error in Dana, a comment-only file is the empty program.
  return lines.length === 0 ? "# (empty program)\n" : `${lines.join("\n")}\n`;
}

// ---------------------------------------------------------------------------
// Statements

function formatBlock(body: readonly Statement[], indent: string, lines: string[]): void {
  if (body.length === 0) {
    lines.push(`${indent}pass`);
    return;
  }
  for (const statement of body) formatStatement(statement, indent, lines);
}

function formatStatement(statement: Statement, indent: string, lines: string[]): void {
  const inner = indent + indentUnit;
  switch (statement.kind) {
    case "Assignment": {
      const annotation = statement.annotation === null ? "" : `: ${formatType(statement.annotation)}`;
      lines.push(
        `${indent}${formatExpression(statement.target, postfixLevel)}${annotation} = ${formatExpression(statement.value)}`,
      );
      return;
    }
    case "AugmentedAssignment":
      lines.push(
        `${indent}${formatExpression(statement.target, postfixLevel)} ${statement.operator}= ${formatExpression(statement.value)}`,
      );
      return;
    case "ExpressionStatement":
      lines.push(indent + formatExpression(statement.expression));
      return;
    case "IfStatement":
      lines.push(`${indent}if ${formatExpression(statement.test)}:`);
      formatBlock(statement.body, inner, lines);
      for (const elif of statement.elifs) {
        lines.push(`${indent}elif ${formatExpression(elif.test)}:`);
        formatBlock(elif.body, inner, lines);
      }
      if (statement.orelse !== null) {
        lines.push(`${indent}else:`);
        formatBlock(statement.orelse, inner, lines);
      }
      return;
    case "WhileStatement":
      lines.push(`${indent}while ${formatExpression(statement.test)}:`);
      formatBlock(statement.body, inner, lines);
      return;
    case "ForStatement":
      lines.push(`${indent}for ${formatTarget(statement.target, true)} in ${formatExpression(statement.iterable)}:`);
      formatBlock(statement.body, inner, lines);
      return;
    case "BreakStatement":
      lines.push(`${indent}break`);
      return;
    case "ContinueStatement":
      lines.push(`${indent}continue`);
      return;
    case "PassStatement":
      lines.push(`${indent}pass`);
      return;
    case "ReturnStatement":
      lines.push(statement.value === null ? `${indent}return` : `${indent}return ${formatExpression(statement.value)}`);
      return;
    case "RaiseStatement": {
      let text = `${indent}raise`;
      if (statement.exception !== null) text += ` ${formatExpression(statement.exception)}`;
      if (statement.cause !== null) text += ` from ${formatExpression(statement.cause)}`;
      lines.push(text);
      return;
    }
    case "AssertStatement":
      lines.push(
        `${indent}assert ${formatExpression(statement.test)}${statement.message === null ? "" : `, ${formatExpression(statement.message)}`}`,
      );
      return;
    case "TryStatement":
      lines.push(`${indent}try:`);
      formatBlock(statement.body, inner, lines);
      for (const handler of statement.handlers) {
        let header = `${indent}except`;
        if (handler.types !== null) {
          header += handler.types.length === 1 ? ` ${handler.types[0]}` : ` (${handler.types.join(", ")})`;
        }
        if (handler.name !== null) header += ` as ${handler.name}`;
        lines.push(`${header}:`);
        formatBlock(handler.body, inner, lines);
      }
      if (statement.finally !== null) {
        lines.push(`${indent}finally:`);
        formatBlock(statement.finally, inner, lines);
      }
      return;
    case "FunctionDefinition": {
      for (const decorator of statement.decorators) {
        lines.push(`${indent}@${formatExpression(decorator.expression, postfixLevel)}`);
      }
      const receiver = statement.receiver === null ? "" : `(${formatParameter(statement.receiver)}) `;
      const returnType = statement.returnType === null ? "" : ` -> ${formatType(statement.returnType)}`;
      lines.push(
        `${indent}${statement.isSync ? "sync " : ""}def ${receiver}${statement.name}(${formatParameters(statement.parameters)})${returnType}:`,
      );
      formatBlock(statement.body, inner, lines);
      return;
    }
    case "DeclarativeFunctionDefinition": {
      const returnType = statement.returnType === null ? "" : ` -> ${formatType(statement.returnType)}`;
      const stages = statement.stages.map(formatStage).join(" | ");
      lines.push(`${indent}def ${statement.name}(${formatParameters(statement.parameters)})${returnType} = ${stages}`);
      return;
    }
    case "StructDefinition":
      lines.push(`${indent}struct ${statement.name}:`);
      if (statement.docstring !== null) lines.push(inner + formatString(statement.docstring, ""));
      for (const field of statement.fields) {
        const defaultValue = field.default === null ? "" : ` = ${formatExpression(field.default)}`;
        const description = field.description === null ? "" : `  # ${field.description}`;
        lines.push(`${inner}${field.name}: ${formatType(field.type)}${defaultValue}${description}`);
      }
      if (statement.docstring === null && statement.fields.length === 0) lines.push(`${inner}pass`);
      return;
    case "InterfaceDefinition":
      lines.push(`${indent}interface ${statement.name}:`);
      if (statement.docstring !== null) lines.push(inner + formatString(statement.docstring, ""));
      for (const member of statement.members) {
        if (member.kind === "EmbeddedInterface") {
          lines.push(inner + member.name);
        } else {
          const returnType = member.returnType === null ? "" : ` -> ${formatType(member.returnType)}`;
          lines.push(`${inner}${member.name}(${formatParameters(member.parameters)})${returnType}`);
        }
      }
      if (statement.docstring === null && statement.members.length === 0) lines.push(`${inner}pass`);
      return;
    case "ImportStatement":
      lines.push(
        `${indent}import ${statement.module.parts.join(".")}${statement.alias === null ? "" : ` as ${statement.alias}`}`,
      );
      return;
    case "FromImportStatement": {
      const module = ".".repeat(statement.module.relativeLevel) + statement.module.parts.join(".");
      const names =
        statement.names === "*"
          ? "*"
          : statement.names
              .map((entry) => (entry.alias === null ? entry.name : `${entry.name} as ${entry.alias}`))
              .join(", ");
      lines.push(`${indent}from ${module} import ${names}`);
      return;
    }
    case "WithStatement":
      lines.push(`${indent}with ${formatExpression(statement.context)} as ${statement.name}:`);
      formatBlock(statement.body, inner, lines);
      return;
  }
}

function formatStage(stage: PipelineStage): string {
  const capture = stage.capture === null ? "" : ` as ${stage.capture}`;
  switch (stage.kind) {
    case "StageReference":
      return formatExpression(stage.target, postfixLevel) + capture;
    case "StageCall":
      return formatExpression(stage.call, postfixLevel) + capture;
    case "StageList":
      return `[${stage.stages.map(formatStage).join(", ")}]${capture}`;
  }
}

function formatParameters(parameters: readonly Parameter[]): string {
  return parameters.map(formatParameter).join(", ");
}

function formatParameter(parameter: Parameter): string {
  let text = parameter.name;
  if (parameter.type !== null) text += `: ${formatType(parameter.type)}`;
  if (parameter.default !== null) text += ` = ${formatExpression(parameter.default, conditionalLevel)}`;
  return text;
}

export function formatType(type: TypeExpression): string {
  if (type.kind === "TypeUnion") return type.options.map(formatType).join(" | ");
  if (type.arguments.length === 0) return type.name;
  return `${type.name}[${type.arguments.map(formatType).join(", ")}]`;
}

function formatTarget(target: Target, topLevel: boolean): string {
  if (target.kind === "Name") return target.name;
  const elements = target.elements.map((element) => formatTarget(element, false));
  if (topLevel && elements.length > 1) return elements.join(", ");
  return elements.length === 1 ? `(${elements[0]},)` : `(${elements.join(", ")})`;
}

// ---------------------------------------------------------------------------
// Expressions

const lambdaLevel = 1;
const conditionalLevel = 2;
const orLevel = 3;
const unaryLevel = 10;
const postfixLevel = 11;

const binaryLevels: Readonly<Record<string, number>> = {
  "+": 7,
  "-": 7,
  "*": 8,
  "/": 8,
  "//": 8,
  "%": 8,
  "**": 9,
};

function levelOf(expression: Expression): number {
  switch (expression.kind) {
    case "LambdaExpression":
      return lambdaLevel;
    case "ConditionalExpression":
      return conditionalLevel;
    case "LogicalExpression":
      return expression.operator === "or" ? orLevel : 4;
    case "UnaryExpression":
      return expression.operator === "not" ? 5 : unaryLevel;
    case "CompareExpression":
      return 6;
    case "BinaryExpression":
      return binaryLevels[expression.operator] ?? 7;
    default:
      return 12;
  }
}

/** Formats `expression`, parenthesised when its precedence is below `minimumLevel`. */
export function formatExpression(expression: Expression, minimumLevel = lambdaLevel): string {
  const text = formatBare(expression);
  return levelOf(expression) < minimumLevel ? `(${text})` : text;
}

function formatBare(expression: Expression): string {
  switch (expression.kind) {
    case "IntLiteral":
      return String(expression.value);
    case "FloatLiteral":
      return formatFloat(expression.value);
    case "StringLiteral":
      return formatString(expression.value, "");
    case "BoolLiteral":
      return expression.value ? "True" : "False";
    case "NoneLiteral":
      return "None";
    case "FString":
      return formatFString(expression.parts);
    case "Name":
      return expression.scope === null ? expression.name : `${expression.scope}:${expression.name}`;
    case "ListExpression":
      return `[${formatList(expression.elements)}]`;
    case "TupleExpression":
      return expression.elements.length === 1
        ? `(${formatExpression(expression.elements[0] as Expression)},)`
        : `(${formatList(expression.elements)})`;
    case "SetExpression":
      return `{${formatList(expression.elements)}}`;
    case "DictExpression":
      return `{${expression.entries
        .map(
          (entry) =>
            `${formatExpression(entry.key, conditionalLevel)}: ${formatExpression(entry.value, conditionalLevel)}`,
        )
        .join(", ")}}`;
    case "UnaryExpression":
      return expression.operator === "not"
        ? `not ${formatExpression(expression.operand, 5)}`
        : expression.operator + formatExpression(expression.operand, unaryLevel);
    case "BinaryExpression": {
      const level = binaryLevels[expression.operator] ?? 7;
      const power = expression.operator === "**";
      const left = formatExpression(expression.left, power ? unaryLevel : level);
      const right = formatExpression(expression.right, power ? level : level + 1);
      return `${left} ${expression.operator} ${right}`;
    }
    case "CompareExpression":
      return `${formatExpression(expression.left, 6)} ${expression.operator} ${formatExpression(expression.right, 7)}`;
    case "LogicalExpression": {
      const level = levelOf(expression);
      return `${formatExpression(expression.left, level)} ${expression.operator} ${formatExpression(expression.right, level + 1)}`;
    }
    case "ConditionalExpression":
      return `${formatExpression(expression.body, orLevel)} if ${formatExpression(expression.test, orLevel)} else ${formatExpression(expression.orelse, lambdaLevel)}`;
    case "CallExpression": {
      const callArguments = expression.arguments
        .map((argument) =>
          argument.name === null
            ? formatExpression(argument.value)
            : `${argument.name}=${formatExpression(argument.value)}`,
        )
        .join(", ");
      return `${formatObject(expression.callee)}(${callArguments})`;
    }
    case "AttributeExpression":
      return `${formatObject(expression.object)}.${expression.name}`;
    case "IndexExpression":
      return `${formatObject(expression.object)}[${formatExpression(expression.index, conditionalLevel)}]`;
    case "SliceExpression": {
      const part = (value: Expression | null): string =>
        value === null ? "" : formatExpression(value, conditionalLevel);
      const step = expression.step === null ? "" : `:${part(expression.step)}`;
      return `${part(expression.start)}:${part(expression.stop)}${step}`;
    }
    case "LambdaExpression": {
      const receiver = expression.receiver === null ? "" : ` (${formatParameter(expression.receiver)})`;
      const parameters = expression.parameters.length === 0 ? "" : ` ${formatParameters(expression.parameters)}`;
      return `lambda${receiver}${parameters} :: ${formatExpression(expression.body)}`;
    }
    case "ListComprehension":
      return `[${formatExpression(expression.element, orLevel)} ${formatClause(expression.clause)}]`;
    case "SetComprehension":
      return `{${formatExpression(expression.element, orLevel)} ${formatClause(expression.clause)}}`;
    case "DictComprehension":
      return `{(${formatExpression(expression.key, conditionalLevel)}: ${formatExpression(expression.value, conditionalLevel)}) ${formatClause(expression.clause)}}`;
    case "Placeholder":
      return "$$";
  }
}

/** The object of a call, subscript or attribute; a number needs parentheses (`(1).x`, since `1.x` lexes a float). */
function formatObject(expression: Expression): string {
  if (expression.kind === "IntLiteral" || expression.kind === "FloatLiteral") return `(${formatBare(expression)})`;
  return formatExpression(expression, postfixLevel);
}

function formatList(elements: readonly Expression[]): string {
  return elements.map((element) => formatExpression(element)).join(", ");
}

function formatClause(clause: {
  readonly target: Target;
  readonly iterable: Expression;
  readonly condition: Expression | null;
}): string {
  const condition = clause.condition === null ? "" : ` if ${formatExpression(clause.condition, orLevel)}`;
  return `for ${formatTarget(clause.target, true)} in ${formatExpression(clause.iterable, orLevel)}${condition}`;
}

export function formatFloat(value: number): string {
  if (value === Number.POSITIVE_INFINITY) return "1e999";
  const text = String(value);
  return /[.eE]/.test(text) || !Number.isFinite(value) ? text : `${text}.0`;
}

const quoteChoices = ['"', "'", '"""', "'''"];

/** A string literal with a delimiter that keeps `body` verbatim (Dana has no escapes to add). */
export function formatString(body: string, prefix: "" | "f"): string {
  const quote = quoteChoices.find((candidate) => canDelimit(body, candidate)) ?? '"';
  return `${prefix}${quote}${body}${quote}`;
}

/** Whether some Dana string delimiter can hold `body` verbatim (Dana strings have no escapes). */
export function isRepresentableString(body: string): boolean {
  return quoteChoices.some((candidate) => canDelimit(body, candidate));
}

/** Whether the lexer would read `quote + body + quote` back as exactly `body`. */
function canDelimit(body: string, quote: string): boolean {
  const triple = quote.length === 3;
  if (triple && body.endsWith(quote[0] as string)) return false;
  for (let index = 0; index < body.length; index += 1) {
    const character = body[index];
    if (character === "\\") {
      if (index + 1 >= body.length) return false;
      const next = body[index + 1];
      if (!triple && (next === "\n" || next === "\r")) return false;
      index += 1;
      continue;
    }
    if (!triple && (character === "\n" || character === "\r")) return false;
    if (body.startsWith(quote, index)) return false;
  }
  return true;
}

function formatFString(parts: readonly (string | Expression)[]): string {
  const body = parts
    .map((part) => {
      if (typeof part === "string") return part.replaceAll("{", "{{").replaceAll("}", "}}");
      const text = formatExpression(part);
      return text.startsWith("{") || text.endsWith("}") ? `{ ${text} }` : `{${text}}`;
    })
    .join("");
  return formatString(body, "f");
}
