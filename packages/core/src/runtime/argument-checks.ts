/** Shared wording for argument and option type errors: `Expected string, got number at argument 'prompt'`. */

export function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

export function expectType(value: unknown, expected: "string" | "number" | "boolean" | "object", where: string): void {
  if (typeof value !== expected || (expected === "object" && value === null)) {
    throw new TypeError(`Expected ${expected}, got ${describeType(value)} at ${where}`);
  }
}
