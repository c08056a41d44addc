/**
 * Turning whatever was thrown into a located Dana error with a Dana traceback.
 *
 * Errors are located once, at the innermost node that knows its position (`locate`), which also records the
 * innermost traceback frame. Each Dana call site the error then unwinds through adds its caller's frame in
 * front (`addCallerFrame`), so the traceback reads outermost first, innermost last, like Python's.
 */
import { DanaException, type TraceFrame } from "../errors.js";
import type { Span } from "../source.js";

/** Where compiled code lives, for error positions and traceback frames. */
export interface CodeLocation {
  readonly file: string;
  /** Function name, or "<module>". */
  readonly functionName: string;
  readonly source: string;
}

const MAX_TRACEBACK_FRAMES = 200;

/** Converts anything thrown into a DanaException: host errors become InternalError / RecursionError. */
export function toDanaException(error: unknown): DanaException {
  if (error instanceof DanaException) return error;
  // Near the stack limit even a regular expression can overflow (and report a SyntaxError saying so), so
  // only plain string checks here, and on any error type.
  const text = error instanceof Error ? error.message : "";
  if (text.includes("Maximum call stack size exceeded")) {
    return new DanaException("RecursionError", "maximum recursion depth exceeded", { cause: error });
  }
  if (error instanceof RangeError && (text.includes("string length") || text.includes("array length"))) {
    return new DanaException("MemoryError", `value too large: ${error.message}`, { cause: error });
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new DanaException("InternalError", message, { cause: error });
}

const lineCache = new WeakMap<CodeLocation, string[]>();

function rawSourceLine(code: CodeLocation, line: number): string | undefined {
  let lines = lineCache.get(code);
  if (lines === undefined) {
    lines = code.source.split(/\r\n|\r|\n/);
    lineCache.set(code, lines);
  }
  return lines[line - 1];
}

export function sourceLine(code: CodeLocation, line: number): string | null {
  return rawSourceLine(code, line)?.trim() ?? null;
}

function traceFrame(code: CodeLocation, span: Span): TraceFrame {
  const raw = rawSourceLine(code, span.line);
  return {
    file: code.file,
    function: code.functionName,
    line: span.line,
    column: span.column,
    sourceLine: raw?.trim() ?? null,
    ...(raw === undefined ? {} : { indent: raw.length - raw.trimStart().length }),
    ...(span.endLine === span.line ? { endColumn: span.endColumn } : {}),
  };
}

/** Gives an error its position (if it has none yet) and its innermost traceback frame. */
export function locate(error: unknown, span: Span, code: CodeLocation): DanaException {
  const exception = toDanaException(error);
  if (exception.location === null) {
    exception.location = { file: code.file, span };
    exception.traceback.push(traceFrame(code, span));
  }
  return exception;
}

/** At a Dana call site: locate the error here if it has no position, else prepend the caller's frame. */
export function addCallerFrame(error: unknown, span: Span, code: CodeLocation): DanaException {
  const exception = toDanaException(error);
  if (exception.location === null) return locate(exception, span, code);
  if (exception.traceback.length < MAX_TRACEBACK_FRAMES) exception.traceback.unshift(traceFrame(code, span));
  return exception;
}

/** Raised when code reaches an asynchronous host call where it cannot wait (evaluateSync, a sync callback). */
export function needsAsynchronousError(asynchronousMode: boolean, what: string): DanaException {
  const message = asynchronousMode
    ? `internal error: ${what} was reached on the synchronous path (please report this); a synchronous callback cannot wait for the host`
    : `${what} needs an asynchronous host call; use evaluate()`;
  return new DanaException("RuntimeError", message, { catchable: false });
}
