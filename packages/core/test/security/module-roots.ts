/**
 * The file system the import programs attack: one module root holding a harmless module, a symlink to a
 * secret outside the root, a Python file, and a package whose sub-folder is a symlink out; the secrets sit next
 * to the root, one `..` away.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface ModuleRoots {
  readonly root: string;
  remove(): void;
}

export function createModuleRoots(): ModuleRoots {
  const base = mkdtempSync(join(tmpdir(), "dana-escape-"));
  const root = join(base, "root");
  const outside = join(base, "outside");
  mkdirSync(root);
  mkdirSync(outside);
  writeFileSync(join(base, "secret.na"), "secret = 'leaked'\n");
  writeFileSync(join(base, "__init__.na"), "secret = 'leaked'\n");
  writeFileSync(join(outside, "secret.na"), "secret = 'leaked'\n");
  writeFileSync(join(root, "safe.na"), "value = 1\n");
  writeFileSync(join(root, "evil.py"), "import os\nos.system('touch /tmp/dana-escaped')\n");
  symlinkSync(join(base, "secret.na"), join(root, "linked.na"));
  mkdirSync(join(root, "pkg"));
  writeFileSync(join(root, "pkg", "__init__.na"), "x = 1\n");
  symlinkSync(outside, join(root, "pkg", "secret"));
  return { root, remove: () => rmSync(base, { recursive: true, force: true }) };
}
