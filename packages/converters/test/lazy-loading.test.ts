/**
 * Importing the core, this package's root or its ./dataframe subpath loads neither apache-arrow nor danfojs;
 * ./arrow loads apache-arrow. Runs the built dist/ in a child Node process with a hook that fails those imports.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const hook = fileURLToPath(new URL("./support/forbid-heavy-libraries.mjs", import.meta.url));

async function importWithHook(specifiers: string[]): Promise<string> {
  const script = `for (const s of ${JSON.stringify(specifiers)}) await import(s); console.log("ok");`;
  try {
    const { stdout } = await run(process.execPath, ["--import", hook, "--input-type=module", "-e", script], {
      cwd: fileURLToPath(new URL("..", import.meta.url)),
    });
    return stdout.trim();
  } catch (error) {
    return String((error as { stderr?: string }).stderr ?? error);
  }
}

describe("lazy loading", () => {
  it("core, the package root and ./dataframe load neither library", async () => {
    expect(
      await importWithHook(["@dana-gateway/core", "@dana-gateway/converters", "@dana-gateway/converters/dataframe"]),
    ).toBe("ok");
  }, 30_000);

  it("./arrow loads apache-arrow (the hook is effective)", async () => {
    expect(await importWithHook(["@dana-gateway/converters/arrow"])).toMatch(/loaded apache-arrow/);
  }, 30_000);
});
