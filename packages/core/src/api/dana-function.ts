/**
 * A Dana function as a TypeScript async function: `await fn(1, 2)` positional, `await fn.callKwargs(1, { h: 3 })`
 * with keyword arguments in a trailing object (pyodide's convention).
 */
import type { Value } from "@dana-gateway/lang";
import { ResourceError } from "../errors/classes.js";
import { type GatewayScope, wrapperTargets } from "./gateway-scope.js";

export interface DanaFunction<Arguments extends unknown[] = unknown[], Result = unknown> {
  (...args: Arguments): Promise<Result>;
  /** The last argument is an object of keyword arguments: `fn.callKwargs(1, { scale: 2 })`. */
  callKwargs(...argumentsAndKeywords: [...unknown[], Readonly<Record<string, unknown>>]): Promise<Result>;
  readonly name: string;
  readonly parameterNames: readonly string[];
  /** False after `dispose()` or when the context closed. */
  readonly alive: boolean;
  /** Releases the sandbox handle (isolated modes); later calls throw `ResourceError`. Idempotent. */
  dispose(): void;
  [Symbol.dispose](): void;
}

export function createDanaFunction(
  scope: GatewayScope,
  target: Value,
  name: string,
  parameterNames: readonly string[],
): DanaFunction {
  let disposed = false;
  const client = scope.client;
  const converter = scope.converter;
  const checkAlive = () => {
    if (disposed) {
      throw new ResourceError(
        "function",
        `Dana function '${name}' was disposed; get it again from its module or context`,
      );
    }
    scope.checkOpen(`calling Dana function '${name}'`);
  };

  const call = async (...args: unknown[]): Promise<unknown> => {
    checkAlive();
    const positional: Value[] = new Array(args.length);
    for (let index = 0; index < args.length; index++) {
      const argument = args[index];
      positional[index] =
        typeof argument === "number" && Number.isSafeInteger(argument) && !Object.is(argument, -0)
          ? argument
          : converter.toDana(argument, `args[${index}]`);
    }
    const result = await client.call(target, positional, undefined, {});
    return result === null || typeof result !== "object" ? result : converter.fromDana(result, "result");
  };

  const callKwargs = async (...args: unknown[]): Promise<unknown> => {
    checkAlive();
    const keywordsObject = args.pop();
    if (typeof keywordsObject !== "object" || keywordsObject === null || Array.isArray(keywordsObject)) {
      throw new TypeError(
        `Expected object, got ${keywordsObject === null ? "null" : typeof keywordsObject} at the last argument of callKwargs (the keyword arguments)`,
      );
    }
    const positional = args.map((argument, index) => converter.toDana(argument, `args[${index}]`));
    const keywords = new Map<string, Value>();
    for (const [key, value] of Object.entries(keywordsObject))
      keywords.set(key, converter.toDana(value, `kwargs.${key}`));
    const result = await client.call(target, positional, keywords, {});
    return converter.fromDana(result, "result");
  };

  const dispose = () => {
    if (disposed) return;
    disposed = true;
    scope.untrack(call);
    client.release(target);
  };

  Object.defineProperties(call, {
    name: { value: name },
    parameterNames: { value: Object.freeze([...parameterNames]), enumerable: true },
    callKwargs: { value: callKwargs },
    alive: { get: () => !disposed && !scope.closed },
    dispose: { value: dispose },
    [Symbol.dispose]: { value: dispose },
  });
  wrapperTargets.set(call, { target, scope });
  scope.track(call, target);
  return call as unknown as DanaFunction;
}
