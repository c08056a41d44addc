/** A temporary folder of `.na` modules for one test file, removed afterwards. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export interface ModuleFolder {
  readonly path: string;
  write(relativePath: string, source: string): string;
  remove(): void;
}

export function createModuleFolder(files: Readonly<Record<string, string>> = {}): ModuleFolder {
  const path = mkdtempSync(join(tmpdir(), "dana-core-"));
  const folder: ModuleFolder = {
    path,
    write(relativePath, source) {
      const file = join(path, relativePath);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, source);
      return file;
    },
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
  for (const [relativePath, source] of Object.entries(files)) folder.write(relativePath, source);
  return folder;
}
