import { DanaException, DanaSyntaxException } from "@dana-gateway/lang";
import type { CommandIo } from "./commands/run.js";
import { errorToJson, formatDiagnostic, formatRuntimeError, type JsonReport, type SourceLookup } from "./report.js";

/**
 * Prints a failed evaluation the way every command does and returns its exit code:
 * 2 for syntax errors, 1 for an uncaught Dana error. Anything else is a bug and is rethrown.
 */
export function reportFailure(error: unknown, lookup: SourceLookup, io: CommandIo, json: boolean): 1 | 2 {
  if (error instanceof DanaSyntaxException) {
    if (json) {
      io.stderr(`${JSON.stringify({ ok: false, diagnostics: error.diagnostics } satisfies JsonReport)}\n`);
    } else {
      for (const diagnostic of error.diagnostics) {
        io.stderr(`${formatDiagnostic(diagnostic, lookup(diagnostic.file), io.paint)}\n`);
      }
    }
    return 2;
  }
  if (error instanceof DanaException) {
    if (json) {
      io.stderr(`${JSON.stringify({ ok: false, diagnostics: [], error: errorToJson(error) } satisfies JsonReport)}\n`);
    } else {
      io.stderr(`${formatRuntimeError(error, lookup, io.paint)}\n`);
    }
    return 1;
  }
  throw error;
}
