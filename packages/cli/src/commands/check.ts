import { check } from "@dana-gateway/lang";
import { readSourceOrReport } from "../read-source.js";
import { formatDiagnostic, type JsonReport } from "../report.js";
import type { CommandIo } from "./run.js";

/** Parses and lints without running. Exit 2 when any file has an error; warnings alone exit 0. */
export function checkCommand(files: readonly string[], options: { json: boolean }, io: CommandIo): number {
  let failed = false;
  const reports: { file: string; report: JsonReport }[] = [];
  for (const file of files) {
    const source = readSourceOrReport(file, io);
    if (source === undefined) {
      failed = true;
      continue;
    }
    const diagnostics = check(source, { file });
    const hasError = diagnostics.some((diagnostic) => diagnostic.severity === "error");
    failed ||= hasError;
    if (options.json) {
      reports.push({ file, report: { ok: !hasError, diagnostics } });
      continue;
    }
    for (const diagnostic of diagnostics) io.stderr(`${formatDiagnostic(diagnostic, source, io.paint)}\n`);
  }
  if (options.json) io.stdout(`${JSON.stringify(reports)}\n`);
  return failed ? 2 : 0;
}
