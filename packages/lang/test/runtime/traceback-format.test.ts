import { describe, expect, it } from "vitest";
import { DanaException, formatTraceback, Interpreter } from "../../src/index.js";

describe("formatTraceback", () => {
  it("puts a caret under each failing expression, innermost last", async () => {
    const interpreter = new Interpreter({ host: { writeStdout: () => {} } });
    const source = "def ratio(a, b):\n    return a / b\n\nvalue = ratio(1, 0)\n";
    const error = await interpreter.evaluate(source, { file: "ratio.na" }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DanaException);
    expect(formatTraceback((error as DanaException).traceback)).toBe(
      [
        "Traceback (most recent call last):",
        '  File "ratio.na", line 4, column 9, in <module>',
        "    value = ratio(1, 0)",
        "            ^^^^^^^^^^^",
        '  File "ratio.na", line 2, column 12, in ratio',
        "    return a / b",
        "           ^^^^^",
      ].join("\n"),
    );
  });

  it("prints frames without a caret when positions are unknown, and nothing for no frames", () => {
    expect(formatTraceback([])).toBe("");
    expect(formatTraceback([{ file: "x.na", function: "f", line: 1, column: 1, sourceLine: "pass" }])).toBe(
      'Traceback (most recent call last):\n  File "x.na", line 1, column 1, in f\n    pass',
    );
  });
});
