import { readFileSync } from "node:fs";
import { transform } from "esbuild";
import { describe, expect, it, vi } from "vitest";

// The README's example, run verbatim (with the package import pointed at the sources).
describe("README example", () => {
  it("runs as written", async () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const written: string[] = [];
    const logged: unknown[] = [];
    const write = vi.spyOn(process.stdout, "write").mockImplementation((text) => {
      written.push(String(text));
      return true;
    });
    const log = vi.spyOn(console, "log").mockImplementation((...values) => {
      logged.push(values);
    });
    try {
      const language = await import("../src/index.js");
      const typescript = example!.replace(/^import .*$/m, "const { Interpreter, parse, repr } = language;");
      const body = (await transform(typescript, { loader: "ts" })).code;
      const run = new Function("language", `return (async () => {\n${body}\n})();`);
      await run(language);
    } finally {
      write.mockRestore();
      log.mockRestore();
    }
    expect(written.join("")).toBe("12\n");
    expect(logged[0]).toEqual(["12"]);
    const diagnostics = (logged[1] as unknown[])[0] as { type: string; span: { line: number } }[];
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics[0]).toMatchObject({ type: "SyntaxError", file: "bad.na" });
  });
});
