/**
 * A module resolver over a file system the embedder supplies (no Node APIs here): for `a.b.c`, in each
 * search directory try `a/b/c.na`, then `a/b/c/__init__.na`, then a directory `a/b/c/` containing `.na`
 * files (a namespace package: an empty module). Relative imports resolve against the importing file's
 * directory (one dot) or its ancestors (more dots). First hit wins. Paths are joined with "/".
 * The callbacks may be synchronous (then so is resolution) or return promises.
 */
import type { ModuleRequest, ModuleSource } from "../host.js";
import { isPromiseLike } from "./trampoline.js";

type MaybePromise<T> = T | Promise<T>;

export interface SearchPathResolverOptions {
  readonly searchPaths: readonly string[];
  /** The file's text, or null when there is no such file. */
  readFile(path: string): MaybePromise<string | null>;
  isDirectory(path: string): MaybePromise<boolean>;
  listDirectory(path: string): MaybePromise<readonly string[]>;
}

export function joinPath(...parts: string[]): string {
  const joined = parts.filter((part) => part !== "").join("/");
  const absolute = joined.startsWith("/");
  const segments: string[] = [];
  for (const segment of joined.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === ".." && segments.length > 0 && segments.at(-1) !== "..") segments.pop();
    else segments.push(segment);
  }
  return (absolute ? "/" : "") + segments.join("/");
}

export function directoryOf(path: string): string {
  const index = path.lastIndexOf("/");
  if (index < 0) return ".";
  return index === 0 ? "/" : path.slice(0, index);
}

/** Runs `generator`, feeding back each yielded value; stays synchronous until a promise appears. */
function run<T>(generator: Generator<unknown, T, unknown>): MaybePromise<T> {
  let step = generator.next();
  while (!step.done) {
    const value = step.value;
    if (isPromiseLike(value)) {
      return (async () => {
        let input = await value;
        for (;;) {
          const next = generator.next(input);
          if (next.done) return next.value;
          input = await next.value;
        }
      })();
    }
    step = generator.next(value);
  }
  return step.value;
}

export function createSearchPathResolver(
  options: SearchPathResolverOptions,
): (request: ModuleRequest) => MaybePromise<ModuleSource | null> {
  function* readOrNull(path: string): Generator<unknown, string | null, unknown> {
    try {
      return (yield options.readFile(path)) as string | null;
    } catch {
      return null;
    }
  }
  function* tryDirectory(base: string, parts: readonly string[]): Generator<unknown, ModuleSource | null, unknown> {
    const target = joinPath(base, ...parts);
    if (parts.length > 0) {
      const file = `${target}.na`;
      const text = yield* readOrNull(file);
      if (text !== null) return { file, source: text };
    }
    const initFile = joinPath(target, "__init__.na");
    const initText = yield* readOrNull(initFile);
    if (initText !== null) return { file: initFile, source: initText, isPackage: true };
    let isDirectory = false;
    try {
      isDirectory = (yield options.isDirectory(target)) as boolean;
    } catch {
      isDirectory = false;
    }
    if (isDirectory) {
      const entries = (yield options.listDirectory(target)) as readonly string[];
      if (entries.some((entry) => entry.endsWith(".na"))) {
        return { file: `${target}/`, source: "pass\n", isPackage: true };
      }
    }
    return null;
  }
  function* resolve(request: ModuleRequest): Generator<unknown, ModuleSource | null, unknown> {
    if (request.relativeLevel > 0) {
      if (request.importer === null) return null;
      let base = directoryOf(request.importer);
      for (let level = 1; level < request.relativeLevel; level++) base = directoryOf(base);
      return yield* tryDirectory(base, request.parts);
    }
    for (const searchPath of options.searchPaths) {
      const found = yield* tryDirectory(searchPath, request.parts);
      if (found !== null) return found;
    }
    return null;
  }
  return (request) => run(resolve(request));
}
