import { reportFailure } from "../failure.js";
import { nodeFileSystem } from "../file-system.js";
import { createCliInterpreter } from "../interpreter-factory.js";
import { readSourceOrReport } from "../read-source.js";
import type { JsonReport } from "../report.js";
import type { Painter } from "../style.js";

export interface RunOptions {
  readonly modulePath: readonly string[];
  readonly timeoutMs?: number;
  readonly json: boolean;
  /** Told of every module file the program loads (for --watch). */
  readonly onModuleLoaded?: (file: string) => void;
}

export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly paint: Painter;
  readonly environment: NodeJS.ProcessEnv;
}

/** Exit codes: 0 success, 1 uncaught Dana error, 2 syntax errors (or an unreadable file). */
export async function runCommand(file: string, options: RunOptions, io: CommandIo): Promise<number> {
  const source = readSourceOrReport(file, io);
  if (source === undefined) return 2;
  const { interpreter, close } = createCliInterpreter({
    anchor: file,
    modulePath: options.modulePath,
    environment: io.environment,
    writeStdout: io.stdout,
    ...(options.onModuleLoaded ? { onModuleLoaded: options.onModuleLoaded } : {}),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  const lookup = (path: string) => (path === file ? source : (nodeFileSystem.readFile(path) ?? undefined));
  try {
    await interpreter.evaluate(source, { file });
    if (options.json) io.stderr(`${JSON.stringify({ ok: true, diagnostics: [] } satisfies JsonReport)}\n`);
    return 0;
  } catch (error) {
    return reportFailure(error, lookup, io, options.json);
  } finally {
    await close();
  }
}
