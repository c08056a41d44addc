/**
 * Per-request `signal` and `timeoutMs`. The interpreter checks for cancellation at its next step, but a
 * program waiting on the host (a slow model, a hung host function) takes no steps: the caller's promise is
 * therefore rejected at once, and the program is cancelled so it stops as soon as it runs again.
 */
import { DanaTimeoutError } from "../errors/classes.js";
import type { RequestOptions } from "./options.js";

export function cancelledError(reason: "timeout" | "cancelled", detail: string): DanaTimeoutError {
  return new DanaTimeoutError({ danaType: "TimeoutError", danaMessage: detail, limit: reason });
}

export async function withRequestControl<T>(
  options: RequestOptions,
  cancel: (reason: string) => void,
  run: (signal: AbortSignal | undefined) => Promise<T>,
): Promise<T> {
  const { signal, timeoutMs } = options;
  if (signal === undefined && timeoutMs === undefined) return run(undefined);
  if (signal?.aborted) throw cancelledError("cancelled", "the request was aborted before it started");
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const stopped = new Promise<never>((_, reject) => {
    const stop = (error: DanaTimeoutError) => {
      controller.abort(error);
      cancel(error.danaMessage);
      reject(error);
    };
    if (timeoutMs !== undefined) {
      timer = setTimeout(
        () => stop(cancelledError("timeout", `the request took longer than timeoutMs (${timeoutMs} ms)`)),
        timeoutMs,
      );
    }
    if (signal) {
      onAbort = () => stop(cancelledError("cancelled", "the request was aborted by its signal"));
      signal.addEventListener("abort", onAbort, { once: true });
    }
  });
  stopped.catch(() => {}); // rejection is observed through the race below
  try {
    return await Promise.race([run(controller.signal), stopped]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener("abort", onAbort);
  }
}
