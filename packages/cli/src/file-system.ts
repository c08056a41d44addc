import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * The node:fs adapter the language's search-path resolver needs. The CLI runs the
 * user's own files, so it reads wherever the module path points; the gateway
 * (`@dana-gateway/core`) adds root confinement for untrusted code.
 */
export const nodeFileSystem = {
  readFile(file: string): string | null {
    try {
      return readFileSync(file, "utf8");
    } catch {
      return null;
    }
  },
  isDirectory(directory: string): boolean {
    try {
      return statSync(directory).isDirectory();
    } catch {
      return false;
    }
  },
  listDirectory(directory: string): string[] {
    try {
      return readdirSync(directory);
    } catch {
      return [];
    }
  },
};

/** Module search order: the program's directory, then --module-path entries, then DANAPATH. */
export function searchPathsFor(file: string, modulePaths: readonly string[], environment: NodeJS.ProcessEnv): string[] {
  const fromEnvironment = (environment.DANAPATH ?? "").split(path.delimiter).filter((entry) => entry.length > 0);
  const all = [
    path.dirname(path.resolve(file)),
    ...modulePaths.map((entry) => path.resolve(entry)),
    ...fromEnvironment,
  ];
  return [...new Set(all.map((entry) => entry.split(path.sep).join("/")))];
}
