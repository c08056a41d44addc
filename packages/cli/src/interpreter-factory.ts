import { createSearchPathResolver, Interpreter } from "@dana-gateway/lang";
import { nodeFileSystem, searchPathsFor } from "./file-system.js";
import { createReasonHost } from "./reason-host.js";

export interface CliInterpreterOptions {
  /** The program file (its directory is searched first), or a directory for the REPL. */
  readonly anchor: string;
  readonly modulePath: readonly string[];
  readonly timeoutMs?: number;
  readonly environment: NodeJS.ProcessEnv;
  readonly writeStdout: (text: string) => void;
}

/** One interpreter wired the way every CLI command needs it: module search path, offline-by-default reason. */
export function createCliInterpreter(options: CliInterpreterOptions): {
  interpreter: Interpreter;
  close(): Promise<void>;
} {
  const reasonHost = createReasonHost(options.environment);
  const resolveModule = createSearchPathResolver({
    searchPaths: searchPathsFor(options.anchor, options.modulePath, options.environment),
    ...nodeFileSystem,
  });
  const interpreter = new Interpreter({
    host: { writeStdout: options.writeStdout, resolveModule, reason: (request) => reasonHost.reason(request) },
    limits: options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs },
  });
  return { interpreter, close: () => reasonHost.close() };
}
