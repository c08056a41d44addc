import { describe, expect, it } from "vitest";
import { call, int, name, parseValid, str, stripSpans } from "./helpers.js";

const shape = (source: string) => stripSpans(parseValid(source));
const type = (typeName: string) => ({ kind: "TypeName", name: typeName, arguments: [] });

describe("parser: functions (spec 1.6)", () => {
  it("parses every parameter form, the return type and the docstring", () => {
    const [definition] = shape(
      'def area(w, h: float, k = 2, j: int = 3) -> float:\n    """Area."""\n    return w * h\n',
    ) as [Record<string, unknown>];
    expect(definition).toMatchObject({
      kind: "FunctionDefinition",
      name: "area",
      receiver: null,
      parameters: [
        { name: "w", type: null, default: null },
        { name: "h", type: type("float"), default: null },
        { name: "k", type: null, default: int(2) },
        { name: "j", type: type("int"), default: int(3) },
      ],
      returnType: type("float"),
      docstring: "Area.",
      isSync: false,
      decorators: [],
    });
    // The docstring stays the first statement of the body, as in Python.
    expect((definition.body as unknown[]).length).toBe(2);
  });

  it("parses receiver methods, including union receivers", () => {
    expect(shape("def (s: Circle | Square) area() -> float:\n    return 1.0\n")).toMatchObject([
      {
        kind: "FunctionDefinition",
        name: "area",
        receiver: { name: "s", type: { kind: "TypeUnion", options: [type("Circle"), type("Square")] } },
      },
    ]);
  });

  it("parses sync def and decorators", () => {
    expect(shape("@log_calls\n@repeat(3)\nsync def f():\n    pass\n")).toMatchObject([
      {
        kind: "FunctionDefinition",
        isSync: true,
        decorators: [{ expression: name("log_calls") }, { expression: call(name("repeat"), int(3)) }],
      },
    ]);
  });

  it("allows nested defs (the reference's broken nested def is not copied)", () => {
    expect(shape("def outer():\n    def inner():\n        return 1\n    return inner()\n")).toMatchObject([
      {
        kind: "FunctionDefinition",
        body: [{ kind: "FunctionDefinition", name: "inner" }, { kind: "ReturnStatement" }],
      },
    ]);
  });

  it("parses a parameter list spanning lines with comments", () => {
    expect(shape("def f(\n    a,  # first\n    b = 1,\n):\n    pass\n")).toMatchObject([
      { parameters: [{ name: "a" }, { name: "b", default: int(1) }] },
    ]);
  });
});

describe("parser: declarative functions (T2.2)", () => {
  it("parses every stage kind with captures", () => {
    expect(shape('def f(x) = strip | add_suffix("!") as shouted | [inc, dbl] | fmt($$, shouted)')).toEqual([
      {
        kind: "DeclarativeFunctionDefinition",
        name: "f",
        parameters: [{ name: "x", type: null, default: null }],
        returnType: null,
        stages: [
          { kind: "StageReference", target: name("strip"), capture: null },
          { kind: "StageCall", call: call(name("add_suffix"), str("!")), capture: "shouted" },
          {
            kind: "StageList",
            stages: [
              { kind: "StageReference", target: name("inc"), capture: null },
              { kind: "StageReference", target: name("dbl"), capture: null },
            ],
            capture: null,
          },
          { kind: "StageCall", call: call(name("fmt"), { kind: "Placeholder" }, name("shouted")), capture: null },
        ],
      },
    ]);
  });

  it("parses a single-stage pipeline with a return type", () => {
    expect(shape("def pick(x) -> int = between(0, $$, 10)")).toMatchObject([
      { kind: "DeclarativeFunctionDefinition", returnType: type("int"), stages: [{ kind: "StageCall" }] },
    ]);
  });
});

describe("parser: structs (spec 1.8) and interfaces (T2.7)", () => {
  it("parses fields, defaults, descriptions and the docstring", () => {
    const source = [
      "struct Point:",
      '    """A point."""',
      "    x: int",
      "    y: int = 0        # trailing comment becomes the description",
      "    tags: list[str] = []  ## metadata form",
    ].join("\n");
    expect(shape(source)).toEqual([
      {
        kind: "StructDefinition",
        name: "Point",
        docstring: "A point.",
        fields: [
          { name: "x", type: type("int"), default: null, description: null },
          { name: "y", type: type("int"), default: int(0), description: "trailing comment becomes the description" },
          {
            name: "tags",
            type: { kind: "TypeName", name: "list", arguments: [type("str")] },
            default: { kind: "ListExpression", elements: [] },
            description: "metadata form",
          },
        ],
      },
    ]);
  });

  it("parses interfaces with methods, embedded interfaces and a docstring", () => {
    const source = [
      "interface Entity:",
      '    """Things with ids."""',
      "    Named            # embedding",
      "    id() -> int",
      "    rename(new_name: str) -> None",
    ].join("\n");
    expect(shape(source)).toEqual([
      {
        kind: "InterfaceDefinition",
        name: "Entity",
        docstring: "Things with ids.",
        members: [
          { kind: "EmbeddedInterface", name: "Named" },
          { kind: "InterfaceMethod", name: "id", parameters: [], returnType: type("int") },
          {
            kind: "InterfaceMethod",
            name: "rename",
            parameters: [{ name: "new_name", type: type("str"), default: null }],
            returnType: type("None"),
          },
        ],
      },
    ]);
  });
});
