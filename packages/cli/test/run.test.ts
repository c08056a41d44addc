import { describe, expect, it } from "vitest";
import { fixture, runCli } from "./helpers.js";

describe("dana run", () => {
  it("prints only what the program prints and exits 0", async () => {
    const result = await runCli(["run", fixture("../../../../examples/hello.na")]);
    expect(result).toEqual({ code: 0, stdout: "Hello, Dana!\n", stderr: "" });
  });

  it("reports an uncaught error as FILE:LINE:COL: Type: message, then the Dana traceback, exit 1", async () => {
    const file = fixture("divide.na");
    const result = await runCli(["run", file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("before\n");
    const lines = result.stderr.split("\n");
    expect(lines[0]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}:2:12: ZeroDivisionError: `));
    expect(result.stderr).toContain("> 2 |     return a / b");
    expect(result.stderr).toContain("Traceback (most recent call last):");
    // Innermost last: <module> → report → ratio.
    const order = ["in <module>", "in report", "in ratio"].map((frame) => result.stderr.indexOf(frame));
    expect(order.every((position) => position > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("reports every syntax error with a code frame and exits 2", async () => {
    const file = fixture("broken.na");
    const result = await runCli(["run", file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    const headers = result.stderr.split("\n").filter((line) => line.startsWith(`${file}:`));
    expect(headers.length).toBeGreaterThanOrEqual(2);
    for (const header of headers) expect(header).toMatch(/:\d+:\d+: SyntaxError: /);
    expect(result.stderr).toMatch(/\| +\^/);
  });

  it("finds modules through --module-path", async () => {
    const withoutPath = await runCli(["run", fixture("uses-module.na")]);
    expect(withoutPath.code).toBe(1);
    expect(withoutPath.stderr).toContain("ModuleNotFoundError");
    const withPath = await runCli(["run", fixture("uses-module.na"), "--module-path", fixture("lib")]);
    expect(withPath).toMatchObject({ code: 0, stdout: "42\n" });
  });

  it("stops a runaway program with --timeout-ms", async () => {
    const result = await runCli(["run", fixture("forever.na"), "--timeout-ms", "200"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/TimeoutError/);
  });

  it("answers reason() with the offline model when nothing is configured", async () => {
    const result = await runCli(["run", fixture("reason.na")]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout.trim().length).toBeGreaterThan(0);
  });

  it("reports errors as JSON with --json", async () => {
    const result = await runCli(["run", fixture("divide.na"), "--json"]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stderr);
    expect(report).toMatchObject({ ok: false, error: { type: "ZeroDivisionError", line: 2, column: 12 } });
    expect(report.error.traceback.map((frame: { function: string }) => frame.function)).toEqual([
      "<module>",
      "report",
      "ratio",
    ]);
  });

  it("rejects a bad --timeout-ms and a missing file with exit 2", async () => {
    expect((await runCli(["run", fixture("hello.na"), "--timeout-ms", "soon"])).code).toBe(2);
    const missing = await runCli(["run", fixture("does-not-exist.na")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("cannot read file: ENOENT");
  });
});
