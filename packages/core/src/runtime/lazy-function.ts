/**
 * `danaFunction("analytics.process_data")`: a typed callable that imports its module on first call, and
 * again after the context's modules were reloaded.
 */
import type { DanaFunction } from "../api/dana-function.js";
import type { DanaModule } from "../api/dana-module.js";

export interface LazyFunctionSource {
  importModule(name: string): Promise<DanaModule>;
  /** Changes whenever modules are reloaded. */
  generation(): number;
}

export function createLazyFunction(moduleName: string, functionName: string, source: LazyFunctionSource): DanaFunction {
  let resolved: { generation: number; function: DanaFunction } | null = null;
  let parameterNames: readonly string[] = [];

  const load = async (): Promise<DanaFunction> => {
    const generation = source.generation();
    if (resolved && resolved.generation === generation && resolved.function.alive) return resolved.function;
    const module = await source.importModule(moduleName);
    const loaded = module.function(functionName);
    resolved = { generation, function: loaded };
    parameterNames = loaded.parameterNames;
    return loaded;
  };

  const call = async (...args: unknown[]) => (await load())(...args);
  const callKwargs = async (...args: unknown[]) =>
    (await load()).callKwargs(...(args as [...unknown[], Readonly<Record<string, unknown>>]));
  const dispose = () => {
    resolved?.function.dispose();
    resolved = null;
  };
  Object.defineProperties(call, {
    name: { value: functionName },
    parameterNames: { get: () => parameterNames, enumerable: true },
    callKwargs: { value: callKwargs },
    alive: { get: () => resolved?.function.alive ?? true },
    dispose: { value: dispose },
    [Symbol.dispose]: { value: dispose },
  });
  return call as unknown as DanaFunction;
}
