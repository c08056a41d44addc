import { existsSync, readFileSync } from "node:fs";
import { appendFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { parse, repr } from "@dana-gateway/lang";
import type { CommandIo } from "../commands/run.js";
import { reportFailure } from "../failure.js";
import { nodeFileSystem } from "../file-system.js";
import { createCliInterpreter } from "../interpreter-factory.js";
import { needsMoreInput } from "./continuation.js";

export interface ReplOptions {
  readonly modulePath: readonly string[];
  readonly timeoutMs?: number;
  /** Where history is kept between sessions; none when undefined. */
  readonly historyFile?: string;
}

export interface ReplStreams {
  readonly input: NodeJS.ReadableStream;
  /** True when a person is typing: prompts, banner and history are shown only then. */
  readonly interactive: boolean;
  readonly output: NodeJS.WritableStream;
}

const help = `Dana REPL commands:
  :help          show this help
  :load FILE     run a file in this session (its names stay defined)
  :reset         forget every name and module defined so far
  :quit          leave (Ctrl-D works too)
Blocks (if/def/for/…) continue until an empty line; open brackets continue automatically.
`;

/** The interactive loop. Resolves with the exit code when input ends. */
export async function startRepl(options: ReplOptions, streams: ReplStreams, io: CommandIo): Promise<number> {
  const anchor = path.join(process.cwd(), "<repl>");
  const makeSession = () =>
    createCliInterpreter({
      anchor,
      modulePath: options.modulePath,
      environment: io.environment,
      writeStdout: io.stdout,
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    });
  let session = makeSession();
  const history = loadHistory(options.historyFile, streams.interactive);
  const lineReader = createInterface({
    input: streams.input,
    ...(streams.interactive ? { output: streams.output } : {}),
    terminal: streams.interactive,
    history,
    historySize: 1000,
    prompt: streams.interactive ? ">>> " : "",
  });
  const sources = new Map<string, string>();
  let inputNumber = 0;
  let buffer: string[] = [];
  let lastExit = 0;

  const evaluate = async (source: string, file: string) => {
    sources.set(file, source);
    const expression = endsWithExpression(source, file);
    try {
      const { value } = await session.interpreter.evaluate(source, { file });
      if (expression && value !== null) io.stdout(`${repr(value)}\n`);
      lastExit = 0;
    } catch (error) {
      const lookup = (name: string) => sources.get(name) ?? nodeFileSystem.readFile(name) ?? undefined;
      lastExit = reportFailure(error, lookup, io, false);
    }
  };

  const handleCommand = async (line: string): Promise<boolean> => {
    const [command, ...rest] = line.trim().split(/\s+/);
    const argument = rest.join(" ");
    switch (command) {
      case ":help":
        io.stdout(help);
        return true;
      case ":quit":
      case ":exit":
        lineReader.close();
        return true;
      case ":reset":
        await session.close();
        session = makeSession();
        sources.clear();
        if (streams.interactive) io.stdout("(session reset)\n");
        return true;
      case ":load": {
        if (!argument) {
          io.stderr(":load needs a file name\n");
          return true;
        }
        const source = nodeFileSystem.readFile(argument);
        if (source === null) io.stderr(`${argument}: cannot read file\n`);
        else await evaluate(source, argument);
        return true;
      }
      default:
        io.stderr(`unknown command ${command} — type :help\n`);
        return true;
    }
  };

  if (streams.interactive) io.stdout("Dana REPL — :help for commands, Ctrl-D to leave.\n");
  lineReader.prompt();
  for await (const line of lineReader) {
    if (buffer.length === 0 && line.trim().startsWith(":")) {
      await handleCommand(line);
    } else if (buffer.length > 0 || line.trim() !== "") {
      buffer.push(line);
      if (needsMoreInput(buffer)) {
        lineReader.setPrompt(streams.interactive ? "... " : "");
        lineReader.prompt();
        continue;
      }
      const source = buffer.join("\n");
      buffer = [];
      inputNumber++;
      if (options.historyFile && streams.interactive)
        await appendFile(options.historyFile, `${source}\n`).catch(() => {});
      await evaluate(source, `<stdin:${inputNumber}>`);
    }
    lineReader.setPrompt(streams.interactive ? ">>> " : "");
    lineReader.prompt();
  }
  // Input ended in the middle of a block: run what was typed, as Python does.
  if (buffer.some((line) => line.trim() !== "")) await evaluate(buffer.join("\n"), `<stdin:${inputNumber + 1}>`);
  await session.close();
  if (streams.interactive) io.stdout("\n");
  return streams.interactive ? 0 : lastExit;
}

/** Python's REPL echoes the value of an expression statement, not of an assignment. */
function endsWithExpression(source: string, file: string): boolean {
  const { program } = parse(source, { file });
  return program.body.at(-1)?.kind === "ExpressionStatement";
}

function loadHistory(file: string | undefined, interactive: boolean): string[] {
  if (!file || !interactive || !existsSync(file)) return [];
  return readFileSync(file, "utf8").split("\n").filter(Boolean).reverse().slice(0, 1000);
}
