/**
 * Type annotations (spec 1.12): `int`, `list[str]`, `dict[str, any]`,
 * `int | None`, `geometry.Point`. Parsed everywhere, enforced elsewhere.
 */
import type { TypeExpression } from "./ast.js";
import type { Parser } from "./parser.js";

export function parseType(parser: Parser): TypeExpression {
  const start = parser.current;
  const first = parseSingleType(parser);
  if (!parser.check("|")) return first;
  const options = [first];
  while (parser.match("|")) options.push(parseSingleType(parser));
  return { kind: "TypeUnion", options, span: parser.spanFrom(start) };
}

function parseSingleType(parser: Parser): TypeExpression {
  const start = parser.current;
  let name: string;
  if (parser.match("none")) {
    name = "None";
  } else {
    name = parser.expectName("a type name").text;
    while (parser.check(".") && parser.peek(1).kind === "name") {
      parser.advance();
      name += `.${parser.advance().text}`;
    }
  }
  const typeArguments: TypeExpression[] = [];
  const open = parser.match("[");
  if (open !== null) {
    do {
      if (parser.check("]")) break;
      typeArguments.push(parseType(parser));
    } while (parser.match(","));
    parser.expectClosing("]", open);
  }
  return { kind: "TypeName", name, arguments: typeArguments, span: parser.spanFrom(start) };
}
