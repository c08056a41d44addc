import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const launcher = fileURLToPath(new URL("../bin/dana.js", import.meta.url));
const hasScript = spawnSync("script", ["--version"]).status === 0;

// `script` (util-linux) gives the REPL a real pseudo-terminal, as a person's terminal would.
describe.runIf(hasScript)("dana repl in a pseudo-terminal", () => {
  it("prompts, continues blocks with '... ', echoes values and keeps history", () => {
    const home = mkdtempSync(path.join(tmpdir(), "dana-repl-"));
    const history = path.join(home, "history");
    const keystrokes = String.raw`printf 'x = 6 * 7\nx\nif x > 1:\n    print("big")\n\n'; sleep 1; printf '\004'`;
    const result = spawnSync("bash", ["-c", `(${keystrokes}) | script -qec "node ${launcher} repl" /dev/null`], {
      encoding: "utf8",
      env: { ...process.env, DANA_REPL_HISTORY: history, NO_COLOR: "1" },
      timeout: 15_000,
    });
    // Strip terminal control sequences (ESC [ … letter) to read the screen as text.
    const escapeCharacter = String.fromCharCode(27);
    const screen = result.stdout.replace(new RegExp(`${escapeCharacter}\\[[0-9;]*[A-Za-z]`, "g"), "");
    expect(screen).toContain("Dana REPL");
    expect(screen).toContain(">>> ");
    expect(screen).toContain("... ");
    expect(screen).toMatch(/\b42\r?\n/);
    expect(screen).toMatch(/big\r?\n/);
    expect(readFileSync(history, "utf8")).toContain("x = 6 * 7");
  });
});
