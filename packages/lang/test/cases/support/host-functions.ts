/**
 * Host functions the test host grants every case (`DanaHost.functions`), to check calls into the host from
 * Dana code — in particular asynchronous ones, which must suspend the program transparently (decision 1)
 * wherever the call appears: loops, comprehensions, lambdas passed to builtins, pipelines, modules.
 */
import { DanaException, type KeywordArguments, type Value } from "../../../src/index.js";

type HostFunction = (positional: readonly Value[], keywords: KeywordArguments) => Value | Promise<Value>;

function smallInt(value: Value | undefined, name: string): number {
  if (typeof value !== "number") throw new DanaException("TypeError", `${name} expects an int`);
  return value;
}

/** Resolves on a later macrotask, so the evaluator really has to wait. */
function later<T>(produce: () => T): Promise<T> {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      try {
        resolve(produce());
      } catch (error) {
        reject(error);
      }
    }, 0);
  });
}

export const caseHostFunctions: ReadonlyMap<string, HostFunction> = new Map<string, HostFunction>([
  // Synchronous: the sum of two ints.
  ["host_add", (positional) => smallInt(positional[0], "host_add") + smallInt(positional[1], "host_add")],
  // Asynchronous: its argument, unchanged, after a macrotask.
  ["host_echo_later", (positional) => later(() => positional[0] ?? null)],
  // Asynchronous: the sum of two ints, after a macrotask.
  [
    "host_add_later",
    (positional) => later(() => smallInt(positional[0], "host_add_later") + smallInt(positional[1], "host_add_later")),
  ],
  // Asynchronous failure: rejects with a Dana ValueError carrying the given message.
  [
    "host_fail_later",
    (positional) =>
      later(() => {
        throw new DanaException("ValueError", String(positional[0] ?? "host failure"));
      }),
  ],
  // Asynchronous: waits the given number of milliseconds of host time, then returns None.
  [
    "host_sleep",
    (positional) =>
      new Promise<Value>((resolve) => setTimeout(() => resolve(null), smallInt(positional[0], "host_sleep"))),
  ],
  // Synchronous: the keyword argument names it received, comma-separated, in written order.
  ["host_keyword_names", (_positional, keywords) => [...keywords.keys()].join(",")],
]);
