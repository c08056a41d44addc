import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const program = fileURLToPath(new URL("./fixtures/exits-when-done.mjs", import.meta.url));

function run(mode: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [program, mode], { timeout: 15_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr });
    });
  });
}

describe.each(["worker", "process"])("a host using %s isolation", (mode) => {
  it("exits on its own when its work is done, though a warm sandbox and an open context remain", async () => {
    const result = await run(mode);
    expect(result.stderr).toBe("");
    expect(result).toMatchObject({ code: 0, stdout: "42\n" });
  });
});
