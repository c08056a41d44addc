import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { entryScriptPath } from "../../src/isolation/entry-script.js";

describe("entryScriptPath", () => {
  it("finds the compiled entry scripts in dist/isolation, also when running from the sources", () => {
    for (const name of ["worker-entry.js", "child-entry.js"] as const) {
      const path = entryScriptPath(name);
      expect(path).toMatch(/[/\\]dist[/\\]isolation[/\\](worker|child)-entry\.js$/);
      expect(existsSync(path)).toBe(true);
    }
  });
});
