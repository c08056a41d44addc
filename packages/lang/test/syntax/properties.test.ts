import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Span } from "../../src/source.js";
import type { Statement } from "../../src/syntax/ast.js";
import { check, formatProgram, parse } from "../../src/syntax/index.js";
import { punctuators } from "../../src/syntax/tokens.js";
import { floatLiteral, intLiteral, representableString } from "./arbitrary-expressions.js";
import { program } from "./arbitrary-statements.js";
import { stripSpans } from "./helpers.js";

function roundTrip(body: readonly Statement[]): { source: string; diagnostics: string[]; body: unknown } {
  const source = formatProgram(body);
  const result = parse(source);
  return {
    source,
    diagnostics: result.diagnostics.map((d) => `${d.span.line}:${d.span.column} ${d.message}`),
    body: stripSpans(result.program.body),
  };
}

describe("property: parse never throws", () => {
  it("on random text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: "binary" }), (source) => {
        const result = parse(source);
        expect(result.program.kind).toBe("Program");
      }),
      { numRuns: 300 },
    );
  });

  it("on random soups of Dana tokens, keywords and layout", () => {
    const piece = fc.oneof(
      fc.constantFrom(...punctuators),
      fc.constantFrom("if", "else", "elif", "def", "for", "in", "lambda", "struct", "try", "except", "not", "and"),
      fc.constantFrom("x", "1", "2.5", '"s"', "f'{x}'", "'''t'''", "private", ":", "\n", "\n    ", "\n\t", "#c\n", " "),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const source = pieces.join(" ");
        const result = parse(source);
        expect(Array.isArray(result.diagnostics)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe("property: check never throws", () => {
  it("on generated programs with random characters deleted or inserted", () => {
    const edit = fc.record({
      at: fc.nat(),
      remove: fc.nat({ max: 3 }),
      insert: fc.constantFrom("", "(", ")", ":", "\n", "    ", "'", '"', "#", "[", "|", "lambda", "=", ","),
    });
    fc.assert(
      fc.property(program, fc.array(edit, { minLength: 1, maxLength: 4 }), (body, edits) => {
        let source = formatProgram(body);
        for (const { at, remove, insert } of edits) {
          const index = at % (source.length + 1);
          source = source.slice(0, index) + insert + source.slice(index + remove);
        }
        const diagnostics = check(source);
        expect(diagnostics.every((d) => d.span.line >= 1 && d.span.column >= 1)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe("property: formatProgram is parsed back to the same AST", () => {
  it("for generated programs", () => {
    fc.assert(
      fc.property(program, (body) => {
        const result = roundTrip(body);
        expect(result.diagnostics, result.source).toEqual([]);
        expect(result.body, result.source).toEqual(stripSpans(body));
      }),
      { numRuns: 250 },
    );
  });
});

/** Every span in the tree, with the path to it (for failure messages). */
function collectSpans(value: unknown, path: string, into: [string, Span][]): [string, Span][] {
  if (Array.isArray(value)) {
    for (const [index, child] of value.entries()) collectSpans(child, `${path}[${index}]`, into);
  } else if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      if ((key === "span" || key === "nameSpan") && child !== null && typeof child === "object") {
        into.push([`${path}.${key}`, child as Span]);
      } else {
        collectSpans(child, `${path}.${key}`, into);
      }
    }
  }
  return into;
}

/** Maps offsets to 1-based line:column the way editors count (\r\n, \r and \n end lines). */
function positionFinder(source: string): (offset: number) => [number, number] {
  const lineStarts = [0];
  for (let index = 0; index < source.length; index += 1) {
    const character = source[index];
    if (character === "\r" && source[index + 1] === "\n") continue;
    if (character === "\n" || character === "\r") lineStarts.push(index + 1);
  }
  return (offset) => {
    let line = 0;
    while (line + 1 < lineStarts.length && (lineStarts[line + 1] ?? 0) <= offset) line += 1;
    return [line + 1, offset - (lineStarts[line] ?? 0) + 1];
  };
}

describe("property: spans agree with the source", () => {
  it("line:column of every node's start and end match its offsets", () => {
    fc.assert(
      fc.property(program, (body) => {
        const source = formatProgram(body);
        const parsed = parse(source).program;
        const positionOf = positionFinder(source);
        for (const [path, span] of collectSpans(parsed.body, "body", [])) {
          const start = positionOf(span.offset);
          const end = positionOf(span.endOffset);
          const consistent =
            span.offset <= span.endOffset &&
            span.line === start[0] &&
            span.column === start[1] &&
            span.endLine === end[0] &&
            span.endColumn === end[1];
          if (!consistent) expect({ path, span }).toEqual({ path, span: { ...span, start, end } });
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("property: literals round-trip", () => {
  const literalValueOf = (source: string): unknown => {
    const [statement] = parse(source).program.body;
    return statement?.kind === "ExpressionStatement" && "value" in statement.expression
      ? statement.expression.value
      : undefined;
  };

  it("ints, including big ints", () => {
    fc.assert(
      fc.property(intLiteral, (value) => {
        expect(literalValueOf(formatProgram([intStatement(value)]))).toEqual(value);
      }),
    );
  });

  it("floats", () => {
    fc.assert(
      fc.property(floatLiteral, (value) => {
        const source = formatProgram([
          { kind: "ExpressionStatement", expression: { kind: "FloatLiteral", value, span }, span },
        ]);
        expect(parse(source).program.body[0]).toMatchObject({ expression: { kind: "FloatLiteral", value } });
      }),
    );
  });

  it("strings, verbatim", () => {
    fc.assert(
      fc.property(representableString, (value) => {
        const source = formatProgram([
          { kind: "ExpressionStatement", expression: { kind: "StringLiteral", value, span }, span },
        ]);
        expect(literalValueOf(source)).toBe(value);
      }),
    );
  });
});

const span = { line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 };
function intStatement(value: number | bigint): Statement {
  return { kind: "ExpressionStatement", expression: { kind: "IntLiteral", value, span }, span };
}
