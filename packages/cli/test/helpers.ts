import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { main } from "../src/main.js";

export const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

export interface CapturedRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with captured output and a fake non-TTY terminal (so no colour codes). */
export async function runCli(
  argv: string[],
  environment: NodeJS.ProcessEnv = {},
  stdinText?: string,
): Promise<CapturedRun> {
  let stdout = "";
  let stderr = "";
  const fakeStream = { isTTY: false } as NodeJS.WriteStream;
  const code = await main(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    stdoutStream: fakeStream,
    stderrStream: fakeStream,
    environment,
    ...(stdinText === undefined ? {} : { stdinStream: Readable.from([stdinText]) as unknown as NodeJS.ReadStream }),
  });
  return { code, stdout, stderr };
}
