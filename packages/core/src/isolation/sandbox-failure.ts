/**
 * Turns how a sandbox ended into the error its callers see. The crash itself (exit code, signal, out-of-memory)
 * is always a `DanaCrashedError`; a request that was waiting gets the error that explains it from the caller's
 * side — out of memory, out of time, cancelled — with that crash as its `cause`.
 */
import { DanaCrashedError, DanaMemoryLimitError, DanaTimeoutError } from "../errors/classes.js";
import type { DanaError } from "../errors/dana-error.js";
import { describeExit } from "./await-ready.js";
import type { SandboxExit } from "./sandbox-port.js";

/** Why the host ended the sandbox itself, if it did. */
export type TerminationReason =
  | { readonly kind: "watchdog"; readonly silentForMs: number; readonly budgetMs: number }
  | { readonly kind: "cancelled"; readonly graceMs: number }
  | { readonly kind: "violation"; readonly problem: string }
  | { readonly kind: "closed" };

const recreate = "its state is lost: create a new context";

export function crashError(kind: string, exit: SandboxExit, reason: TerminationReason | null): DanaCrashedError {
  const fields = { exitCode: exit.exitCode, signal: exit.signal, outOfMemory: exit.outOfMemory };
  let message: string;
  if (reason?.kind === "watchdog") {
    message = `the ${kind} sandbox was terminated by the host watchdog after ${Math.round(reason.silentForMs)} ms without answering (budget ${reason.budgetMs} ms)`;
  } else if (reason?.kind === "cancelled") {
    message = `the ${kind} sandbox was terminated because it did not stop within ${reason.graceMs} ms of a cancellation`;
  } else if (reason?.kind === "violation") {
    message = `the ${kind} sandbox broke the protocol (${reason.problem}) and was terminated`;
  } else if (reason?.kind === "closed") {
    message = `the ${kind} sandbox was closed`;
  } else if (exit.outOfMemory) {
    message = `the ${kind} sandbox ran out of memory and stopped (${describeExit(exit)})`;
  } else {
    message = `the ${kind} sandbox stopped unexpectedly (${describeExit(exit)})`;
  }
  return new DanaCrashedError(reason?.kind === "closed" ? message : `${message}; ${recreate}`, fields);
}

/** The error for a request that was in flight when the sandbox ended. */
export function requestError(crash: DanaCrashedError, reason: TerminationReason | null): DanaError {
  if (reason?.kind === "watchdog") {
    return new DanaTimeoutError(
      { danaType: "TimeoutError", danaMessage: crash.message, limit: "timeout" },
      { cause: crash },
    );
  }
  if (reason?.kind === "cancelled") {
    return new DanaTimeoutError(
      { danaType: "TimeoutError", danaMessage: crash.message, limit: "cancelled" },
      { cause: crash },
    );
  }
  if (crash.outOfMemory) {
    return new DanaMemoryLimitError({ danaType: "MemoryError", danaMessage: crash.message }, { cause: crash });
  }
  return crash;
}
