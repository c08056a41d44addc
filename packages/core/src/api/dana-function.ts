/**
 * A Dana function as a TypeScript async function: `await fn(1, 2)` positional, `await fn.callKwargs(1, { h: 3 })`
 * with keyword arguments in a trailing object (pyodide's convention), `fn.withOptions({ signal, timeoutMs })`
 * for a cancellable variant.
 */
import type { Value } from "@dana-gateway/lang";
import type { ValueConverter } from "../conversion/value-converter.js";
import { ResourceError } from "../errors/classes.js";
import { type RequestOptions, validateRequestOptions } from "../runtime/options.js";
import { withRequestControl } from "../runtime/request-control.js";
import { type GatewayScope, wrapperTargets } from "./gateway-scope.js";

export interface DanaFunction<
  Arguments extends unknown[] = unknown[],
  Result = unknown,
  Keywords extends object = Readonly<Record<string, unknown>>,
> {
  (...args: Arguments): Promise<Result>;
  /** The last argument is an object of keyword arguments: `fn.callKwargs(1, { scale: 2 })`. */
  callKwargs(...argumentsAndKeywords: [...unknown[], Keywords]): Promise<Result>;
  /** The same function, with every call bounded by `timeoutMs` (wall clock) and cancelled by `signal`. */
  withOptions(options: RequestOptions): DanaFunction<Arguments, Result, Keywords>;
  readonly name: string;
  readonly parameterNames: readonly string[];
  /** False after `dispose()` or when the context closed. */
  readonly alive: boolean;
  /** Releases the sandbox handle (isolated modes); later calls throw `ResourceError`. Idempotent. */
  dispose(): void;
  [Symbol.dispose](): void;
}

function convertPositional(converter: ValueConverter, args: readonly unknown[]): Value[] {
  const positional: Value[] = new Array(args.length);
  for (let index = 0; index < args.length; index++) {
    const argument = args[index];
    // Safe ints are the most common argument and cannot fail: skip the converter entirely.
    positional[index] =
      typeof argument === "number" && Number.isSafeInteger(argument) && !Object.is(argument, -0)
        ? argument
        : converter.toDana(argument, `args[${index}]`);
  }
  return positional;
}

function convertKeywords(converter: ValueConverter, keywordsObject: unknown): Map<string, Value> {
  if (typeof keywordsObject !== "object" || keywordsObject === null || Array.isArray(keywordsObject)) {
    const got = keywordsObject === null ? "null" : Array.isArray(keywordsObject) ? "array" : typeof keywordsObject;
    throw new TypeError(`Expected object, got ${got} at the last argument of callKwargs (the keyword arguments)`);
  }
  const keywords = new Map<string, Value>();
  for (const [key, value] of Object.entries(keywordsObject))
    keywords.set(key, converter.toDana(value, `kwargs.${key}`));
  return keywords;
}

/** A `withOptions` variant: shares the original's handle (disposing a variant must not release it). */
interface Variant {
  readonly options: RequestOptions;
  readonly original: { readonly alive: boolean };
}

export function createDanaFunction(
  scope: GatewayScope,
  target: Value,
  name: string,
  parameterNames: readonly string[],
  variant: Variant | null = null,
): DanaFunction {
  const requestOptions = variant?.options ?? null;
  let disposed = false;
  const client = scope.client;
  const converter = scope.converter;
  const checkAlive = () => {
    if (disposed || (variant !== null && !variant.original.alive && !scope.closed)) {
      throw new ResourceError(
        "function",
        `Dana function '${name}' was disposed; get it again from its module or context`,
      );
    }
    scope.checkOpen(`calling Dana function '${name}'`);
  };
  const invoke = (positional: Value[], keywords: Map<string, Value> | undefined): Promise<Value> =>
    requestOptions === null
      ? client.call(target, positional, keywords, {})
      : withRequestControl(
          requestOptions,
          (reason) => client.cancel(reason),
          () => client.call(target, positional, keywords, {}),
        );

  const call = async (...args: unknown[]): Promise<unknown> => {
    checkAlive();
    const result = await invoke(convertPositional(converter, args), undefined);
    return result === null || typeof result !== "object" ? result : converter.fromDana(result, "result");
  };

  const callKwargs = async (...args: unknown[]): Promise<unknown> => {
    checkAlive();
    const keywords = convertKeywords(converter, args.pop());
    const result = await invoke(convertPositional(converter, args), keywords);
    return converter.fromDana(result, "result");
  };

  const withOptions = (options: RequestOptions): DanaFunction => {
    checkAlive();
    validateRequestOptions(options, "withOptions()");
    const original = variant?.original ?? (call as unknown as DanaFunction);
    return createDanaFunction(scope, target, name, parameterNames, {
      options: { ...requestOptions, ...options },
      original,
    });
  };

  const dispose = () => {
    if (disposed) return;
    disposed = true;
    if (variant !== null) return;
    scope.untrack(call);
    client.release(target);
  };

  Object.defineProperties(call, {
    name: { value: name },
    parameterNames: { value: Object.freeze([...parameterNames]), enumerable: true },
    callKwargs: { value: callKwargs },
    withOptions: { value: withOptions },
    alive: { get: () => !disposed && !scope.closed },
    dispose: { value: dispose },
    [Symbol.dispose]: { value: dispose },
  });
  wrapperTargets.set(call, { target, scope });
  if (variant === null) scope.track(call, target);
  return call as unknown as DanaFunction;
}
