/**
 * Reads the expectations written as comments in a golden `.na` case (format: ../README.md).
 *
 * The comments are found by plain text scanning, not by the Dana lexer: the case suite must stay
 * independent from the parser it checks.
 */

export interface ExpectedError {
  readonly type: string;
  readonly messageSubstring: string | null;
  readonly line: number | null;
}

export interface ExpectedSyntaxError {
  readonly messageSubstring: string | null;
  readonly line: number | null;
  readonly column: number | null;
}

export interface CaseExpectations {
  /** Expected stdout, one entry per line, in file order. */
  readonly stdout: readonly string[];
  readonly error: ExpectedError | null;
  readonly syntaxErrors: readonly ExpectedSyntaxError[];
  /** Fields of `Limits` for this case. */
  readonly limits: Readonly<Record<string, number>>;
  readonly skipReason: string | null;
  /** `# host: async-modules` — the module resolver answers through promises (a host reading files asynchronously). */
  readonly asyncModules: boolean;
}

const STDOUT = /#\s?expect:(.*)$/;
const ERROR = /#\s?expect error:(.*)$/;
const SYNTAX_ERROR = /#\s?expect syntax error:(.*)$/;
const OPTIONS = /#\s?options:(.*)$/;
const SKIP = /#\s?skip:(.*)$/;
const HOST = /#\s?host:(.*)$/;
const hostFlags = new Set(["async-modules"]);

export function readExpectations(source: string, file: string): CaseExpectations {
  const stdout: string[] = [];
  const syntaxErrors: ExpectedSyntaxError[] = [];
  let error: ExpectedError | null = null;
  let limits: Record<string, number> = {};
  let skipReason: string | null = null;
  let asyncModules = false;

  for (const line of source.split(/\r?\n/)) {
    let match = STDOUT.exec(line);
    if (match) {
      // Exactly one space separates the colon from the text; anything after it is significant.
      const text = match[1] ?? "";
      stdout.push(text.startsWith(" ") ? text.slice(1) : text);
      continue;
    }
    match = ERROR.exec(line);
    if (match) {
      if (error) throw new Error(`${file}: more than one "# expect error:" line`);
      error = parseError(match[1] ?? "", file);
      continue;
    }
    match = SYNTAX_ERROR.exec(line);
    if (match) {
      syntaxErrors.push(parseSyntaxError(match[1] ?? ""));
      continue;
    }
    match = OPTIONS.exec(line);
    if (match) {
      limits = { ...limits, ...(JSON.parse(match[1] ?? "{}") as Record<string, number>) };
      continue;
    }
    match = SKIP.exec(line);
    if (match) {
      skipReason = (match[1] ?? "").trim();
      continue;
    }
    match = HOST.exec(line);
    if (match) {
      const flag = (match[1] ?? "").trim();
      if (!hostFlags.has(flag)) throw new Error(`${file}: unknown host flag "${flag}"`);
      if (flag === "async-modules") asyncModules = true;
    }
  }
  if (error && syntaxErrors.length > 0) {
    throw new Error(`${file}: a case expects either a runtime error or syntax errors, not both`);
  }
  return { stdout, error, syntaxErrors, limits, skipReason, asyncModules };
}

/** `Type`, `Type: substring`, either optionally followed by `@ LINE`. */
function parseError(text: string, file: string): ExpectedError {
  const { body, position } = splitPosition(text);
  const colon = body.indexOf(":");
  const type = (colon === -1 ? body : body.slice(0, colon)).trim();
  const messageSubstring = colon === -1 ? null : body.slice(colon + 1).trim() || null;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(type)) throw new Error(`${file}: bad error type "${type}"`);
  return { type, messageSubstring, line: position?.line ?? null };
}

/** `substring`, optionally followed by `@ LINE` or `@ LINE:COL`. */
function parseSyntaxError(text: string): ExpectedSyntaxError {
  const { body, position } = splitPosition(text);
  return { messageSubstring: body.trim() || null, line: position?.line ?? null, column: position?.column ?? null };
}

function splitPosition(text: string): { body: string; position: { line: number; column: number | null } | null } {
  const match = /\s@\s*(\d+)(?::(\d+))?\s*$/.exec(text);
  if (!match) return { body: text, position: null };
  return {
    body: text.slice(0, match.index),
    position: { line: Number(match[1]), column: match[2] === undefined ? null : Number(match[2]) },
  };
}
