import { describe, expect, it } from "vitest";
import { DiagnosticBag } from "../../src/syntax/diagnostics.js";
import { lex as lexFile } from "../../src/syntax/index.js";
import { tokenize } from "../../src/syntax/lexer.js";
import type { Token } from "../../src/syntax/tokens.js";

function lex(source: string): { tokens: Token[]; diagnostics: DiagnosticBag } {
  const diagnostics = new DiagnosticBag("test.na");
  return { tokens: tokenize(source, diagnostics), diagnostics };
}

function kinds(source: string): string[] {
  return lex(source).tokens.map((token) => token.kind);
}

describe("lexer: layout", () => {
  it("emits NEWLINE, INDENT and DEDENT for blocks", () => {
    expect(kinds("if x:\n    y\nz\n")).toEqual([
      "if",
      "name",
      ":",
      "newline",
      "indent",
      "name",
      "newline",
      "dedent",
      "name",
      "newline",
      "end",
    ]);
  });

  it("closes every open block at the end of the file", () => {
    expect(kinds("if a:\n  if b:\n    c")).toEqual([
      "if",
      "name",
      ":",
      "newline",
      "indent",
      "if",
      "name",
      ":",
      "newline",
      "indent",
      "name",
      "newline",
      "dedent",
      "dedent",
      "end",
    ]);
  });

  it("counts a tab as advancing to the next multiple of 8", () => {
    const { tokens, diagnostics } = lex("if x:\n\ty\n        z\n");
    expect(diagnostics.items).toEqual([]);
    expect(tokens.filter((token) => token.kind === "indent")).toHaveLength(1);
    expect(tokens.filter((token) => token.kind === "name").map((token) => token.text)).toEqual(["x", "y", "z"]);
  });

  it("ignores blank lines and newlines inside brackets", () => {
    expect(kinds("x = [1,\n\n   2]\n\n\ny")).toEqual([
      "name",
      "=",
      "[",
      "int",
      ",",
      "int",
      "]",
      "newline",
      "name",
      "newline",
      "end",
    ]);
  });

  it("reports an unindent that matches no outer level", () => {
    const { diagnostics } = lex("if x:\n    a\n  b\n");
    expect(diagnostics.items.map((d) => [d.code, d.span.line, d.span.column])).toEqual([["inconsistent-dedent", 3, 3]]);
  });

  it("closes a bracket left open when the next line starts a statement", () => {
    expect(kinds("f(1,\ndef g():\n  pass")).toEqual([
      "name",
      "(",
      "int",
      ",",
      "newline",
      "def",
      "name",
      "(",
      ")",
      ":",
      "newline",
      "indent",
      "pass",
      "newline",
      "dedent",
      "end",
    ]);
  });
});

describe("lexer: comments", () => {
  it("drops comments and keeps the trailing comment on the NEWLINE token", () => {
    const { tokens } = lex("x = 1  # the x\n# own line\ny = 2\n");
    const newlines = tokens.filter((token) => token.kind === "newline");
    expect(newlines.map((token) => token.comment)).toEqual(["the x", null]);
  });

  it("strips the ## metadata marker from trailing comments", () => {
    const { tokens } = lex("x: int ## description\n");
    expect(tokens.find((token) => token.kind === "newline")?.comment).toBe("description");
  });

  it.each([
    ["comment at column 0 inside a block followed by more of the block", "def f():\n    x = 1\n# c\n    y = 2\n", 3],
    ["comment deeper than its block", "x = 1\n    # c\ny = 2\n", 2],
    ["comment at an odd indent", "if a:\n    b\n  # c\n    d\n", 3],
    ["comment before the block of a header, not indented", "if a:\n# c\n    b\n", 2],
  ])("reports a misindented comment: %s", (_label, source, line) => {
    const { diagnostics } = lex(source);
    expect(diagnostics.items.map((d) => [d.message, d.span.line])).toEqual([
      ["comment must be indented like the surrounding block", line],
    ]);
  });

  it.each([
    ["a comment at the block's level", "def f():\n    # c\n    x = 1\n"],
    ["a comment at the outer level after a block", "def f():\n    x = 1\n# c\ny = 2\n"],
    ["a comment still at the block's level before a dedent", "def f():\n    x = 1\n    # c\ny = 2\n"],
    ["comments stepping out of nested blocks", "if a:\n  if b:\n    c\n    # 1\n  # 2\n# 3\nd\n"],
    ["a comment-only file", "# nothing here\n"],
    ["a trailing comment on a header", "if a:  # why\n    b\n"],
  ])("accepts %s", (_label, source) => {
    expect(lex(source).diagnostics.items).toEqual([]);
  });
});

describe("lexer: literals", () => {
  it("reads ints, floats and big ints", () => {
    const values = lex("1 3. .5 2.5 1e3 1.5E-2 12345678901234567890")
      .tokens.filter((token) => token.kind === "int" || token.kind === "float")
      .map((token) => [token.kind, token.value]);
    expect(values).toEqual([
      ["int", 1],
      ["float", 3],
      ["float", 0.5],
      ["float", 2.5],
      ["float", 1000],
      ["float", 0.015],
      ["int", 12345678901234567890n],
    ]);
  });

  it("keeps the largest safe integer a number and the next one a bigint", () => {
    const values = lex("9007199254740991 9007199254740992")
      .tokens.slice(0, 2)
      .map((token) => token.value);
    expect(values).toEqual([9007199254740991, 9007199254740992n]);
  });

  it.each([
    ["0x1F", "hexadecimal, octal and binary literals are not supported in Dana: '0x1F'"],
    ["1_000", "underscores in number literals are not supported in Dana: '1_000'"],
    ["3j", "invalid number literal '3j'"],
  ])("rejects the number %s", (source, message) => {
    expect(lex(source).diagnostics.items.map((d) => d.message)).toEqual([message]);
  });

  it("keeps string bodies verbatim, with no escape processing", () => {
    const strings = lex(String.raw`"a\nb" 'say \'hi\'' r"x\y" """multi
line""" f"{x}"`).tokens.filter((token) => token.kind === "string");
    expect(strings.map((token) => [token.prefix, token.quote, token.value])).toEqual([
      ["", '"', String.raw`a\nb`],
      ["", "'", String.raw`say \'hi\'`],
      ["r", '"', String.raw`x\y`],
      ["", '"""', "multi\nline"],
      ["f", '"', "{x}"],
    ]);
  });

  it("tracks lines through multi-line strings", () => {
    const { tokens } = lex('x = """a\nb\nc"""\ny = 1\n');
    const y = tokens.find((token) => token.text === "y");
    expect([y?.span.line, y?.span.column]).toEqual([4, 1]);
  });

  it("reports an unterminated string at its opening quote", () => {
    const { diagnostics, tokens } = lex('x = 1\ny = "abc\nz = 2\n');
    expect(diagnostics.items.map((d) => [d.code, d.span.line, d.span.column])).toEqual([["unterminated-string", 2, 5]]);
    expect(tokens.some((token) => token.text === "z")).toBe(true);
  });

  it("reports an unterminated triple-quoted string at its opening quotes", () => {
    const { diagnostics } = lex("x = 1\ny = '''abc\n\nmore");
    expect(diagnostics.items.map((d) => [d.code, d.span.line, d.span.column, d.span.endColumn])).toEqual([
      ["unterminated-string", 2, 5, 8],
    ]);
  });

  it("reads every boolean and None spelling", () => {
    const tokens = lex("True true TRUE False false FALSE None none NONE null NULL").tokens;
    expect(tokens.slice(0, 11).map((token) => [token.kind, token.value ?? null])).toEqual([
      ["boolean", true],
      ["boolean", true],
      ["boolean", true],
      ["boolean", false],
      ["boolean", false],
      ["boolean", false],
      ["none", null],
      ["none", null],
      ["none", null],
      ["none", null],
      ["none", null],
    ]);
  });

  it("treats reserved words as keywords and type names as names", () => {
    const tokens = lex("agent resource workflow interface system local int str any").tokens;
    expect(tokens.slice(0, 9).map((token) => token.kind)).toEqual([
      "agent",
      "resource",
      "workflow",
      "interface",
      "system",
      "local",
      "name",
      "name",
      "name",
    ]);
  });

  it("gives tokens 1-based line:column spans", () => {
    const { tokens } = lex("a = 1\n  \nfoo(bar)\n");
    const bar = tokens.find((token) => token.text === "bar");
    expect(bar?.span).toEqual({ line: 3, column: 5, endLine: 3, endColumn: 8, offset: 13, endOffset: 16 });
  });

  it("rejects backslash line continuation", () => {
    expect(lex("x = 1 + \\\n  2\n").diagnostics.items.map((d) => d.code)).toEqual(["line-continuation"]);
  });
});

describe("lexer: entry point for tools", () => {
  it("skips a byte-order mark and reports lexical errors with the file name", () => {
    const { tokens, diagnostics } = lexFile("\uFEFFx = 1 ?\n", { file: "bom.na" });
    expect(tokens.map((token) => token.kind)).toEqual(["name", "=", "int", "error", "newline", "end"]);
    expect(tokens[0]?.span.column).toBe(1);
    expect(diagnostics.map((d) => [d.file, d.message])).toEqual([["bom.na", "unexpected character '?'"]]);
  });
});
