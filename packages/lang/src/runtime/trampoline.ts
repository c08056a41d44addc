/**
 * Drivers for the generator ("may suspend") compilation.
 *
 * Generator closures yield two things:
 * - a promise, where the host works asynchronously (a host function, reason(), module resolution):
 *   `driveAsync` awaits it and resumes the program with the result (time spent waiting is excluded from
 *   the deadline); `driveSync` cannot wait and reports that the program needs `evaluate()`;
 * - a `NestedCall`, at every Dana function call: the driver runs the callee's generator on its own explicit
 *   stack and sends the result back. So the host stack does not grow with Dana recursion on this path (a
 *   `yield*` chain would cost several host frames per Dana call, and resuming it would cost O(depth)).
 */
import { DanaException } from "../errors.js";
import { needsAsynchronousError, toDanaException } from "./runtime-errors.js";
import type { Runtime } from "./runtime-state.js";

export type Suspendable<T> = Generator<unknown, T, unknown>;

/** Yielded by a generator to have the driver run `generator` and send back its result. */
export class NestedCall {
  constructor(readonly generator: Suspendable<unknown>) {}
}

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

/** Host failures become Dana errors the program can see (and catch). */
export function hostFailure(error: unknown): DanaException {
  if (error instanceof DanaException) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new DanaException("RuntimeError", `host call failed: ${message}`, { cause: error });
}

/**
 * Runs the generator stack until it finishes (returns { done: true, value }) or yields a promise (returns
 * { done: false, promise }). `input`/`failed` is what to send into the top generator first.
 */
function advance(
  stack: Suspendable<unknown>[],
  input: unknown,
  failed: boolean,
): { done: true; value: unknown } | { done: false; promise: unknown } {
  for (;;) {
    const top = stack[stack.length - 1]!;
    let step: IteratorResult<unknown, unknown>;
    try {
      step = failed ? top.throw(input) : top.next(input);
    } catch (error) {
      stack.pop();
      if (stack.length === 0) throw error;
      input = error;
      failed = true;
      continue;
    }
    if (step.done) {
      stack.pop();
      if (stack.length === 0) return { done: true, value: step.value };
      input = step.value;
      failed = false;
      continue;
    }
    if (step.value instanceof NestedCall) {
      stack.push(step.value.generator);
      input = undefined;
      failed = false;
      continue;
    }
    return { done: false, promise: step.value };
  }
}

function abandon(stack: Suspendable<unknown>[], pending: unknown): void {
  abandonPromise(pending);
  for (let index = stack.length - 1; index >= 0; index--) {
    try {
      stack[index]!.return(undefined as never);
    } catch {
      // Cleanup code threw while unwinding; the caller reports the suspension error instead.
    }
  }
}

export function driveSync<T>(runtime: Runtime, generator: Suspendable<T>, what = "this code"): T {
  const stack: Suspendable<unknown>[] = [generator];
  const outcome = advance(stack, undefined, false);
  if (outcome.done) return outcome.value as T;
  abandon(stack, outcome.promise);
  throw needsAsynchronousError(runtime.asynchronousMode, what);
}

export async function driveAsync<T>(runtime: Runtime, generator: Suspendable<T>): Promise<T> {
  const stack: Suspendable<unknown>[] = [generator];
  let input: unknown;
  let failed = false;
  for (;;) {
    let outcome: ReturnType<typeof advance>;
    try {
      outcome = advance(stack, input, failed);
    } catch (error) {
      throw toDanaException(error);
    }
    if (outcome.done) return outcome.value as T;
    const started = runtime.now();
    const pending = outcome.promise as PromiseLike<unknown>;
    try {
      input = await new Promise((resolve, reject) => {
        runtime.cancelWait = reject;
        pending.then(resolve, (error: unknown) => reject(hostFailure(error)));
      });
      failed = false;
    } catch (error) {
      abandonPromise(pending);
      input = error;
      failed = true;
    } finally {
      runtime.cancelWait = null;
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
