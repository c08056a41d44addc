import { describe, expect, it } from "vitest";
import { check } from "../../src/syntax/index.js";

function warnings(source: string): string[] {
  return check(source)
    .filter((d) => d.severity === "warning")
    .map((d) => `${d.span.line}:${d.span.column} ${d.code}: ${d.message}`);
}

describe("check: undefined names", () => {
  it("warns about a name that is never bound", () => {
    expect(warnings("print(totl)\n")).toEqual([
      "1:7 undefined-name: 'totl' is not defined (Dana reads an undefined name as None)",
    ]);
  });

  it("accepts names bound anywhere in reach, in any order", () => {
    const source = [
      "def show():",
      "    print(limit, helper(1), Point(x=1))", // module names, defined later
      "limit = 3",
      "def helper(n):",
      "    return n + limit",
      "struct Point:",
      "    x: int",
      "for k, (a, b) in pairs():",
      "    print(k, a, b)",
      "def pairs():",
      "    return []",
      "squares = [i * i for i in range(3)]",
      "print(i)", // comprehension variables leak (spec 1.7)
      "try:",
      "    pass",
      "except Exception as e:",
      "    print(e.message)",
      "with factory() as handle:",
      "    print(handle)",
      "def factory():",
      "    return None",
      "show()",
    ].join("\n");
    expect(warnings(source)).toEqual([]);
  });

  it("accepts builtins, type names and globals written with a scope", () => {
    expect(warnings('private:count = 1\nprint(len([1]), int("3"), dict, count, public:count)\n')).toEqual([]);
  });

  it("does not see a function's locals from another function (lexical scoping)", () => {
    expect(warnings("def f():\n    secret = 1\ndef g():\n    return secret\n")).toEqual([
      "4:12 undefined-name: 'secret' is not defined (Dana reads an undefined name as None)",
    ]);
  });

  it("resolves parameters, lambda parameters, pipeline captures and enclosing functions", () => {
    const source = [
      "def outer(n):",
      "    def inner():",
      "        return n",
      "    scale = lambda x, k = 2 :: x * k * n",
      "    return inner() + scale(1)",
      'def shout(s) = upper_case as loud | add_suffix(loud, "!")',
      "def upper_case(s):",
      "    return s.upper()",
      "def add_suffix(s, t):",
      "    return s + t",
      "print(outer(1), shout('a'))",
    ].join("\n");
    expect(warnings(source)).toEqual([]);
  });

  it("names Python builtins that Dana does not have", () => {
    expect(warnings("print(zip([1], [2]))\n")).toEqual([
      "1:7 undefined-name: 'zip' is not available in Dana (it is a Python builtin Dana does not provide)",
    ]);
  });

  it("stays quiet when a star import may provide any name", () => {
    expect(warnings("from helpers import *\nprint(anything)\n")).toEqual([]);
  });
});

describe("check: other warnings", () => {
  it("warns about unreachable code after return, raise, break and continue", () => {
    const source = [
      "def f():",
      "    return 1",
      "    print(2)",
      "    print(3)",
      "for x in [1]:",
      "    break",
      "    print(x)",
      "while True:",
      "    continue",
      "    pass",
      "def g():",
      '    raise "bad"',
      "    print(4)",
    ].join("\n");
    expect(warnings(source)).toEqual([
      "3:5 unreachable-code: unreachable code after 'return'",
      "7:5 unreachable-code: unreachable code after 'break'",
      "10:5 unreachable-code: unreachable code after 'continue'",
      "13:5 unreachable-code: unreachable code after 'raise'",
    ]);
  });

  it("warns about break/continue outside a loop, return outside a function and $$ outside a pipeline", () => {
    const source = [
      "if True:",
      "    break",
      "for x in [1]:",
      "    def inner():",
      "        continue",
      "    break",
      "if False:",
      "    return 1",
      "def f(v) = g($$)",
      "def g(v):",
      "    return v",
      "print($$, f(1))",
    ].join("\n");
    expect(warnings(source)).toEqual([
      "2:5 misplaced-statement: 'break' outside a loop",
      "5:9 misplaced-statement: 'continue' outside a loop",
      "8:5 misplaced-statement: 'return' outside a function",
      "12:7 placeholder-outside-pipeline: '$$' is only meaningful in a declarative pipeline stage; elsewhere it fails at run time",
    ]);
  });

  it("warns about an assert on a tuple (always true)", () => {
    expect(warnings('x = 1\nassert (x > 2, "x is small")\n')).toEqual([
      "2:8 assert-tuple: this assert tests a non-empty tuple, which is always true; write assert condition, message",
    ]);
  });

  it("warns about unused imports, counting reads anywhere and __exports__", () => {
    const source = [
      "import geometry",
      "import shapes.circle as c",
      "from tools import tidy, trim as t, spare",
      "from helpers import exported",
      "__exports__ = ['exported']",
      "def f():",
      "    return geometry.area(1) + t(2)",
      "print(f())",
    ].join("\n");
    expect(warnings(source)).toEqual([
      "2:1 unused-import: 'c' is imported but never used",
      "3:19 unused-import: 'tidy' is imported but never used",
      "3:36 unused-import: 'spare' is imported but never used",
    ]);
  });

  it("warns when a def is named like a builtin, but not for receiver methods", () => {
    expect(
      warnings("def len(x):\n    return 0\ndef (p: Point) len():\n    return 1\nstruct Point:\n    x: int\n"),
    ).toEqual([
      "1:5 builtin-shadowing: 'len' is a builtin: calls to len(...) always use the builtin, so this function is never called by name",
    ]);
  });

  it("warns about f-string placeholders that Dana prints literally", () => {
    expect(warnings('x = 1.5\nprint(f"{x:.2f}")\n')).toEqual([
      "2:9 fstring-literal-placeholder: f-strings in Dana have no format specs: '{x:.2f}' is printed as the literal text 'x:.2f'",
    ]);
  });

  it("returns syntax errors and warnings together, in source order, with the file name", () => {
    const diagnostics = check("print(nope)\nx = (\n", { file: "prog.na" });
    expect(diagnostics.map((d) => [d.severity, d.type, d.file, d.span.line])).toEqual([
      ["warning", "Warning", "prog.na", 1],
      ["error", "SyntaxError", "prog.na", 3],
    ]);
  });
});
