import { describe, expect, it } from "vitest";
import { parse } from "../../src/syntax/index.js";
import { diagnosticsOf } from "./helpers.js";

describe("parser recovery: one file, every mistake, no cascades", () => {
  it("reports independent errors on separate lines and keeps the good statements", () => {
    const source = [
      "a = 1",
      "b = (2 +",
      "c = 3",
      "d = 4 @ 5",
      "e = 5",
      "f = [1, 2",
      "def g():",
      "    return 1",
      "h = 6",
    ].join("\n");
    const { program, diagnostics } = parse(source);
    expect(diagnostics.map((d) => `${d.span.line}:${d.span.column} ${d.message}`)).toEqual([
      "2:9 expected an expression, found end of line",
      "4:7 the '@' operator is not supported in Dana (decorators go on their own line before 'def')",
      "6:10 expected ']' to close '[' opened at 6:5, found end of line",
    ]);
    const names = program.body.map((statement) =>
      statement.kind === "Assignment" && statement.target.kind === "Name" ? statement.target.name : statement.kind,
    );
    expect(names).toEqual(["a", "c", "d", "e", "FunctionDefinition", "h"]);
  });

  it("reports errors inside the block of a broken header", () => {
    const source = ["if x > 1", "    y = (1 +", "    z = 2 2", "w = 3"].join("\n");
    expect(diagnosticsOf(source)).toEqual([
      "1:9 expected ':' to end the 'if' statement header, found end of line",
      "2:13 expected an expression, found end of line",
      "3:11 expected end of statement (a newline or ';'), found number 2",
    ]);
  });

  it("reports errors in several functions and still parses the rest", () => {
    const source = ["def f(a, b:", "    return a", "def g():", "    return 1 +", "def h():", "    return 2"].join("\n");
    const { program, diagnostics } = parse(source);
    expect(diagnostics.map((d) => `${d.span.line}:${d.span.column}`)).toEqual(["1:12", "4:15"]);
    expect(program.body.map((statement) => statement.kind === "FunctionDefinition" && statement.name)).toEqual([
      "g",
      "h",
    ]);
  });

  it("reads 'else if' as the elif that was meant, after reporting it", () => {
    const { program, diagnostics } = parse("if a:\n    b\nelse if c:\n    d\nelse:\n    e\n");
    expect(diagnostics).toHaveLength(1);
    const statement = program.body[0];
    expect(statement?.kind === "IfStatement" && [statement.elifs.length, statement.orelse?.length]).toEqual([1, 1]);
  });

  it("reports one error for an inline suite and parses the line as the body", () => {
    const { program, diagnostics } = parse("if ok: print(1)\nprint(2)\n");
    expect(diagnostics).toHaveLength(1);
    expect(program.body.map((statement) => statement.kind)).toEqual(["IfStatement", "ExpressionStatement"]);
  });

  it("reports a misindented comment once and parses the code around it", () => {
    const { program, diagnostics } = parse("def f():\n    x = 1\n# note\n    return x\nprint(f())\n");
    expect(diagnostics.map((d) => d.code)).toEqual(["comment-indentation"]);
    expect(program.body.map((statement) => statement.kind)).toEqual(["FunctionDefinition", "ExpressionStatement"]);
  });

  it("skips a whole Tier 3 definition without reporting its body", () => {
    const source = ["agent_blueprint Helper:", "    name: str = 'x'", "    def broken(:", "x = 1"].join("\n");
    const { program, diagnostics } = parse(source);
    expect(diagnostics.map((d) => d.code)).toEqual(["not-supported"]);
    expect(program.body.map((statement) => statement.kind)).toEqual(["Assignment"]);
  });

  it("reports deep nesting instead of overflowing the stack", () => {
    const deep = `x = ${"(".repeat(5000)}1${")".repeat(5000)}`;
    expect(parse(deep).diagnostics.map((d) => d.code)).toEqual(["nesting-too-deep"]);
    const unary = `x = ${"-".repeat(5000)}1`;
    expect(parse(unary).diagnostics.map((d) => d.code)).toEqual(["nesting-too-deep"]);
  });

  it("reports deeply nested blocks instead of overflowing the stack", () => {
    const levels = 3000;
    const source = Array.from({ length: levels }, (_, depth) => `${" ".repeat(depth)}if x:`).join("\n");
    const { diagnostics } = parse(`${source}\n${" ".repeat(levels)}pass\nprint(1)\n`);
    expect(diagnostics.map((d) => `${d.span.line} ${d.message}`)).toEqual([
      "102 blocks nested too deeply (more than 100 levels)",
    ]);
  });

  it("does not cascade from a broken method header inside a struct", () => {
    const source = ["struct P:", "    x: int", "    def m(self:", "        return 1", "    y: int", "z = 1"].join("\n");
    const { program, diagnostics } = parse(source);
    expect(diagnostics.map((d) => `${d.span.line}:${d.span.column} ${d.code}`)).toEqual([
      "3:5 method-in-struct",
      "3:16 unexpected-token",
    ]);
    const struct = program.body[0];
    expect(struct?.kind === "StructDefinition" && struct.fields.map((field) => field.name)).toEqual(["x", "y"]);
    expect(program.body).toHaveLength(2);
  });

  it("reports struct body mistakes per line", () => {
    const source = ["struct P:", "    x int", "    y: = 2", "    z: int = 3", "    def m(self):", "        pass"].join(
      "\n",
    );
    const { program, diagnostics } = parse(source);
    expect(diagnostics.map((d) => `${d.span.line}:${d.span.column} ${d.code}`)).toEqual([
      "2:7 unexpected-token",
      "3:8 unexpected-token",
      "5:5 method-in-struct",
    ]);
    const struct = program.body[0];
    expect(struct?.kind === "StructDefinition" && struct.fields.map((field) => field.name)).toEqual(["z"]);
  });
});
