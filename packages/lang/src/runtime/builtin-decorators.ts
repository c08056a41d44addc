/**
 * The corelib decorators of spec T2.5 that do not need Tier 3: `@log_calls`, `@log_with_prefix("p")` and
 * `@repeat(n)`. They wrap a callable in a `DanaWrappedFunction`, which the call paths (sync and generator)
 * know how to run, so a decorated function may still wait for the host. Log lines go to the host logger,
 * never to stdout. (`validate_args` and `poet` stay "not supported".)
 */
import { DanaException } from "../errors.js";
import { repr } from "../values/index.js";
import { DanaCallable, DanaHostFunction, type KeywordArguments, type Value } from "../values/types.js";
import type { Runtime } from "./runtime-state.js";

export class DanaWrappedFunction extends DanaCallable {
  readonly kind = "function";
  readonly parameterNames: readonly string[];
  constructor(
    readonly name: string,
    readonly inner: Value,
    /** How many times each call runs the inner callable (`@repeat(n)`); the last result is returned. */
    readonly times: number,
    readonly beforeCall: ((positional: readonly Value[], keywords: KeywordArguments | null) => void) | null,
    readonly afterCall: ((result: Value) => void) | null,
  ) {
    super();
    this.parameterNames = inner instanceof DanaCallable ? inner.parameterNames : [];
  }
}

function nameOf(value: Value): string {
  return value instanceof DanaCallable ? value.name : "<callable>";
}

function describeCall(runtime: Runtime, name: string, positional: readonly Value[], keywords: KeywordArguments | null) {
  const parts = positional.map((value) => repr(value, runtime.limits));
  for (const [key, value] of keywords ?? []) parts.push(`${key}=${repr(value, runtime.limits)}`);
  return `${name}(${parts.join(", ")})`;
}

function logging(runtime: Runtime, inner: Value, prefix: string): DanaWrappedFunction {
  const name = nameOf(inner);
  return new DanaWrappedFunction(
    name,
    inner,
    1,
    (positional, keywords) =>
      runtime.log("INFO", `${prefix}Calling ${describeCall(runtime, name, positional, keywords)}`),
    (result) => runtime.log("INFO", `${prefix}${name} returned ${repr(result, runtime.limits)}`),
  );
}

export function installBuiltinDecorators(runtime: Runtime): void {
  runtime.runtimeFunctions.set(
    "log_calls",
    new DanaHostFunction("log_calls", (positional) => logging(runtime, positional[0] ?? null, ""), ["function"]),
  );
  runtime.runtimeFunctions.set(
    "log_with_prefix",
    new DanaHostFunction(
      "log_with_prefix",
      (positional) => {
        const prefix = positional[0];
        const text = typeof prefix === "string" ? prefix : repr(prefix ?? null, runtime.limits);
        return new DanaHostFunction("log_with_prefix", (inner) => logging(runtime, inner[0] ?? null, `${text} `));
      },
      ["prefix"],
    ),
  );
  runtime.runtimeFunctions.set(
    "repeat",
    new DanaHostFunction(
      "repeat",
      (positional) => {
        const times = positional[0];
        if (typeof times !== "number" || times < 1) {
          throw new DanaException("TypeError", "repeat(n) needs a positive int");
        }
        return new DanaHostFunction(
          "repeat",
          (inner) => new DanaWrappedFunction(nameOf(inner[0] ?? null), inner[0] ?? null, times, null, null),
        );
      },
      ["times"],
    ),
  );
}
