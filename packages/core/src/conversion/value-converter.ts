/**
 * JavaScript ↔ Dana value conversion: the rules in the README's round-trip table, plus registered
 * `TypeConverter` plugins. Unsupported values are rejected before anything runs, with the path inside the
 * value (`args[0].rows[3].when`).
 */
import {
  DanaDict,
  DanaDictView,
  DanaFloat,
  DanaList,
  DanaObject,
  DanaRange,
  DanaSet,
  DanaTuple,
  DanaTypeName,
  type Value,
} from "@dana-gateway/lang";
import { TypeConversionError } from "../errors/classes.js";
import { toDanaError } from "../errors/from-language.js";
import { ConversionPath } from "./conversion-path.js";
import { isTuple, tuple } from "./markers.js";
import { type ConversionScope, type TypeConverterRegistry, typeConverters } from "./type-converter.js";

/** How the gateway's own objects (functions, modules, struct objects) enter and leave conversion. */
export interface GatewayObjectHooks {
  /** The Dana value behind a gateway wrapper (`DanaFunction`, `DanaObject`, `DanaModule`), else undefined. */
  unwrap(value: object): Value | undefined;
  /** Wraps a sandbox object (function, module, struct instance, handle) for TypeScript. */
  wrap(value: DanaObject): unknown;
  /** A JavaScript function passed as a value; absent where functions cannot cross (isolated sandboxes). */
  hostFunction?(implementation: (...args: unknown[]) => unknown, path: string): Value;
}

const noHooks: GatewayObjectHooks = {
  unwrap: () => undefined,
  wrap: (value) => {
    throw new TypeError(`a Dana ${value.kind} cannot be returned without a context`);
  },
};

export class ValueConverter {
  constructor(
    private readonly hooks: GatewayObjectHooks = noHooks,
    private readonly registry: TypeConverterRegistry = typeConverters,
  ) {}

  toDana(value: unknown, root = "value"): Value {
    // Scalars first, without allocating the path or cycle tracker.
    switch (typeof value) {
      case "string":
      case "boolean":
        return value;
      case "number":
        return numberToDana(value);
    }
    return withinHostStack(() => new ToDanaWalk(this.hooks, this.registry, root).convert(value));
  }

  fromDana(value: Value, root = "value"): unknown {
    switch (typeof value) {
      case "string":
      case "boolean":
      case "number":
      case "bigint":
        return value;
    }
    return withinHostStack(() => new FromDanaWalk(this.hooks, this.registry, root).convert(value));
  }
}

/**
 * Dana code can build a value nested deeper than the host stack (a loop wrapping a list 20,000 times); both walks
 * recurse per level. The overflow becomes the Dana error the isolated modes already raise for it (the sandbox
 * server maps it the same way), never a raw RangeError in the host.
 */
function withinHostStack<T>(walk: () => T): T {
  try {
    return walk();
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) throw toDanaError(error);
    throw error;
  }
}

/** Integral numbers are ints (beyond ±2^53 a bigint, as Dana stores them); -0, NaN, ±Infinity and fractions are floats. */
function numberToDana(value: number): Value {
  if (Number.isSafeInteger(value)) return Object.is(value, -0) ? new DanaFloat(-0) : value;
  if (Number.isInteger(value)) return BigInt(value);
  return new DanaFloat(value);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "object") return `an instance of ${value.constructor?.name ?? "a class without a name"}`;
  if (typeof value === "function") return "a function";
  return `a ${typeof value}`;
}

class ToDanaWalk implements ConversionScope {
  private readonly location: ConversionPath;
  private readonly open = new Set<object>();

  constructor(
    private readonly hooks: GatewayObjectHooks,
    private readonly registry: TypeConverterRegistry,
    root: string,
  ) {
    this.location = new ConversionPath(root);
  }

  path(): string {
    return this.location.toString();
  }

  toDana(value: unknown, segment: string | number): Value {
    this.location.push(segment);
    const result = this.convert(value);
    this.location.pop();
    return result;
  }

  fromDana(value: Value, segment: string | number): unknown {
    return new FromDanaWalk(this.hooks, this.registry, `${this.path()}${segment}`).convert(value);
  }

  private fail(reason: string): never {
    throw new TypeConversionError(this.path(), reason);
  }

  convert(value: unknown): Value {
    switch (typeof value) {
      case "string":
      case "boolean":
        return value;
      case "number":
        return numberToDana(value);
      case "bigint":
        return Number.isSafeInteger(Number(value)) && BigInt(Number(value)) === value ? Number(value) : value;
      case "undefined":
        return null;
      case "symbol":
        return this.fail("symbols have no Dana equivalent");
      case "function":
        if (this.hooks.hostFunction)
          return this.hooks.hostFunction(value as (...args: unknown[]) => unknown, this.path());
        return this.fail("functions cannot cross into an isolated sandbox; pass them as hostFunctions instead");
    }
    if (value === null) return null;
    const object = value as object;
    if (this.open.has(object)) this.fail("the value contains itself (a cycle)");
    this.open.add(object);
    try {
      return this.convertObject(object);
    } finally {
      this.open.delete(object);
    }
  }

  private convertObject(object: object): Value {
    if (Array.isArray(object)) {
      const items: Value[] = new Array(object.length);
      const path = this.location;
      for (let index = 0; index < object.length; index++) {
        const item: unknown = object[index];
        if (typeof item === "number" && Number.isSafeInteger(item) && !Object.is(item, -0)) {
          items[index] = item;
          continue;
        }
        path.push(index);
        items[index] = this.convert(item);
        path.pop();
      }
      return isTuple(object) ? new DanaTuple(items) : new DanaList(items);
    }
    const prototype = Object.getPrototypeOf(object);
    if (prototype === Object.prototype || prototype === null)
      return this.convertRecord(object as Record<string, unknown>);
    if (object instanceof Map) return this.convertMap(object);
    if (object instanceof Set) return this.convertSet(object);
    if (object instanceof Date) {
      if (Number.isNaN(object.getTime())) this.fail("the Date is invalid");
      return object.toISOString();
    }
    if (object instanceof Uint8Array) return new DanaList(Array.from(object));
    if (object instanceof DanaFloat) return object;
    const unwrapped = this.hooks.unwrap(object);
    if (unwrapped !== undefined) return unwrapped;
    const converter = this.registry.findForJavaScript(object);
    if (converter) return converter.toDana(object, this);
    if (object instanceof DanaObject) {
      return this.fail("language-level Dana values cannot be passed directly; pass JavaScript values (or float(n))");
    }
    return this.fail(
      `${describe(object)} has no Dana equivalent; pass a plain object, or register a TypeConverter for it`,
    );
  }

  private convertRecord(record: Record<string, unknown>): Value {
    const dict = new DanaDict();
    const keys = Object.keys(record);
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index]!;
      const item = record[key];
      // Strings, booleans and safe ints need no path (they cannot fail): the common case stays cheap.
      if (
        typeof item === "string" ||
        typeof item === "boolean" ||
        (typeof item === "number" && Number.isSafeInteger(item) && !Object.is(item, -0))
      ) {
        dict.set(key, item);
        continue;
      }
      this.location.push(key);
      dict.set(key, this.convert(item));
      this.location.pop();
    }
    if (Object.getOwnPropertySymbols(record).length > 0) this.fail("symbol keys have no Dana equivalent");
    return dict;
  }

  private convertMap(map: Map<unknown, unknown>): Value {
    const dict = new DanaDict();
    let index = 0;
    for (const [key, item] of map) {
      this.location.push(`(key ${index})`);
      const danaKey = this.convert(key);
      checkHashable(danaKey, this);
      this.location.pop();
      this.location.push(typeof key === "string" ? key : `(value ${index})`);
      dict.set(danaKey, this.convert(item));
      this.location.pop();
      index++;
    }
    return dict;
  }

  private convertSet(set: Set<unknown>): Value {
    const result = new DanaSet();
    let index = 0;
    for (const item of set) {
      this.location.push(`{${index}}`);
      const member = this.convert(item);
      checkHashable(member, this);
      result.add(member);
      this.location.pop();
      index++;
    }
    return result;
  }
}

/** Lists, dicts and sets cannot be dict keys or set members in Dana (Python rules). */
function checkHashable(value: Value, walk: { path(): string }): void {
  if (value instanceof DanaList || value instanceof DanaDict || value instanceof DanaSet) {
    throw new TypeConversionError(walk.path(), `a ${value.kind} cannot be a dict key or set member (unhashable)`);
  }
}

class FromDanaWalk implements ConversionScope {
  private readonly location: ConversionPath;

  constructor(
    private readonly hooks: GatewayObjectHooks,
    private readonly registry: TypeConverterRegistry,
    root: string,
  ) {
    this.location = new ConversionPath(root);
  }

  path(): string {
    return this.location.toString();
  }

  fromDana(value: Value, segment: string | number): unknown {
    this.location.push(segment);
    const result = this.convert(value);
    this.location.pop();
    return result;
  }

  toDana(value: unknown, segment: string | number): Value {
    return new ToDanaWalk(this.hooks, this.registry, `${this.path()}${segment}`).convert(value);
  }

  convert(value: Value): unknown {
    if (value === null || typeof value !== "object") return value;
    if (value instanceof DanaFloat) return value.value;
    if (value instanceof DanaList) return this.convertItems(value.items);
    if (value instanceof DanaTuple) return tuple(...this.convertItems(value.items));
    if (value instanceof DanaDict) return this.convertDict(value);
    if (value instanceof DanaSet) {
      const set = new Set<unknown>();
      let index = 0;
      for (const member of value) set.add(this.fromDana(member, `{${index++}}`));
      return set;
    }
    if (value instanceof DanaRange) {
      const items: number[] = [];
      for (let index = 0, current = value.start; index < value.length; index++, current += value.step)
        items.push(current);
      return items;
    }
    if (value instanceof DanaTypeName) return value.name;
    if (value instanceof DanaDictView) {
      const source = value.view === "keys" ? value.dict.keys() : value.view === "values" ? value.dict.values() : null;
      if (source) return this.convertItems([...source]);
      return [...value.dict.entries()].map(([key, item], index) =>
        tuple(this.fromDana(key, `(item ${index})`), this.fromDana(item, index)),
      );
    }
    const converter = this.registry.findForDana(value);
    if (converter?.fromDana) return converter.fromDana(value, this);
    return this.hooks.wrap(value);
  }

  private convertItems(items: readonly Value[]): unknown[] {
    const result: unknown[] = new Array(items.length);
    for (let index = 0; index < items.length; index++) {
      const item = items[index]!;
      result[index] = item === null || typeof item !== "object" ? item : this.fromDana(item, index);
    }
    return result;
  }

  /** String-keyed dicts become plain objects; any other key makes the whole dict a `Map`. */
  private convertDict(dict: DanaDict): unknown {
    // One pass for the common all-string case; the first other key starts over as a Map.
    const record: Record<string, unknown> = {};
    for (const [key, item] of dict.entries()) {
      if (typeof key !== "string") return this.convertDictToMap(dict);
      const converted = item === null || typeof item !== "object" ? item : this.fromDana(item, key);
      // `__proto__` is an ordinary Dana key: define it as data, never as the object's prototype.
      if (key === "__proto__") {
        Object.defineProperty(record, key, { value: converted, enumerable: true, writable: true, configurable: true });
      } else record[key] = converted;
    }
    return record;
  }

  private convertDictToMap(dict: DanaDict): Map<unknown, unknown> {
    const map = new Map<unknown, unknown>();
    let index = 0;
    for (const [key, item] of dict.entries()) {
      map.set(
        this.fromDana(key, `(key ${index})`),
        this.fromDana(item, typeof key === "string" ? key : `(value ${index})`),
      );
      index++;
    }
    return map;
  }
}
