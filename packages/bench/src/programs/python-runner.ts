import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { programsDirectory } from "../harness/paths.js";
import type { ProgramWorkload } from "./catalog.js";
import { largeProgramFiles } from "./large-program.js";

const execFileAsync = promisify(execFile);

export interface ExternalTiming {
  output: string;
  samplesMs: number[];
}

/**
 * Runs a workload in one `python3` process that times itself (see programs/harness.py), so the
 * figures exclude CPython's start-up just as the JS figures exclude Node's.
 */
export async function timePythonWorkload(workload: ProgramWorkload, repeats: number): Promise<ExternalTiming> {
  const target = workload.kind === "parse" ? largeProgramFiles.python : workload.name;
  const { stdout } = await execFileAsync("python3", ["harness.py", workload.kind, target, String(repeats)], {
    cwd: programsDirectory,
    maxBuffer: 1024 * 1024,
    timeout: 10 * 60_000,
  });
  const parsed = JSON.parse(stdout) as ExternalTiming;
  if (typeof parsed.output !== "string" || !Array.isArray(parsed.samplesMs)) {
    throw new Error(`programs/harness.py printed an unexpected shape: ${stdout.slice(0, 200)}`);
  }
  return parsed;
}
