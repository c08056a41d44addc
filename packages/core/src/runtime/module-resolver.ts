/**
 * Module resolution for a context: the language's search-path rules (`a/b/c.na`, then `a/b/c/__init__.na`,
 * then a namespace folder) over a file system confined to the allowed roots.
 */
import { createSearchPathResolver, type ModuleRequest, type ModuleSource } from "@dana-gateway/lang";
import { CapabilityDeniedError } from "../errors/classes.js";
import type { ConfinedFileSystem } from "../host/confined-file-system.js";

export function createModuleResolver(
  searchPaths: readonly string[],
  fileSystem: ConfinedFileSystem,
): (request: ModuleRequest) => ModuleSource | null {
  // The language's resolver treats an unreadable candidate as absent; remember why it was unreadable so an
  // import that only failed because of confinement says so instead of "no module named …".
  let denial: CapabilityDeniedError | null = null;
  const resolve = createSearchPathResolver({
    searchPaths: [...searchPaths],
    readFile: (path: string) => {
      try {
        return fileSystem.readFile(path);
      } catch (error) {
        if (CapabilityDeniedError.isInstance(error)) denial ??= error;
        throw error;
      }
    },
    isDirectory: (path: string) => fileSystem.isDirectory(path),
    listDirectory: (path: string) => fileSystem.listDirectory(path),
  });
  return (request) => {
    denial = null;
    const found = resolve(request) as ModuleSource | null;
    if (found === null && denial !== null) throw denial;
    return found;
  };
}
