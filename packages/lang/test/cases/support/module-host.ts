/**
 * Module resolution for the cases: the runtime's search-path resolver over the case's own folder and the
 * shared helper modules in `modules/lib`, reading files with node:fs.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { createSearchPathResolver, type DanaHost } from "../../../src/index.js";

export const sharedLibraryFolder = join(import.meta.dirname, "..", "modules", "lib");

/** `asynchronous`: every file-system answer arrives through a promise, as from an asynchronous file reader. */
export function createCaseModuleResolver(
  caseFile: string,
  asynchronous = false,
): NonNullable<DanaHost["resolveModule"]> {
  const answer = <T>(value: T): T | Promise<T> => (asynchronous ? Promise.resolve(value) : value);
  return createSearchPathResolver({
    searchPaths: [dirname(caseFile), sharedLibraryFolder],
    readFile: (path: string) => answer(readOrNull(path)),
    isDirectory: (path: string) => answer(isDirectory(path)),
    listDirectory: (path: string) => answer(listOrEmpty(path)),
  });
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function listOrEmpty(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}
