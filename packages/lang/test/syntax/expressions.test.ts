import { describe, expect, it } from "vitest";
import {
  binary,
  call,
  compare,
  expressionShape,
  firstExpression,
  float,
  int,
  keyword,
  name,
  str,
  unary,
} from "./helpers.js";

describe("parser: precedence (spec 1.3)", () => {
  it("binds unary minus tighter than ** (-2 ** 2 is (-2) ** 2)", () => {
    expect(expressionShape("-2 ** 2")).toEqual(binary("**", unary("-", int(2)), int(2)));
  });

  it("makes ** right-associative and allows a signed exponent", () => {
    expect(expressionShape("2 ** 3 ** 2")).toEqual(binary("**", int(2), binary("**", int(3), int(2))));
    expect(expressionShape("2 ** -1")).toEqual(binary("**", int(2), unary("-", int(1))));
  });

  it("orders + - below * / // %", () => {
    expect(expressionShape("1 + 2 * 3 - 4 // 5 % 6")).toEqual(
      binary("-", binary("+", int(1), binary("*", int(2), int(3))), binary("%", binary("//", int(4), int(5)), int(6))),
    );
  });

  it("parses comparisons as left-associative binary operations, not chains", () => {
    expect(expressionShape("3 > 2 > 1")).toEqual(compare(">", compare(">", int(3), int(2)), int(1)));
  });

  it("reads 'not in' and 'is not' as single operators", () => {
    expect(expressionShape("a not in b")).toEqual(compare("not in", name("a"), name("b")));
    expect(expressionShape("a is not None")).toEqual(compare("is not", name("a"), { kind: "NoneLiteral" }));
  });

  it("orders not > and > or, below comparisons", () => {
    expect(expressionShape("not a == b and c or d")).toEqual({
      kind: "LogicalExpression",
      operator: "or",
      left: {
        kind: "LogicalExpression",
        operator: "and",
        left: unary("not", compare("==", name("a"), name("b"))),
        right: name("c"),
      },
      right: name("d"),
    });
  });

  it("nests conditional expressions to the right", () => {
    expect(expressionShape("a if c1 else b if c2 else d")).toEqual({
      kind: "ConditionalExpression",
      body: name("a"),
      test: name("c1"),
      orelse: { kind: "ConditionalExpression", body: name("b"), test: name("c2"), orelse: name("d") },
    });
  });
});

describe("parser: atoms and collections (spec 1.2)", () => {
  it("parses every literal kind", () => {
    expect(expressionShape("[1, 2.5, 'a', True, false, None, null]")).toEqual({
      kind: "ListExpression",
      elements: [
        int(1),
        float(2.5),
        str("a"),
        { kind: "BoolLiteral", value: true },
        { kind: "BoolLiteral", value: false },
        { kind: "NoneLiteral" },
        { kind: "NoneLiteral" },
      ],
    });
  });

  it("requires parentheses for tuples and accepts (x,) and ()", () => {
    expect(expressionShape("()")).toEqual({ kind: "TupleExpression", elements: [] });
    expect(expressionShape("(7,)")).toEqual({ kind: "TupleExpression", elements: [int(7)] });
    expect(expressionShape("(1, 2,)")).toEqual({ kind: "TupleExpression", elements: [int(1), int(2)] });
    expect(expressionShape("(7)")).toEqual(int(7));
  });

  it("reads {} as an empty dict and {1, 2} as a set", () => {
    expect(expressionShape("{}")).toEqual({ kind: "DictExpression", entries: [] });
    expect(expressionShape("{1, 2}")).toEqual({ kind: "SetExpression", elements: [int(1), int(2)] });
    expect(expressionShape('{"k": 1, 2: [3],}')).toEqual({
      kind: "DictExpression",
      entries: [
        { key: str("k"), value: int(1) },
        { key: int(2), value: { kind: "ListExpression", elements: [int(3)] } },
      ],
    });
  });

  it("reads a set of tuples (not mistaken for a dict comprehension)", () => {
    expect(expressionShape("{(1, 2), (3, 4)}")).toEqual({
      kind: "SetExpression",
      elements: [
        { kind: "TupleExpression", elements: [int(1), int(2)] },
        { kind: "TupleExpression", elements: [int(3), int(4)] },
      ],
    });
  });

  it("spans multi-line collections with comments between items", () => {
    expect(expressionShape("[\n  1,  # one\n  2,\n]")).toEqual({ kind: "ListExpression", elements: [int(1), int(2)] });
  });

  it("reads scoped names with a colon", () => {
    expect(expressionShape("private:x + public:y + local:z + system:w")).toEqual(
      binary(
        "+",
        binary("+", binary("+", name("x", "private"), name("y", "public")), name("z", "local")),
        name("w", "system"),
      ),
    );
  });

  it("treats type names as ordinary names in expressions", () => {
    expect(expressionShape('int("3")')).toEqual(call(name("int"), str("3")));
  });
});

describe("parser: postfix forms (spec 1.4)", () => {
  it("parses calls with keyword arguments anywhere and a trailing comma", () => {
    expect(expressionShape("f(k=1, 2, j=x,)")).toEqual(
      call(name("f"), keyword("k", int(1)), int(2), keyword("j", name("x"))),
    );
  });

  it("parses attribute chains and method calls", () => {
    expect(expressionShape('", ".join(xs).upper()')).toEqual(
      call({
        kind: "AttributeExpression",
        object: call({ kind: "AttributeExpression", object: str(", "), name: "join" }, name("xs")),
        name: "upper",
      }),
    );
  });

  it.each([
    ["a[1:2]", int(1), int(2), null],
    ["a[:2]", null, int(2), null],
    ["a[1:]", int(1), null, null],
    ["a[:]", null, null, null],
    ["a[::2]", null, null, int(2)],
    ["a[1::2]", int(1), null, int(2)],
    ["a[1:2:3]", int(1), int(2), int(3)],
    ["a[:-1:]", null, unary("-", int(1)), null],
  ])("parses the slice %s", (source, start, stop, step) => {
    expect(expressionShape(source)).toEqual({
      kind: "IndexExpression",
      object: name("a"),
      index: { kind: "SliceExpression", start, stop, step },
    });
  });

  it("records the span of an attribute name", () => {
    const expression = firstExpression("point.x");
    expect(expression.kind === "AttributeExpression" && expression.nameSpan).toMatchObject({ line: 1, column: 7 });
  });

  it("allows calling any expression", () => {
    expect(expressionShape('ops["add"](1, 2)')).toEqual(
      call({ kind: "IndexExpression", object: name("ops"), index: str("add") }, int(1), int(2)),
    );
  });
});

describe("parser: strings and f-strings", () => {
  it("keeps backslashes in string bodies", () => {
    expect(expressionShape(String.raw`"say \"hi\"\n"`)).toEqual(str(String.raw`say \"hi\"\n`));
  });

  it("parses f-string placeholders with the full expression grammar", () => {
    expect(expressionShape(`f"a {private:x + 1} b {d['k']}"`)).toEqual({
      kind: "FString",
      parts: [
        "a ",
        binary("+", name("x", "private"), int(1)),
        " b ",
        { kind: "IndexExpression", object: name("d"), index: str("k") },
      ],
    });
  });

  it("keeps a format spec as literal text (kept DIFF)", () => {
    expect(expressionShape('f"{x:.2f}!"')).toEqual({ kind: "FString", parts: ["x:.2f!"] });
  });

  it("reads {{ and }} as literal braces (the reference QUIRK is not copied)", () => {
    expect(expressionShape('f"{{a}} {b}"')).toEqual({ kind: "FString", parts: ["{a} ", name("b")] });
  });

  it("has no stray quotes in triple-quoted f-strings", () => {
    expect(expressionShape('f"""x={x}"""')).toEqual({ kind: "FString", parts: ["x=", name("x")] });
  });

  it("maps placeholder positions back to the file", () => {
    const expression = firstExpression('f"""line one\n  {value}"""');
    const part = expression.kind === "FString" ? expression.parts[1] : undefined;
    expect(typeof part === "object" && part.span).toMatchObject({ line: 2, column: 4, endColumn: 9 });
  });
});

describe("parser: lambdas (T2.1) and comprehensions (T2.3)", () => {
  it("parses lambdas with ::", () => {
    expect(expressionShape("lambda :: 42")).toEqual({
      kind: "LambdaExpression",
      receiver: null,
      parameters: [],
      body: int(42),
    });
    expect(expressionShape("lambda x: int, y: int = 10 :: x * y")).toEqual({
      kind: "LambdaExpression",
      receiver: null,
      parameters: [
        { name: "x", type: { kind: "TypeName", name: "int", arguments: [] }, default: null },
        { name: "y", type: { kind: "TypeName", name: "int", arguments: [] }, default: int(10) },
      ],
      body: binary("*", name("x"), name("y")),
    });
  });

  it("parses the receiver lambda form", () => {
    expect(expressionShape("lambda (p: Point) dx :: p.x + dx")).toMatchObject({
      kind: "LambdaExpression",
      receiver: { name: "p", type: { kind: "TypeName", name: "Point" } },
      parameters: [{ name: "dx" }],
    });
  });

  it("parses list, set and dict comprehensions", () => {
    const clause = (condition: unknown) => ({
      target: name("x"),
      iterable: name("xs"),
      condition,
    });
    expect(expressionShape("[x * 2 for x in xs if x]")).toEqual({
      kind: "ListComprehension",
      element: binary("*", name("x"), int(2)),
      clause: clause(name("x")),
    });
    expect(expressionShape("{x for x in xs}")).toEqual({
      kind: "SetComprehension",
      element: name("x"),
      clause: clause(null),
    });
    expect(expressionShape("{(k: v) for k, v in d.items()}")).toMatchObject({
      kind: "DictComprehension",
      key: name("k"),
      value: name("v"),
      clause: { target: { kind: "TargetTuple", elements: [name("k"), name("v")] } },
    });
  });

  it("accepts a parenthesised conditional as a comprehension element", () => {
    expect(expressionShape("[(a if c else b) for c in cs]")).toMatchObject({
      kind: "ListComprehension",
      element: { kind: "ConditionalExpression" },
    });
  });
});
