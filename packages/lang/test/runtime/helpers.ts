import { DanaException, type DanaHost, Interpreter, type Limits, type Value } from "../../src/index.js";
import { repr } from "../../src/values/index.js";

export interface RunOutcome {
  readonly value: Value;
  readonly stdout: string;
}

/** Strips the common indentation so programs can be written inline in tests. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, "").split("\n");
  const indents = lines.filter((line) => line.trim() !== "").map((line) => line.match(/^ */)![0].length);
  const common = Math.min(...indents);
  return `${lines
    .map((line) => line.slice(common))
    .join("\n")
    .trimEnd()}\n`;
}

export function createInterpreter(host: Partial<DanaHost> = {}, limits?: Partial<Limits>) {
  const output: string[] = [];
  const interpreter = new Interpreter({
    host: { writeStdout: (text) => output.push(text), ...host },
    limits,
  });
  return { interpreter, stdout: () => output.join("") };
}

export async function run(source: string, host: Partial<DanaHost> = {}, limits?: Partial<Limits>): Promise<RunOutcome> {
  const { interpreter, stdout } = createInterpreter(host, limits);
  const { value } = await interpreter.evaluate(dedent(source), { file: "test.na" });
  return { value, stdout: stdout() };
}

export function runSync(source: string, host: Partial<DanaHost> = {}, limits?: Partial<Limits>): RunOutcome {
  const { interpreter, stdout } = createInterpreter(host, limits);
  const { value } = interpreter.evaluateSync(dedent(source), { file: "test.na" });
  return { value, stdout: stdout() };
}

/** The printed lines of a program. */
export async function lines(source: string, host: Partial<DanaHost> = {}): Promise<string[]> {
  const { stdout } = await run(source, host);
  return stdout.split("\n").slice(0, -1);
}

/** Runs a program that must fail, returning the Dana error. */
export async function failure(source: string, host: Partial<DanaHost> = {}, limits?: Partial<Limits>) {
  try {
    await run(source, host, limits);
  } catch (error) {
    if (error instanceof DanaException) return error;
    throw error;
  }
  throw new Error("expected the program to fail");
}

export function show(value: Value): string {
  return repr(value);
}
