import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CapabilityDeniedError } from "../../src/errors/classes.js";
import { createConfinedFileSystem } from "../../src/host/confined-file-system.js";

let base: string;
let root: string;
let outside: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), "dana-confined-"));
  root = join(base, "root");
  outside = join(base, "outside");
  mkdirSync(join(root, "pkg"), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(root, "inside.na"), "x = 1");
  writeFileSync(join(root, "pkg", "mod.na"), "y = 2");
  writeFileSync(join(outside, "secret.na"), "secret = 42");
  symlinkSync(join(outside, "secret.na"), join(root, "link.na"));
  symlinkSync(join(root, "pkg"), join(root, "alias"));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

function denial(action: () => unknown): CapabilityDeniedError {
  try {
    action();
  } catch (error) {
    if (CapabilityDeniedError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected a CapabilityDeniedError");
}

describe("confined file system", () => {
  it("reads files inside the roots", () => {
    const files = createConfinedFileSystem([root]);
    expect(files.readFile(join(root, "inside.na"))).toBe("x = 1");
    expect(files.isDirectory(join(root, "pkg"))).toBe(true);
    expect(files.listDirectory(join(root, "pkg"))).toEqual(["mod.na"]);
    expect(files.readFile(join(root, "missing.na"))).toBeNull();
  });

  it("follows symlinks that stay inside", () => {
    expect(createConfinedFileSystem([root]).readFile(join(root, "alias", "mod.na"))).toBe("y = 2");
  });

  it("rejects symlinks pointing outside, saying so", () => {
    const error = denial(() => createConfinedFileSystem([root]).readFile(join(root, "link.na")));
    expect(error.capability).toBe("fs:read");
    expect(error.message).toContain("symlink");
    expect(error.message).toContain("fs:read");
  });

  it("rejects `..` escapes and absolute paths outside the roots", () => {
    const files = createConfinedFileSystem([root]);
    expect(denial(() => files.readFile(join(root, "..", "outside", "secret.na"))).message).toContain(
      "outside the allowed roots",
    );
    expect(denial(() => files.confine(join(outside, "secret.na"))).capability).toBe("fs:read");
  });

  it("grants nothing without roots, and ignores roots that do not exist", () => {
    const files = createConfinedFileSystem([join(base, "nope")]);
    expect(files.roots).toEqual([]);
    expect(denial(() => files.readFile(join(root, "inside.na"))).message).toContain("no folder is readable");
  });

  it("confine returns the real path, or null for a missing file inside", () => {
    const files = createConfinedFileSystem([root]);
    expect(files.confine(join(root, "alias", "mod.na"))).toBe(join(files.roots[0]!, "pkg", "mod.na"));
    expect(files.confine(join(root, "missing.na"))).toBeNull();
  });
});
