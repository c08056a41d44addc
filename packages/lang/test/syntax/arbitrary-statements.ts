/**
 * fast-check generators of Dana statements and programs (see arbitrary-expressions.ts).
 */
import fc from "fast-check";
import { emptySpan as span } from "../../src/source.js";
import type { Expression, PipelineStage, Statement } from "../../src/syntax/ast.js";
import {
  expression,
  identifier,
  name,
  parameter,
  representableString,
  target,
  typeExpression,
} from "./arbitrary-expressions.js";

const assignTarget = fc.oneof(
  name,
  fc.record({
    kind: fc.constant("AttributeExpression" as const),
    object: name,
    name: identifier,
    nameSpan: fc.constant(span),
    span: fc.constant(span),
  }),
  fc.record({
    kind: fc.constant("IndexExpression" as const),
    object: name,
    index: expression,
    span: fc.constant(span),
  }),
);

const dottedParts = fc.array(identifier, { minLength: 1, maxLength: 3 });

const stage: fc.Arbitrary<PipelineStage> = fc.letrec<{ stage: PipelineStage }>((tie) => ({
  stage: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({
      kind: fc.constant("StageReference" as const),
      target: name,
      capture: fc.option(identifier, { nil: null }),
      span: fc.constant(span),
    }),
    fc.record({
      kind: fc.constant("StageCall" as const),
      call: fc.record({
        kind: fc.constant("CallExpression" as const),
        callee: name,
        arguments: fc.array(
          fc.record({ name: fc.option(identifier, { nil: null }), value: expression, span: fc.constant(span) }),
          { maxLength: 2 },
        ),
        span: fc.constant(span),
      }),
      capture: fc.option(identifier, { nil: null }),
      span: fc.constant(span),
    }),
    fc.record({
      kind: fc.constant("StageList" as const),
      stages: fc.array(tie("stage"), { minLength: 1, maxLength: 2 }),
      capture: fc.option(identifier, { nil: null }),
      span: fc.constant(span),
    }),
  ),
})).stage;

function docstringOf(body: readonly Statement[]): string | null {
  const first = body[0];
  return first?.kind === "ExpressionStatement" && first.expression.kind === "StringLiteral"
    ? first.expression.value
    : null;
}

export const statement: fc.Arbitrary<Statement> = fc.letrec<{ statement: Statement; block: Statement[] }>((tie) => {
  const block = tie("block");
  const simple = fc.oneof(
    fc
      .tuple(assignTarget, fc.option(typeExpression, { nil: null, freq: 3 }), expression)
      .map(([assigned, annotation, value]) => ({
        kind: "Assignment" as const,
        target: assigned,
        annotation: assigned.kind === "Name" ? annotation : null,
        value,
        span,
      })),
    fc.record({
      kind: fc.constant("AugmentedAssignment" as const),
      target: assignTarget,
      operator: fc.constantFrom("+" as const, "-" as const, "*" as const, "/" as const),
      value: expression,
      span: fc.constant(span),
    }),
    expression.map((value) => ({ kind: "ExpressionStatement" as const, expression: value, span })),
    fc.constantFrom(
      { kind: "BreakStatement" as const, span },
      { kind: "ContinueStatement" as const, span },
      { kind: "PassStatement" as const, span },
    ),
    fc.option(expression, { nil: null }).map((value) => ({ kind: "ReturnStatement" as const, value, span })),
    fc.option(fc.tuple(expression, fc.option(expression, { nil: null })), { nil: null }).map((parts) => ({
      kind: "RaiseStatement" as const,
      exception: parts?.[0] ?? null,
      cause: parts?.[1] ?? null,
      span,
    })),
    fc.record({
      kind: fc.constant("AssertStatement" as const),
      test: expression,
      message: fc.option(expression, { nil: null }),
      span: fc.constant(span),
    }),
    fc.record({
      kind: fc.constant("ImportStatement" as const),
      module: dottedParts.map((parts) => ({ relativeLevel: 0, parts, span })),
      alias: fc.option(identifier, { nil: null }),
      span: fc.constant(span),
    }),
    fc
      .tuple(fc.nat({ max: 2 }), fc.array(identifier, { maxLength: 2 }))
      .filter(([level, parts]) => level > 0 || parts.length > 0)
      .chain(([relativeLevel, parts]) =>
        fc.record({
          kind: fc.constant("FromImportStatement" as const),
          module: fc.constant({ relativeLevel, parts, span }),
          names: fc.oneof(
            fc.constant("*" as const),
            fc.array(
              fc.record({ name: identifier, alias: fc.option(identifier, { nil: null }), span: fc.constant(span) }),
              { minLength: 1, maxLength: 3 },
            ),
          ),
          span: fc.constant(span),
        }),
      ),
    fc.record({
      kind: fc.constant("DeclarativeFunctionDefinition" as const),
      name: identifier,
      nameSpan: fc.constant(span),
      parameters: fc.array(parameter(expression), { maxLength: 2 }),
      returnType: fc.option(typeExpression, { nil: null }),
      stages: fc.array(stage, { minLength: 1, maxLength: 3 }),
      span: fc.constant(span),
    }),
  );
  const compound = fc.oneof(
    fc.record({
      kind: fc.constant("IfStatement" as const),
      test: expression,
      body: block,
      elifs: fc.array(fc.record({ test: expression, body: block, span: fc.constant(span) }), { maxLength: 2 }),
      orelse: fc.option(block, { nil: null }),
      span: fc.constant(span),
    }),
    fc.record({ kind: fc.constant("WhileStatement" as const), test: expression, body: block, span: fc.constant(span) }),
    fc.record({
      kind: fc.constant("ForStatement" as const),
      target: target.filter((value) => value.kind === "Name" || value.elements.length > 0),
      iterable: expression,
      body: block,
      span: fc.constant(span),
    }),
    fc.record({
      kind: fc.constant("TryStatement" as const),
      body: block,
      handlers: fc.array(
        fc.record({
          types: fc.option(fc.array(identifier, { minLength: 1, maxLength: 3 }), { nil: null }),
          name: fc.option(identifier, { nil: null }),
          body: block,
          span: fc.constant(span),
        }),
        { minLength: 1, maxLength: 2 },
      ),
      finally: fc.option(block, { nil: null }),
      span: fc.constant(span),
    }),
    fc.record({
      kind: fc.constant("WithStatement" as const),
      context: expression,
      name: identifier,
      body: block,
      span: fc.constant(span),
    }),
    fc
      .record({
        name: identifier,
        receiver: fc.option(parameter(expression), { nil: null, freq: 3 }),
        parameters: fc.array(parameter(expression), { maxLength: 3 }),
        returnType: fc.option(typeExpression, { nil: null }),
        body: block,
        decorators: fc.array(
          fc
            .oneof(
              name,
              fc.record({
                kind: fc.constant("CallExpression" as const),
                callee: name,
                arguments: fc.array(
                  fc.record({ name: fc.constant(null), value: expression, span: fc.constant(span) }),
                  {
                    maxLength: 2,
                  },
                ),
                span: fc.constant(span),
              }),
            )
            .map((decorator) => ({ expression: decorator as Expression, span })),
          { maxLength: 2 },
        ),
        isSync: fc.boolean(),
      })
      .map((definition) => ({
        kind: "FunctionDefinition" as const,
        nameSpan: span,
        span,
        docstring: docstringOf(definition.body),
        ...definition,
      })),
    fc.record({
      kind: fc.constant("StructDefinition" as const),
      name: identifier,
      nameSpan: fc.constant(span),
      fields: fc.array(
        fc.record({
          name: identifier,
          type: typeExpression,
          default: fc.option(expression, { nil: null }),
          description: fc.option(fc.stringMatching(/^[a-z][a-z ]{0,8}[a-z]$/), { nil: null }),
          span: fc.constant(span),
        }),
        { maxLength: 3 },
      ),
      docstring: fc.option(representableString, { nil: null }),
      span: fc.constant(span),
    }),
    fc.record({
      kind: fc.constant("InterfaceDefinition" as const),
      name: identifier,
      nameSpan: fc.constant(span),
      members: fc.array(
        fc.oneof(
          fc.record({ kind: fc.constant("EmbeddedInterface" as const), name: identifier, span: fc.constant(span) }),
          fc.record({
            kind: fc.constant("InterfaceMethod" as const),
            name: identifier,
            parameters: fc.array(parameter(expression), { maxLength: 2 }),
            returnType: fc.option(typeExpression, { nil: null }),
            span: fc.constant(span),
          }),
        ),
        { maxLength: 3 },
      ),
      docstring: fc.option(representableString, { nil: null }),
      span: fc.constant(span),
    }),
  );
  return {
    statement: fc.oneof({ depthSize: "small", withCrossShrink: true }, simple, compound),
    block: fc.array(tie("statement"), { minLength: 1, maxLength: 3 }),
  };
}).statement;

export const program = fc.array(statement, { minLength: 1, maxLength: 4 });
