import { readFileSync } from "node:fs";
import type { CommandIo } from "./commands/run.js";

/** A program's text, or undefined after telling the user why it could not be read. */
export function readSourceOrReport(file: string, io: CommandIo): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    io.stderr(`${file}: cannot read file: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return undefined;
  }
}
