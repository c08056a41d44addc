/**
 * fast-check generators of Dana expressions (spans are dummies: the round-trip
 * property compares ASTs without spans). Generated trees stay inside what
 * the grammar can express: sets are non-empty, blocks are non-empty,
 * comprehension elements and f-string text are normalised as the parser
 * produces them.
 */
import fc from "fast-check";
import { emptySpan as span } from "../../src/source.js";
import type { Expression, FString, Parameter, Scope, Target, TypeExpression } from "../../src/syntax/ast.js";
import { isRepresentableString } from "../../src/syntax/format.js";

export const identifier = fc.constantFrom("a", "b", "x", "y", "foo", "bar_2", "_z", "int", "print", "Point", "data");
const scope = fc.constantFrom<Scope | null>(null, null, null, "private", "public", "local", "system");

export const intLiteral = fc.oneof(
  fc.nat({ max: 1000 }),
  fc.maxSafeNat(),
  fc.bigInt({ min: BigInt(Number.MAX_SAFE_INTEGER) + 1n, max: 10n ** 40n }),
);

export const floatLiteral = fc
  .double({ min: 0, max: 1e300, noNaN: true, noDefaultInfinity: true })
  .filter((value) => !Object.is(value, -0));

const stringCharacter = fc.constantFrom("a", "b", " ", "\\", '"', "'", "{", "}", "#", "é", "\n", "\t", ":", "x");
export const stringBody = fc.array(stringCharacter, { maxLength: 12 }).map((characters) => characters.join(""));
export const representableString = stringBody.filter(isRepresentableString);

export const typeExpression: fc.Arbitrary<TypeExpression> = fc.letrec<{ type: TypeExpression; single: TypeExpression }>(
  (tie) => ({
    type: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      tie("single"),
      fc
        .array(tie("single"), { minLength: 2, maxLength: 3 })
        .map((options) => ({ kind: "TypeUnion" as const, options, span })),
    ),
    single: fc.record({
      kind: fc.constant("TypeName" as const),
      name: fc.constantFrom("int", "str", "list", "dict", "None", "any", "Point", "geometry.Shape"),
      arguments: fc.oneof(
        { depthSize: "small" },
        fc.constant([]),
        fc.array(tie("type"), { minLength: 1, maxLength: 2 }),
      ),
      span: fc.constant(span),
    }),
  }),
).type;

export const name = fc.record({ kind: fc.constant("Name" as const), name: identifier, scope, span: fc.constant(span) });

/** Expressions simple enough to sit inside an f-string placeholder. */
const simpleExpression: fc.Arbitrary<Expression> = fc.oneof(
  name,
  intLiteral.map((value) => ({ kind: "IntLiteral" as const, value, span })),
  fc.tuple(name, fc.constantFrom("+", "*", "-" as const), fc.nat({ max: 9 })).map(([left, operator, right]) => ({
    kind: "BinaryExpression" as const,
    operator,
    left,
    right: { kind: "IntLiteral" as const, value: right, span },
    span,
  })),
  fc.tuple(name, identifier).map(([object, attribute]) => ({
    kind: "AttributeExpression" as const,
    object,
    name: attribute,
    nameSpan: span,
    span,
  })),
);

/** F-string parts as the parser produces them: no empty text, no two adjacent texts. */
const fstring: fc.Arbitrary<FString> = fc
  .array(fc.oneof(fc.stringMatching(/^[a-z {}:.!]{1,6}$/), simpleExpression), { maxLength: 4 })
  .map((parts) => {
    const merged: (string | Expression)[] = [];
    for (const part of parts) {
      const last = merged[merged.length - 1];
      if (typeof part === "string" && typeof last === "string") merged[merged.length - 1] = last + part;
      else merged.push(part);
    }
    return { kind: "FString" as const, parts: merged, span };
  });

export function parameter(expression: fc.Arbitrary<Expression>): fc.Arbitrary<Parameter> {
  return fc.record({
    name: identifier,
    type: fc.option(typeExpression, { nil: null }),
    default: fc.option(expression, { nil: null, freq: 3 }),
    span: fc.constant(span),
  });
}

export const target: fc.Arbitrary<Target> = fc.letrec<{ target: Target }>((tie) => ({
  target: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    identifier.map((text) => ({ kind: "Name" as const, name: text, scope: null, span })),
    fc
      .array(tie("target"), { minLength: 1, maxLength: 3 })
      .map((elements) => ({ kind: "TargetTuple" as const, elements, span })),
  ),
})).target;

export const expression: fc.Arbitrary<Expression> = fc.letrec<{ expression: Expression; postfix: Expression }>(
  (tie) => {
    const any = tie("expression");
    const postfix = tie("postfix");
    const list = (minLength: number) => fc.array(any, { minLength, maxLength: 3 });
    const clause = fc.record({
      target,
      iterable: any,
      condition: fc.option(any, { nil: null }),
      span: fc.constant(span),
    });
    return {
      postfix: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        name,
        fc.record({
          kind: fc.constant("CallExpression" as const),
          callee: postfix,
          arguments: fc.array(
            fc.record({ name: fc.option(identifier, { nil: null }), value: any, span: fc.constant(span) }),
            { maxLength: 3 },
          ),
          span: fc.constant(span),
        }),
        fc.record({
          kind: fc.constant("AttributeExpression" as const),
          object: any,
          name: identifier,
          nameSpan: fc.constant(span),
          span: fc.constant(span),
        }),
        fc.record({
          kind: fc.constant("IndexExpression" as const),
          object: any,
          index: fc.oneof(
            any,
            fc.record({
              kind: fc.constant("SliceExpression" as const),
              start: fc.option(any, { nil: null }),
              stop: fc.option(any, { nil: null }),
              step: fc.option(any, { nil: null }),
              span: fc.constant(span),
            }),
          ),
          span: fc.constant(span),
        }),
      ),
      expression: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        name,
        intLiteral.map((value) => ({ kind: "IntLiteral" as const, value, span })),
        floatLiteral.map((value) => ({ kind: "FloatLiteral" as const, value, span })),
        representableString.map((value) => ({ kind: "StringLiteral" as const, value, span })),
        fc.boolean().map((value) => ({ kind: "BoolLiteral" as const, value, span })),
        fc.constant({ kind: "NoneLiteral" as const, span }),
        fc.constant({ kind: "Placeholder" as const, span }),
        fstring.filter((value) => value.parts.length > 0),
        postfix,
        list(0).map((elements) => ({ kind: "ListExpression" as const, elements, span })),
        list(0).map((elements) => ({ kind: "TupleExpression" as const, elements, span })),
        list(1).map((elements) => ({ kind: "SetExpression" as const, elements, span })),
        fc
          .array(fc.record({ key: any, value: any }), { maxLength: 3 })
          .map((entries) => ({ kind: "DictExpression" as const, entries, span })),
        fc.record({
          kind: fc.constant("UnaryExpression" as const),
          operator: fc.constantFrom("-" as const, "+" as const, "not" as const),
          operand: any,
          span: fc.constant(span),
        }),
        fc.record({
          kind: fc.constant("BinaryExpression" as const),
          operator: fc.constantFrom(
            "+" as const,
            "-" as const,
            "*" as const,
            "/" as const,
            "//" as const,
            "%" as const,
            "**" as const,
          ),
          left: any,
          right: any,
          span: fc.constant(span),
        }),
        fc.record({
          kind: fc.constant("CompareExpression" as const),
          operator: fc.constantFrom(
            "<" as const,
            ">" as const,
            "==" as const,
            "!=" as const,
            "<=" as const,
            ">=" as const,
            "in" as const,
            "not in" as const,
            "is" as const,
            "is not" as const,
          ),
          left: any,
          right: any,
          span: fc.constant(span),
        }),
        fc.record({
          kind: fc.constant("LogicalExpression" as const),
          operator: fc.constantFrom("and" as const, "or" as const),
          left: any,
          right: any,
          span: fc.constant(span),
        }),
        fc.record({
          kind: fc.constant("ConditionalExpression" as const),
          test: any,
          body: any,
          orelse: any,
          span: fc.constant(span),
        }),
        fc.record({
          kind: fc.constant("LambdaExpression" as const),
          receiver: fc.option(parameter(any), { nil: null, freq: 4 }),
          parameters: fc.array(parameter(any), { maxLength: 2 }),
          body: any,
          span: fc.constant(span),
        }),
        fc.record({
          kind: fc.constantFrom("ListComprehension" as const, "SetComprehension" as const),
          element: any,
          clause,
          span: fc.constant(span),
        }),
        fc.record({
          kind: fc.constant("DictComprehension" as const),
          key: any,
          value: any,
          clause,
          span: fc.constant(span),
        }),
      ),
    };
  },
).expression;
