import { describe, expect, it } from "vitest";
import { parse } from "../../src/syntax/index.js";
import { diagnosticsOf } from "./helpers.js";

/**
 * Broken programs and exactly what the parser says about them: line:column
 * and message. Each row was checked by hand against the spec; a change in
 * wording or position must be deliberate.
 */
const brokenPrograms: readonly (readonly [string, readonly string[]])[] = [
  ["x = f(a,\n      b\nprint(x)\n", ["3:1 expected ')' to close '(' opened at 1:6, found name 'print'"]],
  ["if x > 1\n    y = 2\n", ["1:9 expected ':' to end the 'if' statement header, found end of line"]],
  ["def f()\n    return 1\n", ["1:8 expected ':' to end the function definition header, found end of line"]],
  ["x = [1, 2\ny = 3\n", ["1:10 expected ']' to close '[' opened at 1:5, found end of line"]],
  ["if x:\ny = 1\n", ["2:1 expected an indented block after the 'if' statement on line 1"]],
  ["x = 1\n    y = 2\n", ["2:5 unexpected indent"]],
  ["while x: x = x - 1\n", ["1:10 expected a newline and an indented block after ':' (Dana has no one-line blocks)"]],
  ["x = 1 +\n", ["1:8 expected an expression, found end of line"]],
  ["x = (1 + 2]\n", ["1:11 expected ')' to close '(' opened at 1:5, found ']'"]],
  [
    "y = lambda x: x * 2\n",
    ["1:17 expected '::' before the lambda body (Dana lambdas are written lambda x :: x * 2), found '*'"],
  ],
  ["x = 5 | f\n", ["1:7 Pipe expressions (|) are only allowed in declarative function definitions"]],
  [
    "def f(x) = x * 2\n",
    ["1:14 expected '|' or the end of the declarative function (its body is a pipeline: f | g), found '*'"],
  ],
  ["print(f(1) | g)\n", ["1:12 Pipe expressions (|) are only allowed in declarative function definitions"]],
  [
    "struct P:\n    x: int\n    def m(self):\n        return 1\n",
    ["3:5 define methods as receiver functions: def (self: T) m()"],
  ],
  ["x = a[1, 2]\n", ["1:8 multi-dimensional subscripts (a[1, 2]) are not supported in Dana"]],
  ["x := 5\n", ["1:3 assignment expressions (:=) are not supported in Dana"]],
  ["x //= 2\n", ["1:3 augmented assignment '//=' is not supported in Dana; only += -= *= /= exist"]],
  ["x %= 2\n", ["1:3 augmented assignment '%=' is not supported in Dana; only += -= *= /= exist"]],
  ["x = ~y\n", ["1:5 bitwise operators (~) are not supported in Dana"]],
  ["x = a << 2\n", ["1:7 bitwise operators (<<) are not supported in Dana"]],
  ["x = a @ b\n", ["1:7 the '@' operator is not supported in Dana (decorators go on their own line before 'def')"]],
  ["yield x\n", ["1:1 'yield' is not supported in Dana"]],
  ["global x\n", ["1:1 'global' is not supported in Dana; use a scoped name such as private:x"]],
  ["nonlocal x\n", ["1:1 'nonlocal' is not supported in Dana; use a scoped name such as private:x"]],
  ["x = f(*args)\n", ["1:7 unpacking with '*' is not supported in Dana"]],
  ["def f(*args):\n    pass\n", ["1:7 *args and **kwargs parameters are not supported in Dana"]],
  [
    "d = {k: v for k, v in items}\n",
    ["1:11 a Dana dict comprehension needs parentheses around the pair: {(k: v) for k, v in d.items()}"],
  ],
  [
    "xs = [a if c else b for c in cs]\n",
    ["1:7 a conditional expression as a comprehension element needs parentheses: [(a if c else b) for x in xs]"],
  ],
  [
    "xs = [x for x in a for y in b]\n",
    ["1:20 a Dana comprehension has exactly one 'for' clause; nest comprehensions instead"],
  ],
  [
    "xs = [x for x in a if p if q]\n",
    ["1:25 a Dana comprehension has at most one 'if' clause; combine the conditions with 'and'"],
  ],
  [
    "resource R:\n    x: int\n",
    ["1:1 resource definitions are not supported by this Dana runtime (Tier 3 feature, line 1)"],
  ],
  [
    "workflow W:\n    pass\n",
    ["1:1 workflow definitions are not supported by this Dana runtime (Tier 3 feature, line 1)"],
  ],
  [
    "agent_blueprint B:\n    name: str\n",
    ["1:1 agent_blueprint definitions are not supported by this Dana runtime (Tier 3 feature, line 1)"],
  ],
  ["agent A(B)\n", ["1:1 agent definitions are not supported by this Dana runtime (Tier 3 feature, line 1)"]],
  [
    "from a.b.py import f\n",
    ["1:6 importing Python modules ('a.b.py') is not supported by this Dana runtime (Tier 3 feature, line 1)"],
  ],
  ["deliver x\n", ["1:1 'deliver' statements are not supported by this Dana runtime (Tier 3 feature, line 1)"]],
  ["x = private.y\n", ["1:12 scoped names use a colon: write private:y, not private.y"]],
  ["private = 1\n", ["1:9 expected ':' after 'private' (a scoped name is written private:name), found '='"]],
  ["agent = 1\n", ["1:1 'agent' is a reserved word in Dana and cannot be used as a variable name"]],
  ["def f(local):\n    pass\n", ["1:7 expected a parameter name, found the reserved word 'local'"]],
  ['x = "a" "b"\n', ["1:9 adjacent string literals are not joined in Dana; use + to concatenate"]],
  ["return a, b\n", ["1:9 tuples need parentheses in Dana: write (a, b)"]],
  [
    "(a, b) = pair\n",
    [
      "1:1 tuple unpacking assignment (a, b = value) is not supported in Dana; unpacking is only allowed in 'for' targets",
    ],
  ],
  ["f() = 1\n", ["1:1 cannot assign to a function call"]],
  ["with f():\n    pass\n", ["1:9 a with statement needs 'as name': with expr as name:"]],
  [
    "try:\n    x\nelse:\n    y\n",
    [
      "1:1 a try statement needs at least one 'except' clause (try/finally alone is not supported in Dana)",
      "3:1 try statements have no 'else' clause in Dana",
    ],
  ],
  ["x = 1 !\n", ["1:7 unexpected character '!'; Dana uses 'not' for negation"]],
  ["x = 0x10\n", ["1:5 hexadecimal, octal and binary literals are not supported in Dana: '0x10'"]],
  ['print("unterminated)\n', ['1:7 unterminated string literal (opened with " at 1:7)']],
  ["x: int\n", ["1:7 expected '=' and a value after the type annotation (x: int = 1), found end of line"]],
  ["import a, b\n", ["1:9 import one module per statement in Dana"]],
  ["else:\n    pass\n", ["1:1 'else' without a matching 'if'"]],
  [
    "x = (y for y in z)\n",
    ["1:8 generator expressions are not supported in Dana; use a list comprehension [x for x in xs]"],
  ],
  ["from m import\n", ["1:14 expected a name to import, found end of line"]],
  [
    "f(x for x in y)\n",
    ["1:5 generator expressions are not supported in Dana; use a list comprehension [x for x in xs]"],
  ],
  [
    "x = {(k: v)}\n",
    ["1:12 a parenthesised (key: value) pair is only valid in a dict comprehension: {(k: v) for k, v in d.items()}"],
  ],
  ["", ["1:1 a Dana program needs at least one statement (the file is empty)"]],
  ["   \n\n\t\n", ["1:1 a Dana program needs at least one statement (the file is empty)"]],
  ["def f():\n    x = 1\n# comment\n    y = 2\n", ["3:1 comment must be indented like the surrounding block"]],
  ["if x: y()\nz = 1\n", ["1:7 expected a newline and an indented block after ':' (Dana has no one-line blocks)"]],
  [
    "a, b = pair\n",
    [
      "1:1 tuple unpacking assignment (a, b = value) is not supported in Dana; unpacking is only allowed in 'for' targets",
    ],
  ],
  ["a = b = 1\n", ["1:7 chained assignment (a = b = value) is not supported in Dana; assign each name separately"]],
  [
    "x = 1 + \\\n  2\n",
    ["1:9 backslash line continuation is not supported in Dana; wrap the expression in parentheses"],
  ],
  [
    "try:\n    x\nfinally:\n    y\n",
    ["1:1 a try statement needs at least one 'except' clause (try/finally alone is not supported in Dana)"],
  ],
  [
    "import os.py\n",
    ["1:8 importing Python modules ('os.py') is not supported by this Dana runtime (Tier 3 feature, line 1)"],
  ],
  [
    'agent Helper:\n    name: str = "x"\n',
    ["1:1 agent definitions are not supported by this Dana runtime (Tier 3 feature, line 1)"],
  ],
  [
    "class A:\n    pass\n",
    ["1:1 class definitions are not supported in Dana; use 'struct' and receiver functions (def (self: T) m())"],
  ],
  ["del x\n", ["1:1 'del' statements are not supported in Dana"]],
  ["x = a & b\n", ["1:7 bitwise operators (&) are not supported in Dana"]],
  ["if a:\n    b\nelse if c:\n    d\n", ["3:6 write 'elif', not 'else if'"]],
  ['x = b"bytes"\n', ['1:5 the string prefix \'b\' is not supported in Dana (only r"..." and f"...")']],
  ["x = rf'{a}'\n", ['1:5 the string prefix \'rf\' is not supported in Dana (only r"..." and f"...")']],
  ["if x = 1:\n    pass\n", ["1:6 expected ':' to end the 'if' statement header, found '=' (compare with '==')"]],
  ["if a && b:\n    pass\n", ["1:6 Dana writes 'and', not '&&'"]],
  ["x = a || b\n", ["1:7 Dana writes 'or', not '||'"]],
  ["x **= 2\n", ["1:3 augmented assignment '**=' is not supported in Dana; only += -= *= /= exist"]],
];

describe("parser diagnostics: exact position and message", () => {
  it.each(brokenPrograms)("%j", (source, expected) => {
    expect(diagnosticsOf(source)).toEqual(expected);
  });

  it("fills every field of a diagnostic", () => {
    const [diagnostic] = parse("x = (1 +\n", { file: "bad.na" }).diagnostics;
    expect(diagnostic).toEqual({
      severity: "error",
      code: "unexpected-token",
      type: "SyntaxError",
      message: "expected an expression, found end of file",
      file: "bad.na",
      span: { line: 2, column: 1, endLine: 2, endColumn: 1, offset: 9, endOffset: 9 },
    });
  });

  it("names the file '<string>' by default", () => {
    expect(parse("x = )").diagnostics[0]?.file).toBe("<string>");
  });
});
