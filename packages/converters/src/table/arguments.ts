/**
 * Argument checking for table and column methods: Dana-style errors (`TypeError`, `ValueError`) that name the
 * method and the argument, as the language's own builtins do.
 */
import { DanaException, DanaList, DanaTuple, type KeywordArguments, typeName, type Value } from "@dana-gateway/lang";

export class MethodArguments {
  constructor(
    private readonly method: string,
    private readonly positional: readonly Value[],
    private readonly keywords: KeywordArguments,
    private readonly names: readonly string[],
  ) {
    if (positional.length > names.length) {
      throw new DanaException(
        "TypeError",
        `${method}() takes at most ${names.length} argument${names.length === 1 ? "" : "s"} (${positional.length} given)`,
      );
    }
    for (const name of keywords.keys()) {
      if (!names.includes(name))
        throw new DanaException("TypeError", `${method}() got an unexpected keyword argument '${name}'`);
    }
  }

  /** The argument by position or keyword, or undefined when not given. */
  optional(index: number): Value | undefined {
    const name = this.names[index] as string;
    const byKeyword = this.keywords.get(name);
    if (index < this.positional.length) {
      if (byKeyword !== undefined)
        throw new DanaException("TypeError", `${this.method}() got multiple values for argument '${name}'`);
      return this.positional[index];
    }
    return byKeyword;
  }

  required(index: number): Value {
    const value = this.optional(index);
    if (value === undefined) {
      throw new DanaException("TypeError", `${this.method}() missing required argument '${this.names[index]}'`);
    }
    return value;
  }

  string(index: number): string {
    const value = this.required(index);
    if (typeof value !== "string") throw this.wrongType(index, "str", value);
    return value;
  }

  integer(index: number, fallback: number): number {
    const value = this.optional(index);
    if (value === undefined) return fallback;
    if (typeof value !== "number") throw this.wrongType(index, "int", value);
    return value;
  }

  boolean(index: number, fallback: boolean): boolean {
    const value = this.optional(index);
    if (value === undefined) return fallback;
    if (typeof value !== "boolean") throw this.wrongType(index, "bool", value);
    return value;
  }

  /** A str, or a list/tuple of str. */
  strings(index: number): string[] {
    const value = this.required(index);
    if (typeof value === "string") return [value];
    if (value instanceof DanaList || value instanceof DanaTuple) {
      return value.items.map((item) => {
        if (typeof item !== "string") throw this.wrongType(index, "list of str", value);
        return item;
      });
    }
    throw this.wrongType(index, "str or list of str", value);
  }

  wrongType(index: number, expected: string, value: Value): DanaException {
    return new DanaException(
      "TypeError",
      `${this.method}() argument '${this.names[index]}' must be ${expected}, not ${typeName(value)}`,
    );
  }
}
