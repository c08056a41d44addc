import { readFileSync } from "node:fs";
import { createSearchPathResolver, DanaException, DanaSyntaxException, Interpreter } from "@dana-gateway/lang";
import { nodeFileSystem, searchPathsFor } from "../file-system.js";
import { createReasonHost } from "../reason-host.js";
import { errorToJson, formatDiagnostic, formatRuntimeError, type JsonReport } from "../report.js";
import type { Painter } from "../style.js";

export interface RunOptions {
  readonly modulePath: readonly string[];
  readonly timeoutMs?: number;
  readonly json: boolean;
}

export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly paint: Painter;
  readonly environment: NodeJS.ProcessEnv;
}

/** Exit codes: 0 success, 1 uncaught Dana error, 2 syntax errors (or an unreadable file). */
export async function runCommand(file: string, options: RunOptions, io: CommandIo): Promise<number> {
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch (error) {
    io.stderr(`${file}: cannot read file: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return 2;
  }
  const reasonHost = createReasonHost(io.environment);
  const resolveModule = createSearchPathResolver({
    searchPaths: searchPathsFor(file, options.modulePath, io.environment),
    ...nodeFileSystem,
  });
  const interpreter = new Interpreter({
    host: { writeStdout: io.stdout, resolveModule, reason: (request) => reasonHost.reason(request) },
    limits: options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs },
  });
  const lookup = (path: string) => (path === file ? source : (nodeFileSystem.readFile(path) ?? undefined));
  try {
    await interpreter.evaluate(source, { file });
    if (options.json) io.stderr(`${JSON.stringify({ ok: true, diagnostics: [] } satisfies JsonReport)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof DanaSyntaxException) {
      if (options.json) {
        io.stderr(`${JSON.stringify({ ok: false, diagnostics: error.diagnostics } satisfies JsonReport)}\n`);
      } else {
        for (const diagnostic of error.diagnostics) {
          io.stderr(`${formatDiagnostic(diagnostic, lookup(diagnostic.file), io.paint)}\n`);
        }
      }
      return 2;
    }
    if (error instanceof DanaException) {
      if (options.json) {
        io.stderr(
          `${JSON.stringify({ ok: false, diagnostics: [], error: errorToJson(error) } satisfies JsonReport)}\n`,
        );
      } else {
        io.stderr(`${formatRuntimeError(error, lookup, io.paint)}\n`);
      }
      return 1;
    }
    throw error;
  } finally {
    await reasonHost.close();
  }
}
