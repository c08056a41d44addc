/**
 * Turns what the language package throws (`DanaException`, `DanaLimitError`, `DanaSyntaxException`) into the
 * gateway's public error classes. Runs inside the sandbox server, before errors cross the wire.
 */
import type { DanaException, DanaLimitError, DanaSyntaxException, TraceFrame } from "@dana-gateway/lang";
import {
  CapabilityDeniedError,
  DanaMemoryLimitError,
  DanaRuntimeError,
  type DanaRuntimeErrorFields,
  DanaSyntaxError,
  DanaTimeoutError,
  ModuleNotFoundError,
} from "./classes.js";
import { DanaError } from "./dana-error.js";

function isSyntaxException(error: unknown): error is DanaSyntaxException {
  return error instanceof Error && error.name === "DanaSyntaxException" && "diagnostics" in error;
}

function isDanaException(error: unknown): error is DanaException {
  return error instanceof Error && "danaType" in error && "traceback" in error;
}

function isLimitError(error: DanaException): error is DanaLimitError {
  return "limit" in error && typeof (error as { limit?: unknown }).limit === "string";
}

/** Converts any error raised while running Dana into a `DanaError` (already-converted errors pass through). */
export function toDanaError(error: unknown): DanaError {
  if (DanaError.isInstance(error)) return error;
  if (isSyntaxException(error)) return new DanaSyntaxError(error.diagnostics, { cause: error });
  if (isDanaException(error)) return fromDanaException(error);
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    // The evaluator caps recursion below the host stack; reaching this means a host-side recursion bug.
    return new DanaRuntimeError({ danaType: "RecursionError", danaMessage: error.message }, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new DanaError(`Internal error in the Dana runtime: ${message}`, { cause: error });
}

function fromDanaException(error: DanaException): DanaError {
  const frames: TraceFrame[] = [...error.traceback];
  const location = error.location
    ? { file: error.location.file, line: error.location.span.line, column: error.location.span.column }
    : null;
  const fields: DanaRuntimeErrorFields = { danaType: error.danaType, danaMessage: error.message, location, frames };
  const options = { cause: error };
  if (isLimitError(error)) {
    switch (error.limit) {
      case "timeout":
      case "steps":
      case "cancelled":
        return new DanaTimeoutError({ ...fields, limit: error.limit }, options);
      case "memory":
        return new DanaMemoryLimitError(fields, options);
      default:
        return new DanaRuntimeError(fields, options);
    }
  }
  // Host-side denials travel through Dana as catchable Dana errors whose cause is the original gateway error.
  const hostCause = DanaError.isInstance(error.cause) ? error.cause : undefined;
  switch (error.danaType) {
    case "CapabilityDeniedError":
      return new CapabilityDeniedError(
        { ...fields, capability: CapabilityDeniedError.isInstance(hostCause) ? hostCause.capability : "unknown" },
        options,
      );
    case "ModuleNotFoundError":
      return new ModuleNotFoundError({ ...fields, moduleName: moduleNameFrom(error.message) }, options);
    case "MemoryError":
      return new DanaMemoryLimitError(fields, options);
    default:
      return new DanaRuntimeError(fields, options);
  }
}

/** Lang's message names the module in quotes ("No module named 'a.b'"); fall back to the whole message. */
function moduleNameFrom(message: string): string {
  return /'([^']+)'/.exec(message)?.[1] ?? message;
}
