import type { ast } from "@dana-gateway/lang";

/** How a Dana annotation is written in TypeScript, following the gateway's conversion table. */
export function typeScriptType(
  type: ast.TypeExpression | null,
  structs: ReadonlySet<string>,
  position: "argument" | "result",
): string {
  if (type === null) return "unknown";
  if (type.kind === "TypeUnion") {
    const options = [...new Set(type.options.map((option) => typeScriptType(option, structs, position)))];
    return options.includes("unknown") ? "unknown" : options.join(" | ");
  }
  const [first, second] = type.arguments;
  const inner = (argument: ast.TypeExpression | undefined) =>
    argument ? typeScriptType(argument, structs, position) : "unknown";
  switch (type.name) {
    case "int":
    case "float":
      return "number";
    case "str":
      return "string";
    case "bool":
      return "boolean";
    case "None":
      return "null";
    case "any":
      return "unknown";
    case "list":
      return `${parenthesize(inner(first))}[]`;
    case "set":
      return `Set<${inner(first)}>`;
    case "tuple":
      return type.arguments.length === 0 ? "readonly unknown[]" : `readonly [${type.arguments.map(inner).join(", ")}]`;
    case "dict": {
      const value = inner(second);
      // Dicts with string keys arrive as plain objects; other keys come back as a Map.
      if (!first || (first.kind === "TypeName" && first.name === "str")) return `Record<string, ${value}>`;
      return `Map<${inner(first)}, ${value}>`;
    }
    default:
      if (structs.has(type.name))
        return position === "result" ? `DanaObject<${type.name}>` : `DanaObject<${type.name}> | ${type.name}`;
      return "unknown";
  }
}

function parenthesize(text: string): string {
  return /[|&]/.test(text) ? `(${text})` : text;
}

/** The TypeScript type of a literal initialiser, for untyped module variables (`PI = 3.14`). */
export function literalType(expression: ast.Expression): string {
  switch (expression.kind) {
    case "IntLiteral":
    case "FloatLiteral":
      return "number";
    case "StringLiteral":
    case "FString":
      return "string";
    case "BoolLiteral":
      return "boolean";
    case "NoneLiteral":
      return "null";
    case "UnaryExpression":
      return expression.operator === "not" ? "boolean" : literalType(expression.operand);
    case "ListExpression":
      return "unknown[]";
    case "DictExpression":
      return "Record<string, unknown>";
    default:
      return "unknown";
  }
}
