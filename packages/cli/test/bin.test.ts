import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fixture } from "./helpers.js";

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

describe("the dana binary", () => {
  it("is built (turbo builds before testing)", () => {
    expect(existsSync(bin), `missing ${bin}: run npm run build`).toBe(true);
  });

  it("sets the process exit code and keeps stdout for program output only", () => {
    const ok = spawnSync(process.execPath, [bin, "run", fixture("../../../../examples/hello.na")], {
      encoding: "utf8",
    });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe("Hello, Dana!\n");
    const failed = spawnSync(process.execPath, [bin, "run", fixture("divide.na")], { encoding: "utf8" });
    expect(failed.status).toBe(1);
    expect(failed.stdout).toBe("before\n");
    expect(failed.stderr).toContain("ZeroDivisionError");
    const broken = spawnSync(process.execPath, [bin, "run", fixture("broken.na")], { encoding: "utf8" });
    expect(broken.status).toBe(2);
  });
});
