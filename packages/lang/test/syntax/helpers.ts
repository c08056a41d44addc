/**
 * Test helpers for the syntax layer: span-free AST views and diagnostic summaries.
 */
import { expect } from "vitest";
import type { Expression, Statement } from "../../src/syntax/ast.js";
import { parse } from "../../src/syntax/index.js";

/** A deep copy without `span`/`nameSpan`/`source`, for comparing AST shapes. */
export function stripSpans(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripSpans);
  if (value !== null && typeof value === "object") {
    const result: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      if (key === "span" || key === "nameSpan" || key === "source") continue;
      result[key] = stripSpans(child);
    }
    return result;
  }
  return value;
}

/** Parses a program that must have no diagnostics; returns its statements. */
export function parseValid(source: string): readonly Statement[] {
  const result = parse(source);
  expect(result.diagnostics.map((d) => `${d.span.line}:${d.span.column} ${d.message}`)).toEqual([]);
  return result.program.body;
}

/** The span-free shape of the single expression statement in `source`. */
export function expressionShape(source: string): unknown {
  const body = parseValid(source);
  expect(body).toHaveLength(1);
  const statement = body[0];
  if (statement?.kind !== "ExpressionStatement")
    throw new Error(`expected an expression statement, got ${statement?.kind}`);
  return stripSpans(statement.expression);
}

export function firstExpression(source: string): Expression {
  const statement = parseValid(source)[0];
  if (statement?.kind !== "ExpressionStatement") throw new Error("expected an expression statement");
  return statement.expression;
}

/** "line:column message" for each diagnostic of `source`. */
export function diagnosticsOf(source: string): string[] {
  return parse(source).diagnostics.map((d) => `${d.span.line}:${d.span.column} ${d.message}`);
}

export const name = (text: string, scope: string | null = null) => ({ kind: "Name", name: text, scope });
export const int = (value: number | bigint) => ({ kind: "IntLiteral", value });
export const float = (value: number) => ({ kind: "FloatLiteral", value });
export const str = (value: string) => ({ kind: "StringLiteral", value });
export const binary = (operator: string, left: unknown, right: unknown) => ({
  kind: "BinaryExpression",
  operator,
  left,
  right,
});
export const compare = (operator: string, left: unknown, right: unknown) => ({
  kind: "CompareExpression",
  operator,
  left,
  right,
});
export const unary = (operator: string, operand: unknown) => ({ kind: "UnaryExpression", operator, operand });
type KeywordArgument = { readonly keyword: string; readonly value: unknown };
const isKeywordArgument = (value: unknown): value is KeywordArgument =>
  typeof value === "object" && value !== null && "keyword" in value;
export const call = (callee: unknown, ...args: unknown[]) => ({
  kind: "CallExpression",
  callee,
  arguments: args.map((value) =>
    isKeywordArgument(value) ? { name: value.keyword, value: value.value } : { name: null, value },
  ),
});
export const keyword = (keywordName: string, value: unknown): KeywordArgument => ({ keyword: keywordName, value });
