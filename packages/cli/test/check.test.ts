import { describe, expect, it } from "vitest";
import { fixture, runCli } from "./helpers.js";

describe("dana check", () => {
  it("exits 0 on a clean file and prints nothing", async () => {
    expect(await runCli(["check", fixture("../../../../examples/geometry.na")])).toEqual({
      code: 0,
      stdout: "",
      stderr: "",
    });
  });

  it("prints lint warnings in FILE:LINE:COL: Warning: format without failing", async () => {
    const file = fixture("lint.na");
    const result = await runCli(["check", file]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/lint\.na:7:7: Warning: .*undefined_name/);
    expect(result.stderr).toMatch(/lint\.na:5:\d+: Warning: .*nreachable/);
    expect(result.stderr).toMatch(/lint\.na:1:\d+: Warning: .*helpers/);
  });

  it("exits 2 when any file has a syntax error, reporting every file", async () => {
    const result = await runCli(["check", fixture("lint.na"), fixture("broken.na")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("broken.na:");
    expect(result.stderr).toContain("lint.na:");
  });

  it("prints machine-readable diagnostics with --json", async () => {
    const result = await runCli(["check", "--json", fixture("broken.na")]);
    expect(result.code).toBe(2);
    const [report] = JSON.parse(result.stdout);
    expect(report.report.ok).toBe(false);
    expect(report.report.diagnostics[0]).toMatchObject({ severity: "error", type: "SyntaxError" });
  });
});
