import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/main.js";

async function eventually(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("dana run --watch", () => {
  it("re-runs when the program or an imported module changes, and survives a syntax error in the edit", async () => {
    const directory = mkdtempSync(path.join(tmpdir(), "dana-watch-"));
    const program = path.join(directory, "main.na");
    const helper = path.join(directory, "helper.na");
    writeFileSync(helper, 'def greet(name):\n    return f"hello {name}"\n');
    writeFileSync(program, 'from helper import greet\nprint(greet("one"))\n');
    let stdout = "";
    let stderr = "";
    const stop = new AbortController();
    const fakeStream = { isTTY: false } as NodeJS.WriteStream;
    const finished = main(["run", "--watch", program], {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
      stdoutStream: fakeStream,
      stderrStream: fakeStream,
      environment: {},
      signal: stop.signal,
    });
    try {
      await eventually(() => stdout.includes("hello one\n"), "the first run");
      await eventually(() => stderr.includes("waiting for changes"), "the first run to finish");

      writeFileSync(helper, 'def greet(name):\n    return f"bonjour {name}"\n');
      await eventually(() => stdout.includes("bonjour one\n"), "a run after the module changed");

      writeFileSync(program, "from helper import greet\nprint(greet(\n");
      await eventually(() => /main\.na:\d+:\d+: SyntaxError/.test(stderr), "the syntax error report");

      writeFileSync(program, 'from helper import greet\nprint(greet("two"))\n');
      await eventually(() => stdout.includes("bonjour two\n"), "a run after the fix");
    } finally {
      stop.abort();
    }
    expect(await finished).toBe(0);
  });
});
