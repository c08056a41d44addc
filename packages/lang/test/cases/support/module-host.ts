/**
 * Module resolution for the cases: the runtime's search-path resolver over the case's own folder and the
 * shared helper modules in `modules/lib`, reading files with node:fs.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { createSearchPathResolver, type DanaHost } from "../../../src/index.js";

export const sharedLibraryFolder = join(import.meta.dirname, "..", "modules", "lib");

export function createCaseModuleResolver(caseFile: string): NonNullable<DanaHost["resolveModule"]> {
  return createSearchPathResolver({
    searchPaths: [dirname(caseFile), sharedLibraryFolder],
    readFile: (path: string) => {
      try {
        return readFileSync(path, "utf8");
      } catch {
        return null;
      }
    },
    isDirectory: (path: string) => {
      try {
        return statSync(path).isDirectory();
      } catch {
        return false;
      }
    },
    listDirectory: (path: string) => {
      try {
        return readdirSync(path);
      } catch {
        return [];
      }
    },
  });
}
