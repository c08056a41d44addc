import { Command, InvalidArgumentError } from "commander";
import { checkCommand } from "./commands/check.js";
import { type CommandIo, runCommand } from "./commands/run.js";
import { typesCommand } from "./commands/types.js";
import { watchCommand } from "./commands/watch.js";
import { startRepl } from "./repl/repl.js";
import { painterFor } from "./style.js";

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0)
    throw new InvalidArgumentError(`expected a positive integer, got '${value}'`);
  return parsed;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export interface MainIo extends Omit<CommandIo, "paint"> {
  readonly stdoutStream: NodeJS.WriteStream;
  readonly stderrStream: NodeJS.WriteStream;
  /** The REPL reads from here; interactive only when it is a TTY. */
  readonly stdinStream?: NodeJS.ReadStream;
  /** Stops long-running commands (`run --watch`) — for embedding and tests. */
  readonly signal?: AbortSignal;
}

/** Runs the `dana` command line and resolves with the exit code (the bin sets process.exitCode). */
export async function main(argv: readonly string[], io: MainIo): Promise<number> {
  let exitCode = 0;
  const commandIo: CommandIo = { ...io, paint: painterFor(io.stderrStream, io.environment) };
  const program = new Command()
    .name("dana")
    .description("Run and check Dana programs.")
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .showHelpAfterError();

  program
    .command("run")
    .description("run a Dana program; stdout carries only what the program prints")
    .argument("<file>", "the .na file to run")
    .option("-m, --module-path <dir>", "add a module search directory (repeatable)", collect, [])
    .option("--timeout-ms <ms>", "stop the program after this much interpreter time", positiveInteger)
    .option("--json", "report errors as JSON on stderr (for tools)", false)
    .option("-w, --watch", "run again whenever the program or a module it loaded changes", false)
    .action(
      async (file: string, options: { modulePath: string[]; timeoutMs?: number; json: boolean; watch: boolean }) => {
        const { watch, ...runOptions } = options;
        if (!watch) {
          exitCode = await runCommand(file, runOptions, commandIo);
          return;
        }
        const stop = new AbortController();
        const onSignal = () => stop.abort();
        process.once("SIGINT", onSignal);
        process.once("SIGTERM", onSignal);
        io.signal?.addEventListener("abort", onSignal, { once: true });
        exitCode = await watchCommand(file, runOptions, commandIo, stop.signal);
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
      },
    );

  program
    .command("check")
    .description("parse and lint without running; exit 2 on errors")
    .argument("<files...>", "the .na files to check")
    .option("--json", "print diagnostics as JSON on stdout", false)
    .action((files: string[], options: { json: boolean }) => {
      exitCode = checkCommand(files, options, commandIo);
    });

  program
    .command("types")
    .description("generate TypeScript declarations (NAME.na.d.ts) from Dana type annotations")
    .argument("<files...>", "the .na modules to describe")
    .option("-o, --out <dir>", "write the declarations into this folder instead of beside each file")
    .action((files: string[], options: { out?: string }) => {
      exitCode = typesCommand(files, options, commandIo);
    });

  program
    .command("repl")
    .description("an interactive Dana session (reads a script from a pipe without prompts)")
    .option("-m, --module-path <dir>", "add a module search directory (repeatable)", collect, [])
    .option("--timeout-ms <ms>", "bound each input's interpreter time", positiveInteger)
    .action(async (options: { modulePath: string[]; timeoutMs?: number }) => {
      const input = io.stdinStream ?? process.stdin;
      const interactive = Boolean(input.isTTY);
      const historyFile =
        io.environment.DANA_REPL_HISTORY ??
        (io.environment.HOME ? `${io.environment.HOME}/.dana_repl_history` : undefined);
      exitCode = await startRepl(
        { ...options, ...(historyFile ? { historyFile } : {}) },
        { input, interactive, output: io.stdoutStream },
        commandIo,
      );
    });

  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    // commander throws on --help/--version (exit 0) and on usage errors (exit 2 here, like other CLIs).
    const code = (error as { exitCode?: number }).exitCode;
    if (typeof code === "number") return code === 0 ? 0 : 2;
    throw error;
  }
  return exitCode;
}
