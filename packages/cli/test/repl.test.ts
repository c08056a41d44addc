import { describe, expect, it } from "vitest";
import { needsMoreInput } from "../src/repl/continuation.js";
import { fixture, runCli } from "./helpers.js";

const repl = (input: string) => runCli(["repl"], {}, input);

describe("dana repl (piped input)", () => {
  it("echoes expression values Python-style, not assignments, with no prompt noise", async () => {
    const result = await repl('x = 21\nx * 2\n"a" + "b"\nNone\n[1, 2.0, None, True]\n');
    expect(result.stdout).toBe("42\n'ab'\n[1, 2.0, None, True]\n");
    expect(result.stderr).toBe("");
  });

  it("continues blocks until an empty line and brackets until they close", async () => {
    const result = await repl(
      "def f(n):\n    if n > 1:\n        return n * f(n - 1)\n    return 1\n\nf(5)\nxs = [1,\n  2]\nxs\n",
    );
    expect(result.stdout).toBe("120\n[1, 2]\n");
  });

  it("shows errors with a code frame and keeps the session going", async () => {
    const result = await repl('1 / 0\nprint("still here")\nnope(\n');
    expect(result.stderr).toMatch(/^<stdin:1>:1:1: ZeroDivisionError: division by zero/);
    expect(result.stderr).toContain("> 1 | 1 / 0");
    expect(result.stdout).toBe("still here\n");
    expect(result.stderr).toMatch(/<stdin:3>:1:6: SyntaxError: /);
    expect(result.code).toBe(2);
  });

  it("supports :help, :load and :reset", async () => {
    const result = await repl(`:help\n:load ${fixture("lib/helpers.na")}\ndouble(4)\n:reset\ndouble\n:bogus\n`);
    expect(result.stdout).toContain(":load FILE");
    // After :reset the name is gone (undefined names read as None, which the REPL does not echo).
    expect(result.stdout).toMatch(/8\n$/);
    expect(result.stderr).toContain("unknown command :bogus");
  });

  it("runs an unfinished block when input ends", async () => {
    const result = await repl("for i in range(3):\n    print(i)");
    expect(result.stdout).toBe("0\n1\n2\n");
  });
});

describe("needsMoreInput", () => {
  it.each([
    [["x = 1"], false],
    [["if x:"], true],
    [["if x:", "    y = 1"], true],
    [["if x:", "    y = 1", ""], false],
    [["xs = [1,"], true],
    [["xs = [1,", "2]"], false],
    [['s = """abc'], true],
    [["d = {'a': 1}  # trailing: comment"], false],
  ])("%j → %s", (lines, expected) => {
    expect(needsMoreInput(lines)).toBe(expected);
  });
});
