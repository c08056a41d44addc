/**
 * Imports a workspace package that may not provide what a suite needs yet. The specifier is a
 * variable on purpose: the bench must compile while `@dana-gateway/core` and friends are still
 * being written, and it checks their shape at run time instead.
 */
export async function importOptional(specifier: string): Promise<Record<string, unknown> | string> {
  try {
    return (await import(specifier)) as Record<string, unknown>;
  } catch (error) {
    return `${specifier} cannot be imported (${error instanceof Error ? error.message.split("\n")[0] : String(error)}); build it first`;
  }
}

export function isFunction(value: unknown): value is (...args: never[]) => unknown {
  return typeof value === "function";
}
