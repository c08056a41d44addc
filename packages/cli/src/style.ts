import { styleText } from "node:util";

/** Colour only when writing to a terminal (and NO_COLOR is unset), never into pipes or files. */
export type Painter = (format: Parameters<typeof styleText>[0], text: string) => string;

export function painterFor(stream: NodeJS.WriteStream, environment: NodeJS.ProcessEnv = process.env): Painter {
  const enabled = Boolean(stream.isTTY) && environment.NO_COLOR === undefined && environment.TERM !== "dumb";
  return enabled ? (format, text) => styleText(format, text) : (_format, text) => text;
}
