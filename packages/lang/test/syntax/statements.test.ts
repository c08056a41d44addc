import { describe, expect, it } from "vitest";
import { binary, call, int, name, parseValid, str, stripSpans } from "./helpers.js";

const shape = (source: string) => stripSpans(parseValid(source));
const intType = { kind: "TypeName", name: "int", arguments: [] };

describe("parser: assignments (spec 1.5)", () => {
  it.each([
    ["x = 1", name("x")],
    ["private:x = 1", name("x", "private")],
    ["o.f = 1", { kind: "AttributeExpression", object: name("o"), name: "f" }],
    ["xs[0] = 1", { kind: "IndexExpression", object: name("xs"), index: int(0) }],
    [
      "xs[1:2] = 1",
      {
        kind: "IndexExpression",
        object: name("xs"),
        index: { kind: "SliceExpression", start: int(1), stop: int(2), step: null },
      },
    ],
  ])("assigns to %s", (source, target) => {
    expect(shape(source)).toEqual([{ kind: "Assignment", target, annotation: null, value: int(1) }]);
  });

  it("parses typed assignment with generic and union types", () => {
    expect(shape("x: dict[str, list[int]] | None = {}")).toEqual([
      {
        kind: "Assignment",
        target: name("x"),
        annotation: {
          kind: "TypeUnion",
          options: [
            {
              kind: "TypeName",
              name: "dict",
              arguments: [
                { kind: "TypeName", name: "str", arguments: [] },
                { kind: "TypeName", name: "list", arguments: [intType] },
              ],
            },
            { kind: "TypeName", name: "None", arguments: [] },
          ],
        },
        value: { kind: "DictExpression", entries: [] },
      },
    ]);
  });

  it.each(["+", "-", "*", "/"])("parses %s=", (operator) => {
    expect(shape(`n ${operator}= 2`)).toEqual([
      { kind: "AugmentedAssignment", target: name("n"), operator, value: int(2) },
    ]);
  });

  it("separates simple statements with ';' with or without spaces (the reference QUIRK is not copied)", () => {
    expect(shape("a = 1; b = 2 ;c = 3;")).toHaveLength(3);
  });
});

describe("parser: control flow", () => {
  it("parses if / elif / else", () => {
    expect(shape("if a:\n    x\nelif b:\n    y\nelse:\n    z\n")).toEqual([
      {
        kind: "IfStatement",
        test: name("a"),
        body: [{ kind: "ExpressionStatement", expression: name("x") }],
        elifs: [{ test: name("b"), body: [{ kind: "ExpressionStatement", expression: name("y") }] }],
        orelse: [{ kind: "ExpressionStatement", expression: name("z") }],
      },
    ]);
  });

  it.each([
    ["for x in xs:\n    pass", name("x")],
    ["for k, v in d:\n    pass", { kind: "TargetTuple", elements: [name("k"), name("v")] }],
    ["for (i, v) in d:\n    pass", { kind: "TargetTuple", elements: [name("i"), name("v")] }],
    [
      "for i, (a, b) in d:\n    pass",
      { kind: "TargetTuple", elements: [name("i"), { kind: "TargetTuple", elements: [name("a"), name("b")] }] },
    ],
  ])("parses the for target of %j", (source, target) => {
    expect(shape(source)).toMatchObject([{ kind: "ForStatement", target }]);
  });

  it("parses while, break, continue, pass and return", () => {
    expect(shape("while True:\n    break\n    continue\n    pass\n    return\n    return 1\n")).toEqual([
      {
        kind: "WhileStatement",
        test: { kind: "BoolLiteral", value: true },
        body: [
          { kind: "BreakStatement" },
          { kind: "ContinueStatement" },
          { kind: "PassStatement" },
          { kind: "ReturnStatement", value: null },
          { kind: "ReturnStatement", value: int(1) },
        ],
      },
    ]);
  });

  it("parses every except form and finally", () => {
    const source = [
      "try:",
      "    x",
      "except ZeroDivisionError:",
      "    pass",
      "except KeyError as e:",
      "    pass",
      "except (A, B) as e:",
      "    pass",
      "except as e:",
      "    pass",
      "except:",
      "    pass",
      "finally:",
      "    y",
    ].join("\n");
    const [statement] = parseValid(source);
    expect(statement?.kind).toBe("TryStatement");
    if (statement?.kind !== "TryStatement") return;
    expect(statement.handlers.map((handler) => [handler.types, handler.name])).toEqual([
      [["ZeroDivisionError"], null],
      [["KeyError"], "e"],
      [["A", "B"], "e"],
      [null, "e"],
      [null, null],
    ]);
    expect(stripSpans(statement.finally)).toEqual([{ kind: "ExpressionStatement", expression: name("y") }]);
  });

  it("parses raise and assert forms", () => {
    expect(shape('raise\nraise "bad"\nraise e from cause\nassert x\nassert x, "msg"')).toEqual([
      { kind: "RaiseStatement", exception: null, cause: null },
      { kind: "RaiseStatement", exception: str("bad"), cause: null },
      { kind: "RaiseStatement", exception: name("e"), cause: name("cause") },
      { kind: "AssertStatement", test: name("x"), message: null },
      { kind: "AssertStatement", test: name("x"), message: str("msg") },
    ]);
  });

  it("parses with ... as", () => {
    expect(shape("with open_thing(1, k=2) as t:\n    t.go()")).toMatchObject([
      { kind: "WithStatement", name: "t", context: { kind: "CallExpression" } },
    ]);
  });
});

describe("parser: imports (spec 1.9)", () => {
  it.each([
    ["import a.b.c", { kind: "ImportStatement", module: { relativeLevel: 0, parts: ["a", "b", "c"] }, alias: null }],
    [
      "import geometry as g",
      { kind: "ImportStatement", module: { relativeLevel: 0, parts: ["geometry"] }, alias: "g" },
    ],
    [
      "from a.b import x, y as z",
      {
        kind: "FromImportStatement",
        module: { relativeLevel: 0, parts: ["a", "b"] },
        names: [
          { name: "x", alias: null },
          { name: "y", alias: "z" },
        ],
      },
    ],
    [
      "from .helpers import tidy",
      {
        kind: "FromImportStatement",
        module: { relativeLevel: 1, parts: ["helpers"] },
        names: [{ name: "tidy", alias: null }],
      },
    ],
    [
      "from .. import x",
      { kind: "FromImportStatement", module: { relativeLevel: 2, parts: [] }, names: [{ name: "x", alias: null }] },
    ],
    ["from m import *", { kind: "FromImportStatement", module: { relativeLevel: 0, parts: ["m"] }, names: "*" }],
  ])("parses %s", (source, expected) => {
    expect(shape(source)).toEqual([expected]);
  });
});

describe("parser: programs", () => {
  it("accepts a comment-only file as an empty program", () => {
    expect(parseValid("# just a comment\n")).toEqual([]);
  });

  it("accepts files that start and end with blank lines", () => {
    expect(shape("\n\n\nprint(1)\n\n\n")).toEqual([
      { kind: "ExpressionStatement", expression: call(name("print"), int(1)) },
    ]);
  });

  it("gives statements spans covering their text", () => {
    const [assignment] = parseValid("\n  \nx = 1 + 2\n");
    expect(assignment?.span).toEqual({ line: 3, column: 1, endLine: 3, endColumn: 10, offset: 4, endOffset: 13 });
  });

  it("ends a compound statement's span at the last token of its block", () => {
    const [statement] = parseValid("if x:\n    y = 1\n\n# c\nz = 2\n");
    expect(statement?.span).toEqual({ line: 1, column: 1, endLine: 2, endColumn: 10, offset: 0, endOffset: 15 });
  });

  it("parses a multi-line call whose arguments carry comments", () => {
    expect(shape("f(\n    1,  # first\n    2,\n)\nx = 1 + 2")).toEqual([
      { kind: "ExpressionStatement", expression: call(name("f"), int(1), int(2)) },
      { kind: "Assignment", target: name("x"), annotation: null, value: binary("+", int(1), int(2)) },
    ]);
  });
});
