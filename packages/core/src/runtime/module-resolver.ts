/**
 * Module resolution for a context: the language's search-path rules (`a/b/c.na`, then `a/b/c/__init__.na`,
 * then a namespace folder) over a file system confined to the allowed roots.
 */
import type { ModuleRequest, ModuleSource } from "@dana-gateway/lang";
import type { ConfinedFileSystem } from "../host/confined-file-system.js";
import { createSearchPathResolver } from "./language-runtime.js";

export function createModuleResolver(
  searchPaths: readonly string[],
  fileSystem: ConfinedFileSystem,
): (request: ModuleRequest) => ModuleSource | null {
  if (searchPaths.length === 0) return () => null;
  const resolve = createSearchPathResolver({
    searchPaths: [...searchPaths],
    readFile: (path: string) => fileSystem.readFile(path),
    isDirectory: (path: string) => fileSystem.isDirectory(path),
    listDirectory: (path: string) => fileSystem.listDirectory(path),
  });
  return (request) => resolve(request) as ModuleSource | null;
}
