/**
 * Plugins for values the built-in rules do not know (class instances, Arrow tables, …). A converter claims
 * JavaScript values with `matches` and turns them into Dana values; optionally it claims Dana values (usually
 * its own `DanaNativeObject` subclass) with `matchesDana` and turns them back.
 */
import type { Value } from "@dana-gateway/lang";
import type { DanaType } from "./dana-type.js";

export interface ConversionScope {
  /** Converts a nested JavaScript value (keeps path tracking and cycle detection). */
  toDana(value: unknown, segment: string | number): Value;
  /** Converts a nested Dana value back. */
  fromDana(value: Value, segment: string | number): unknown;
  /** The path of the value being converted, e.g. `args[0].rows[3]`. */
  path(): string;
}

export interface TypeConverter<T = unknown> {
  /** Shown in errors and used to replace a converter registered under the same name. */
  readonly name: string;
  /** The Dana type produced. */
  readonly danaType: DanaType;
  matches(value: unknown): value is T;
  toDana(value: T, scope: ConversionScope): Value;
  matchesDana?(value: Value): boolean;
  fromDana?(value: Value, scope: ConversionScope): T;
}

/** Converters by registration order; later registrations are tried first so plugins can override. */
export class TypeConverterRegistry {
  private converters: TypeConverter[] = [];

  register<T>(converter: TypeConverter<T>): () => void {
    this.converters = [converter as TypeConverter, ...this.converters.filter((item) => item.name !== converter.name)];
    return () => {
      this.converters = this.converters.filter((item) => item !== converter);
    };
  }

  get size(): number {
    return this.converters.length;
  }

  findForJavaScript(value: unknown): TypeConverter | undefined {
    for (const converter of this.converters) if (converter.matches(value)) return converter;
    return undefined;
  }

  findForDana(value: Value): TypeConverter | undefined {
    for (const converter of this.converters) if (converter.matchesDana?.(value)) return converter;
    return undefined;
  }
}

/** The process-wide registry used when a runtime is not given its own. */
export const typeConverters = new TypeConverterRegistry();
