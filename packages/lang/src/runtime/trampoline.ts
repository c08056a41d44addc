/**
 * Drivers for the generator ("may suspend") compilation.
 *
 * Generator closures yield a promise only where the host works asynchronously (a host function, reason(),
 * module resolution). `driveAsync` awaits it and resumes the program with the result; the time spent waiting
 * is excluded from the deadline. `driveSync` runs a generator that is not expected to yield: if it does, the
 * program needs an asynchronous host call that a synchronous caller cannot wait for.
 */
import { DanaException } from "../errors.js";
import { needsAsynchronousError, toDanaException } from "./runtime-errors.js";
import type { Runtime } from "./runtime-state.js";

export type Suspendable<T> = Generator<unknown, T, unknown>;

export function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function" &&
    !(value instanceof DanaException)
  );
}

/** The host call already started; make sure its rejection is not reported as unhandled. */
export function abandonPromise(pending: unknown): void {
  if (isPromiseLike(pending)) Promise.resolve(pending).catch(() => undefined);
}

function abandon(generator: Suspendable<unknown>, pending: unknown): void {
  abandonPromise(pending);
  try {
    generator.return(undefined as never);
  } catch {
    // Cleanup code threw while unwinding; the caller reports the suspension error instead.
  }
}

export function driveSync<T>(runtime: Runtime, generator: Suspendable<T>, what = "this code"): T {
  const step = generator.next();
  if (step.done) return step.value;
  abandon(generator, step.value);
  throw needsAsynchronousError(runtime.asynchronousMode, what);
}

/** Host failures become Dana errors the program can see (and catch). */
export function hostFailure(error: unknown): DanaException {
  if (error instanceof DanaException) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new DanaException("RuntimeError", `host call failed: ${message}`, { cause: error });
}

export async function driveAsync<T>(runtime: Runtime, generator: Suspendable<T>): Promise<T> {
  let input: unknown;
  let failed = false;
  for (;;) {
    let step: IteratorResult<unknown, T>;
    try {
      step = failed ? generator.throw(input) : generator.next(input);
    } catch (error) {
      throw toDanaException(error);
    }
    if (step.done) return step.value;
    const started = runtime.now();
    try {
      input = await step.value;
      failed = false;
    } catch (error) {
      input = hostFailure(error);
      failed = true;
    }
    runtime.hostWaitMilliseconds += runtime.now() - started;
    try {
      runtime.checkCancelled();
    } catch (error) {
      input = error;
      failed = true;
    }
  }
}
