/**
 * The language package's evaluator and module resolver. (Reached through the namespace while the language
 * runtime lands, so this package type-checks either way; replaced by named imports once it has.)
 */

import type { DanaInterpreter, InterpreterOptions, ModuleRequest, ModuleSource } from "@dana-gateway/lang";
import * as language from "@dana-gateway/lang";

export interface SearchPathFileSystem {
  readonly searchPaths: string[];
  readFile(path: string): string | null;
  isDirectory(path: string): boolean;
  listDirectory(path: string): string[];
}

type LanguageRuntime = {
  Interpreter?: new (options: InterpreterOptions) => DanaInterpreter;
  createSearchPathResolver?: (
    options: SearchPathFileSystem,
  ) => (request: ModuleRequest) => ModuleSource | null | Promise<ModuleSource | null>;
};

const runtime = language as unknown as LanguageRuntime;

export function createInterpreter(options: InterpreterOptions): DanaInterpreter {
  if (!runtime.Interpreter) throw new Error("@dana-gateway/lang does not provide an Interpreter yet");
  return new runtime.Interpreter(options);
}

export function createSearchPathResolver(options: SearchPathFileSystem) {
  if (!runtime.createSearchPathResolver)
    throw new Error("@dana-gateway/lang does not provide createSearchPathResolver yet");
  return runtime.createSearchPathResolver(options);
}
