import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { formatProgram, parse } from "../../src/syntax/index.js";
import { stripSpans } from "./helpers.js";

const casesDirectory = join(import.meta.dirname, "..", "cases");

function danaFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return danaFiles(path);
    return entry.name.endsWith(".na") ? [path] : [];
  });
}

describe("formatProgram", () => {
  it("prints readable Dana with minimal parentheses", () => {
    const source = [
      "x = -2 ** 2 + (1 - 2) * 3",
      "y = (a if b else c) if d else lambda v :: v * 2",
      "z = not (a and b) or c < d < e",
      'def shout(s) = strip | add_suffix("!") as loud | [inc, dbl]',
      "for k, (a, b) in pairs:",
      '    print(f"{k}: {{a}} {a + b}")',
      "struct Point:",
      "    x: int = 0  # the x",
    ].join("\n");
    expect(formatProgram(parse(source).program)).toBe(`${source}\n`);
  });

  it("parenthesises where precedence requires it", () => {
    const source =
      "x = (-(2 ** 2), (a + b) * c, a - (b - c), (a ** b) ** c, (not a) == b, (1).real, [(a if b else c) for a in xs])\n";
    expect(formatProgram(parse(source).program)).toBe(source);
  });

  // Every golden case that parses cleanly is a real Dana program: printing it must not change its meaning.
  const files = danaFiles(casesDirectory);
  it.each(files.map((file) => [relative(casesDirectory, file), file]))("round-trips %s", (_name, file) => {
    const original = parse(readFileSync(file, "utf8"));
    if (original.diagnostics.length > 0) return; // a syntax-error case: nothing to print
    const printed = formatProgram(original.program);
    const reparsed = parse(printed);
    expect(reparsed.diagnostics, printed).toEqual([]);
    expect(stripSpans(reparsed.program.body), printed).toEqual(stripSpans(original.program.body));
  });
});
