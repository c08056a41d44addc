/**
 * A function implemented in TypeScript: the builtin table (`print`, `len`, …) and bound methods of builtin
 * values (`f = xs.append`). The evaluator calls `implementation` with the services it provides.
 */
import type { RuntimeServices } from "../values/services.js";
import { DanaCallable, type KeywordArguments, type Value } from "../values/types.js";

export type BuiltinImplementation = (
  positional: readonly Value[],
  keywords: KeywordArguments,
  services: RuntimeServices,
) => Value;

export class DanaBuiltinFunction extends DanaCallable {
  readonly kind = "builtin";
  constructor(
    readonly name: string,
    readonly implementation: BuiltinImplementation,
    readonly parameterNames: readonly string[] = [],
    /** The receiver of a bound method (`xs` in `xs.append`), for printing; undefined for plain builtins. */
    readonly boundTo: Value | undefined = undefined,
  ) {
    super();
  }
}
