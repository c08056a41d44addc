import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "@dana-gateway/lang";
import { readSourceOrReport } from "../read-source.js";
import { formatDiagnostic } from "../report.js";
import { generateDeclarations } from "../types/generate.js";
import type { CommandIo } from "./run.js";

/**
 * `dana types FILE.na... [--out DIR]`: writes `NAME.na.d.ts` beside each file (or into DIR), so
 * `ctx.importModule<typeof import("./NAME.na.js")>("NAME")` is fully typed. Exit 2 if a file does not parse.
 */
export function typesCommand(files: readonly string[], options: { out?: string }, io: CommandIo): number {
  let failed = false;
  for (const file of files) {
    const source = readSourceOrReport(file, io);
    if (source === undefined) {
      failed = true;
      continue;
    }
    const { program, diagnostics } = parse(source, { file });
    if (diagnostics.length > 0) {
      for (const diagnostic of diagnostics) io.stderr(`${formatDiagnostic(diagnostic, source, io.paint)}\n`);
      failed = true;
      continue;
    }
    const directory = options.out ?? path.dirname(file);
    mkdirSync(directory, { recursive: true });
    const target = path.join(directory, `${path.basename(file)}.d.ts`);
    writeFileSync(target, generateDeclarations(program, path.basename(file)));
    io.stdout(`${target}\n`);
  }
  return failed ? 2 : 0;
}
