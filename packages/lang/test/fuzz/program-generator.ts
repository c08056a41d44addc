/**
 * A grammar-based generator of Dana source text. Unlike the AST generators in `test/syntax` (which check that
 * printing and parsing agree), this one aims at the evaluator: a handful of variable names so values flow between
 * statements, builtins and methods that allocate, loops and recursion that hit the budgets, hostile attribute
 * names and dict keys, and exceptions in every clause. Programs are mostly valid, so they reach the evaluator.
 */
import fc from "fast-check";

const variable = fc.constantFrom("a", "b", "c", "xs", "d", "s", "n", "e", "p");

const hostileName = fc.constantFrom(
  "__proto__",
  "constructor",
  "prototype",
  "__class__",
  "__dict__",
  "__globals__",
  "__builtins__",
  "__import__",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "__defineGetter__",
  "call",
  "apply",
  "bind",
  "then",
  "stack",
  "name",
  "message",
  "type",
  "args",
);

const methodName = fc.constantFrom(
  "append",
  "extend",
  "pop",
  "insert",
  "keys",
  "values",
  "items",
  "get",
  "update",
  "upper",
  "lower",
  "split",
  "join",
  "strip",
  "replace",
  "format",
  "startswith",
  "find",
  "count",
  "index",
  "copy",
  "add",
  "sort",
);

const builtinName = fc.constantFrom(
  "len",
  "str",
  "int",
  "float",
  "bool",
  "list",
  "set",
  "range",
  "sorted",
  "reversed",
  "sum",
  "min",
  "max",
  "abs",
  "round",
  "type",
  "enumerate",
  "all",
  "any",
  "print",
  "isinstance",
  "factorial",
  "reason",
  "host_echo",
  "cast",
);

const stringBody = fc.oneof(
  fc.string({ maxLength: 8 }).map((text) => text.replace(/["\\\n\r]/g, "")),
  fc.constantFrom(
    "{}",
    "{0}",
    "{a}",
    "{0.__class__}",
    "%s",
    "%d",
    "%(a)s",
    "%*d",
    "{:>99999}",
    "{:,}",
    "\u0000",
    "\ud800",
  ),
);

const stringLiteral = stringBody.map((body) => `"${body}"`);

const integer = fc.oneof(
  fc.integer({ min: -5, max: 20 }),
  fc.constantFrom(0, 1, 2, 10, 63, 64, 1000, 4300, 2 ** 31, 2 ** 53),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
);

const literal = fc.oneof(
  integer.map(String),
  fc.constantFrom("0.5", "1e308", "1e-320", "2.5", "-0.0", "1e16"),
  stringLiteral,
  fc.constantFrom("None", "True", "False", "[]", "{}", "()", "set()"),
);

const binaryOperator = fc.constantFrom(
  "+",
  "-",
  "*",
  "/",
  "//",
  "%",
  "**",
  "==",
  "!=",
  "<",
  ">=",
  "and",
  "or",
  "in",
  "not in",
  "is",
);

const { expression } = fc.letrec<{ expression: string }>((tie) => ({
  expression: fc.oneof(
    { maxDepth: 3, depthSize: "small", withCrossShrink: true },
    literal,
    variable,
    fc
      .tuple(tie("expression"), binaryOperator, tie("expression"))
      .map(([left, op, right]) => `(${left} ${op} ${right})`),
    fc.tuple(fc.constantFrom("-", "not "), tie("expression")).map(([op, operand]) => `(${op}${operand})`),
    fc
      .tuple(builtinName, fc.array(tie("expression"), { maxLength: 2 }))
      .map(([callee, args]) => `${callee}(${args.join(", ")})`),
    fc
      .tuple(tie("expression"), methodName, fc.array(tie("expression"), { maxLength: 2 }))
      .map(([object, method, args]) => `(${object}).${method}(${args.join(", ")})`),
    fc.tuple(tie("expression"), hostileName).map(([object, attribute]) => `(${object}).${attribute}`),
    fc.tuple(tie("expression"), tie("expression")).map(([object, index]) => `(${object})[${index}]`),
    fc
      .tuple(tie("expression"), fc.option(integer), fc.option(integer))
      .map(([object, start, end]) => `(${object})[${start ?? ""}:${end ?? ""}]`),
    fc.array(tie("expression"), { maxLength: 3 }).map((items) => `[${items.join(", ")}]`),
    fc
      .array(tie("expression"), { maxLength: 3 })
      .map((items) => (items.length === 0 ? "()" : `(${items.join(", ")},)`)),
    fc
      .array(
        fc.tuple(
          fc.oneof(
            stringLiteral,
            hostileName.map((key) => `"${key}"`),
            integer.map(String),
          ),
          tie("expression"),
        ),
        {
          maxLength: 3,
        },
      )
      .map((pairs) => `{${pairs.map(([key, value]) => `${key}: ${value}`).join(", ")}}`),
    fc
      .tuple(tie("expression"), variable, tie("expression"), fc.option(tie("expression")))
      .map(([element, name, iterable, condition]) =>
        condition === null
          ? `[${element} for ${name} in ${iterable}]`
          : `[${element} for ${name} in ${iterable} if ${condition}]`,
      ),
    fc
      .tuple(tie("expression"), tie("expression"), tie("expression"))
      .map(([then, condition, otherwise]) => `(${then} if ${condition} else ${otherwise})`),
    fc.tuple(variable, tie("expression")).map(([parameter, body]) => `(lambda ${parameter} :: ${body})`),
    fc
      .array(
        fc.oneof(
          stringBody.map((text) => text.replace(/[{}]/g, "")),
          tie("expression").map((inner) => `{${inner}}`),
        ),
        { maxLength: 3 },
      )
      .map((parts) => {
        // An f-string cannot hold its own quote inside a placeholder: use the other quote kind there.
        return `f"${parts.join("").replace(/"/g, "'")}"`;
      }),
    fc.tuple(stringLiteral, tie("expression")).map(([format, value]) => `(${format} % ${value})`),
    fc.tuple(stringLiteral, tie("expression")).map(([format, value]) => `${format}.format(${value})`),
  ),
}));

export { expression as expressionSource };

const indentUnit = "    ";

function indent(lines: readonly string[]): string[] {
  return lines.map((line) => indentUnit + line);
}

function block(lines: readonly string[]): string[] {
  return lines.length === 0 ? [`${indentUnit}pass`] : indent(lines);
}

const simpleStatement: fc.Arbitrary<string[]> = fc.oneof(
  fc.tuple(variable, expression).map(([target, value]) => [`${target} = ${value}`]),
  fc
    .tuple(variable, fc.constantFrom("+=", "-=", "*="), expression)
    .map(([target, op, value]) => [`${target} ${op} ${value}`]),
  fc
    .tuple(
      variable,
      fc.oneof(
        stringLiteral,
        hostileName.map((key) => `"${key}"`),
      ),
      expression,
    )
    .map(([target, key, value]) => [`${target}[${key}] = ${value}`]),
  fc.tuple(variable, hostileName, expression).map(([target, field, value]) => [`${target}.${field} = ${value}`]),
  expression.map((value) => [value]),
  expression.map((value) => [`print(${value})`]),
  fc
    .tuple(expression, fc.option(expression))
    .map(([condition, message]) => [message === null ? `assert ${condition}` : `assert ${condition}, ${message}`]),
  fc
    .constantFrom("", "", "ValueError", "Exception")
    // Dana raises values (`raise "message"` is a RuntimeError); the class-call form is a NameError, also worth a try.
    .chain((type) => expression.map((message) => [type === "" ? `raise ${message}` : `raise ${type}(${message})`])),
  fc
    .constantFrom(
      "import helpers",
      "from helpers import twice",
      "import shapes",
      "import missing_module",
      "from ..outside import x",
      "import os",
    )
    .map((line) => [line]),
  fc.constant("pass").map((line) => [line]),
);

const { statements } = fc.letrec<{ statements: string[]; statement: string[] }>((tie) => ({
  statement: fc.oneof(
    { maxDepth: 2, depthSize: "small", withCrossShrink: true },
    simpleStatement,
    simpleStatement,
    fc
      .tuple(expression, tie("statements"), fc.option(tie("statements")))
      .map(([condition, then, otherwise]) => [
        `if ${condition}:`,
        ...block(then),
        ...(otherwise === null ? [] : ["else:", ...block(otherwise)]),
      ]),
    fc
      .tuple(variable, expression, tie("statements"))
      .map(([name, iterable, body]) => [`for ${name} in ${iterable}:`, ...block(body), `${indentUnit}continue`]),
    // Most loops stop after one pass: a loop that runs to the step budget is worth testing, but costs ~100 inputs' time.
    fc
      .tuple(
        expression,
        tie("statements"),
        fc.nat({ max: 9 }).map((draw) => draw > 0),
      )
      .map(([condition, body, stop]) => [
        `while ${condition}:`,
        ...block(body),
        ...(stop ? [`${indentUnit}break`] : []),
      ]),
    fc
      .tuple(
        fc.constantFrom("f", "g"),
        fc.array(variable, { maxLength: 2 }),
        tie("statements"),
        fc.array(expression, { maxLength: 2 }),
      )
      .map(([name, parameters, body, args]) => [
        `def ${name}(${[...new Set(parameters)].join(", ")}):`,
        ...block(body),
        `${indentUnit}return ${parameters[0] ?? "None"}`,
        `${name}(${args.join(", ")})`,
      ]),
    fc
      .tuple(
        tie("statements"),
        fc.constantFrom("Exception", "ValueError", "ZeroDivisionError"),
        tie("statements"),
        fc.option(tie("statements")),
      )
      .map(([body, type, handler, cleanup]) => [
        "try:",
        ...block(body),
        `except ${type} as e:`,
        ...block(handler),
        ...(cleanup === null ? [] : ["finally:", ...block(cleanup)]),
      ]),
    fc
      .tuple(fc.constantFrom("Point", "Node"), fc.array(hostileName, { maxLength: 2 }), expression)
      .map(([name, fields, value]) => [
        `struct ${name}:`,
        `${indentUnit}x: int = 0`,
        ...[...new Set(fields)].map((field) => `${indentUnit}${field}: str = "f"`),
        `p = ${name}(x = ${value})`,
      ]),
  ),
  statements: fc.array(tie("statement"), { minLength: 1, maxLength: 3 }).map((list) => list.flat()),
}));

/** Whole programs, with a prelude so the common names usually hold something worth operating on. */
export const programSource: fc.Arbitrary<string> = statements.map((lines) =>
  ["a = 3", 'b = "ab"', "c = [1, 2]", "xs = [1, [2], 'x']", 'd = {"k": 1}', "s = 's'", "n = 0", ...lines, ""].join(
    "\n",
  ),
);

/** Recursion shapes that hit the depth budget through different call paths. */
export const recursionSource: fc.Arbitrary<string> = fc.constantFrom(
  "def f(x):\n    return f(x)\nf(1)",
  "def f(x):\n    return [f(x) for y in [1]]\nf(1)",
  "def f(x):\n    return (lambda :: f(x))()\nf(1)",
  "def f(x):\n    try:\n        return f(x)\n    except Exception as e:\n        return f(x)\nf(1)",
  "def f(x):\n    return sorted([1, 2], key = lambda k :: f(k))\nf(1)",
  'def f(x):\n    return f"{f(x)}"\nf(1)',
);
