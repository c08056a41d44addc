/**
 * `danaFunction("analytics.process_data")`: a typed callable that imports its module on first call, and
 * again after the context's modules were reloaded.
 */
import type { DanaFunction } from "../api/dana-function.js";
import type { DanaModule } from "../api/dana-module.js";
import { type RequestOptions, validateRequestOptions } from "./options.js";

export interface LazyFunctionSource {
  importModule(name: string): Promise<DanaModule>;
  /** Changes whenever modules are reloaded. */
  generation(): number;
}

interface Resolved {
  readonly generation: number;
  readonly function: DanaFunction;
}

export function createLazyFunction(
  moduleName: string,
  functionName: string,
  source: LazyFunctionSource,
  requestOptions: RequestOptions | null = null,
  /** Shared with `withOptions` variants, so a variant reuses what the original loaded. */
  shared: { resolved: Resolved | null } = { resolved: null },
): DanaFunction {
  const load = async (): Promise<DanaFunction> => {
    const generation = source.generation();
    const resolved = shared.resolved;
    if (resolved && resolved.generation === generation && resolved.function.alive) {
      return requestOptions === null ? resolved.function : resolved.function.withOptions(requestOptions);
    }
    const module = await source.importModule(moduleName);
    const loaded = module.function(functionName);
    shared.resolved = { generation, function: loaded };
    return requestOptions === null ? loaded : loaded.withOptions(requestOptions);
  };

  const call = async (...args: unknown[]) => (await load())(...args);
  const callKwargs = async (...args: unknown[]) =>
    (await load()).callKwargs(...(args as [...unknown[], Readonly<Record<string, unknown>>]));
  const withOptions = (options: RequestOptions) => {
    validateRequestOptions(options, "withOptions()");
    return createLazyFunction(moduleName, functionName, source, { ...requestOptions, ...options }, shared);
  };
  const dispose = () => {
    shared.resolved?.function.dispose();
    shared.resolved = null;
  };
  Object.defineProperties(call, {
    name: { value: functionName },
    parameterNames: { get: () => shared.resolved?.function.parameterNames ?? [], enumerable: true },
    callKwargs: { value: callKwargs },
    withOptions: { value: withOptions },
    alive: { get: () => shared.resolved?.function.alive ?? true },
    dispose: { value: dispose },
    [Symbol.dispose]: { value: dispose },
  });
  return call as unknown as DanaFunction;
}
