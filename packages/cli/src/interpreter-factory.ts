import { createSearchPathResolver, Interpreter, type ModuleSource } from "@dana-gateway/lang";
import { nodeFileSystem, searchPathsFor } from "./file-system.js";
import { createReasonHost } from "./reason-host.js";

export interface CliInterpreterOptions {
  /** The program file (its directory is searched first), or a directory for the REPL. */
  readonly anchor: string;
  readonly modulePath: readonly string[];
  readonly timeoutMs?: number;
  readonly environment: NodeJS.ProcessEnv;
  readonly writeStdout: (text: string) => void;
  /** Told of every module file the program loads (for --watch). */
  readonly onModuleLoaded?: (file: string) => void;
}

/** One interpreter wired the way every CLI command needs it: module search path, offline-by-default reason. */
export function createCliInterpreter(options: CliInterpreterOptions): {
  interpreter: Interpreter;
  close(): Promise<void>;
} {
  const reasonHost = createReasonHost(options.environment);
  const resolveFromSearchPath = createSearchPathResolver({
    searchPaths: searchPathsFor(options.anchor, options.modulePath, options.environment),
    ...nodeFileSystem,
  });
  const noteLoaded = (found: ModuleSource | null) => {
    if (found) options.onModuleLoaded?.(found.file);
    return found;
  };
  // Stays synchronous when the file reads are, so imports don't force the evaluator's suspending path.
  const resolveModule: typeof resolveFromSearchPath = (request) => {
    const found = resolveFromSearchPath(request);
    return found instanceof Promise ? found.then(noteLoaded) : noteLoaded(found);
  };
  const interpreter = new Interpreter({
    host: { writeStdout: options.writeStdout, resolveModule, reason: (request) => reasonHost.reason(request) },
    limits: options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs },
  });
  return { interpreter, close: () => reasonHost.close() };
}
