export interface ParsedArguments {
  command: string | undefined;
  flags: Set<string>;
  /** Options that take a value; `--suite` may repeat. */
  values: Map<string, string[]>;
}

const valueOptions = new Set(["--suite", "--results", "--baseline", "--output", "--tolerance", "--runs"]);

export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** A deliberately small parser: the CLI has four commands and a handful of options. */
export function parseArguments(argv: readonly string[]): ParsedArguments {
  const [command, ...rest] = argv;
  const flags = new Set<string>();
  const values = new Map<string, string[]>();
  for (let index = 0; index < rest.length; index++) {
    const argument = rest[index]!;
    const [key, inlineValue] = argument.includes("=") ? argument.split("=", 2) : [argument, undefined];
    if (valueOptions.has(key!)) {
      const value = inlineValue ?? rest[++index];
      if (value === undefined) throw new UsageError(`${key} needs a value`);
      values.set(key!, [...(values.get(key!) ?? []), value]);
    } else if (argument.startsWith("--")) {
      flags.add(argument);
    } else {
      throw new UsageError(`unexpected argument "${argument}"`);
    }
  }
  return { command, flags, values };
}

export function lastValue(parsed: ParsedArguments, key: string): string | undefined {
  return parsed.values.get(key)?.at(-1);
}
