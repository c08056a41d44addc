/**
 * The Dana value model.
 *
 * Representation (chosen for speed of the common cases, see docs/design):
 *   None  → `null`                 bool  → `boolean`
 *   int   → `number` when |n| ≤ Number.MAX_SAFE_INTEGER (always integral), `bigint` beyond (never inside the
 *           safe range: every int-producing operation normalises with `normalizeInt`)
 *   float → `DanaFloat` (boxed, so `1` and `1.0` stay distinct types)
 *   str   → `string`
 *   everything else → an instance of a class below (never a raw host object).
 *
 * Attribute and method lookup never reads JS properties of a value by a Dana-supplied name: each class exposes
 * only what Dana's own tables (null-prototype maps, switch statements) allow. Dict keys such as `__proto__` are
 * ordinary keys.
 */
import { DanaException } from "../errors.js";
import type { Span } from "../source.js";
import type { TypeExpression } from "../syntax/ast.js";

export type Value = null | boolean | number | bigint | string | DanaFloat | DanaObject;

export class DanaFloat {
  constructor(readonly value: number) {}
}

/** Base of every heap value. `kind` drives dispatch without instanceof chains. */
export abstract class DanaObject {
  abstract readonly kind: string;
}

export class DanaList extends DanaObject {
  readonly kind = "list";
  constructor(public items: Value[]) {
    super();
  }
}

export class DanaTuple extends DanaObject {
  readonly kind = "tuple";
  constructor(readonly items: readonly Value[]) {
    super();
  }
}

export class DanaRange extends DanaObject {
  readonly kind = "range";
  constructor(
    readonly start: number,
    readonly stop: number,
    readonly step: number,
  ) {
    super();
  }
  get length(): number {
    const { start, stop, step } = this;
    if (step > 0) return stop > start ? Math.ceil((stop - start) / step) : 0;
    return start > stop ? Math.ceil((start - stop) / -step) : 0;
  }
}

// ---------------------------------------------------------------------------
// Hashing: dict keys and set members follow Python equality (1 == 1.0 == True).

const TUPLE_PREFIX = "\u0000t";
const ESCAPED_STRING_PREFIX = "\u0000s";

/**
 * Maps a Dana value to a JS Map key such that two Dana values are equal dict keys exactly when their hash keys
 * are SameValueZero-equal. Throws `TypeError` (Dana) for unhashable values (list, dict, set, struct instances).
 */
export function hashKey(value: Value): unknown {
  switch (typeof value) {
    case "number":
      return value;
    case "string":
      // Reserve strings starting with NUL for tuple keys; escape user strings that start with it.
      return value.length > 0 && value.charCodeAt(0) === 0 ? ESCAPED_STRING_PREFIX + value : value;
    case "boolean":
      return value ? 1 : 0;
    case "bigint":
      return value;
    case "object":
      if (value === null) return null;
      if (value instanceof DanaFloat) {
        const v = value.value;
        if (Number.isNaN(v)) return value; // NaN keys match only themselves (by identity), as in CPython
        if (Number.isInteger(v)) return Number.isSafeInteger(v) ? v + 0 : BigInt(v);
        return v;
      }
      if (value instanceof DanaTuple) return TUPLE_PREFIX + value.items.map(tupleElementKey).join("\u0000,");
      if (value instanceof DanaTypeName) return value.name;
      if (value instanceof DanaList || value instanceof DanaDict || value instanceof DanaSet) {
        throw new DanaException("TypeError", `unhashable type: '${value.kind}'`);
      }
      if (value instanceof DanaStructInstance) {
        throw new DanaException("TypeError", `unhashable type: '${value.type.name}'`);
      }
      if (value instanceof DanaNativeObject) return value.hashKey();
      return value; // functions, modules, structs types…: identity
  }
  return value;
}

/** Serialises a tuple element's hash key into a string, tagged by JS type so `1` and `"1"` differ. */
function tupleElementKey(element: Value): string {
  const key = hashKey(element);
  switch (typeof key) {
    case "number":
      return `n${key}`;
    case "bigint":
      return `b${key}`;
    case "string":
      return `s${JSON.stringify(key)}`;
    default:
      if (key === null) return "N";
      return `o${objectIdentity(key as object)}`;
  }
}

const identities = new WeakMap<object, number>();
let nextIdentity = 1;
/** A stable small integer per object, for identity-hashed tuple elements. */
export function objectIdentity(object: object): number {
  let id = identities.get(object);
  if (id === undefined) {
    id = nextIdentity++;
    identities.set(object, id);
  }
  return id;
}

interface DictEntry {
  key: Value;
  value: Value;
}

/** An insertion-ordered dict with Python key equality. */
export class DanaDict extends DanaObject {
  readonly kind = "dict";
  private readonly table = new Map<unknown, DictEntry>();

  get size(): number {
    return this.table.size;
  }
  get(key: Value): Value | undefined {
    return this.table.get(hashKey(key))?.value;
  }
  has(key: Value): boolean {
    return this.table.has(hashKey(key));
  }
  /** Keeps the first key object when an equal key is assigned again (Python: `{1: 'a'}[True] = 'b'` → `{1: 'b'}`). */
  set(key: Value, value: Value): void {
    const hashed = hashKey(key);
    const entry = this.table.get(hashed);
    if (entry) entry.value = value;
    else this.table.set(hashed, { key, value });
  }
  delete(key: Value): boolean {
    return this.table.delete(hashKey(key));
  }
  clear(): void {
    this.table.clear();
  }
  *keys(): IterableIterator<Value> {
    for (const entry of this.table.values()) yield entry.key;
  }
  *values(): IterableIterator<Value> {
    for (const entry of this.table.values()) yield entry.value;
  }
  *entries(): IterableIterator<[Value, Value]> {
    for (const entry of this.table.values()) yield [entry.key, entry.value];
  }
  /** Only for string keys known to be plain (fast path for conversions and dot access). */
  getString(key: string): Value | undefined {
    return this.table.get(hashKey(key))?.value;
  }
}

/** An insertion-ordered set with Python equality. */
export class DanaSet extends DanaObject {
  readonly kind = "set";
  private readonly table = new Map<unknown, Value>();

  get size(): number {
    return this.table.size;
  }
  has(value: Value): boolean {
    return this.table.has(hashKey(value));
  }
  add(value: Value): void {
    const hashed = hashKey(value);
    if (!this.table.has(hashed)) this.table.set(hashed, value);
  }
  delete(value: Value): boolean {
    return this.table.delete(hashKey(value));
  }
  clear(): void {
    this.table.clear();
  }
  values(): IterableIterator<Value> {
    return this.table.values();
  }
  [Symbol.iterator](): IterableIterator<Value> {
    return this.table.values();
  }
}

// ---------------------------------------------------------------------------
// Structs and interfaces

export interface StructFieldSpec {
  readonly name: string;
  readonly type: TypeExpression;
  /** Evaluated once at definition time; each instance gets its own copy of a mutable default (sharing is a reference QUIRK). `undefined` = required. */
  readonly default: Value | undefined;
  readonly description: string | null;
}

export class DanaStructType extends DanaObject {
  readonly kind = "struct-type";
  /** Field name → index into `DanaStructInstance.fields`. Null prototype: names are data. */
  readonly fieldIndex: Map<string, number>;
  /** Receiver methods, by name. Filled as `def (p: T) m()` definitions run. */
  readonly methods = new Map<string, DanaCallable>();
  /** Indices of `_`-prefixed fields that delegate unknown attributes, in declaration order. */
  readonly delegateFields: readonly number[];

  constructor(
    readonly name: string,
    readonly fields: readonly StructFieldSpec[],
    readonly docstring: string | null,
    readonly definedAt: { readonly file: string; readonly span: Span } | null,
  ) {
    super();
    this.fieldIndex = new Map(fields.map((field, index) => [field.name, index]));
    this.delegateFields = fields.flatMap((field, index) => (field.name.startsWith("_") ? [index] : []));
  }
}

export class DanaStructInstance extends DanaObject {
  readonly kind = "struct";
  constructor(
    readonly type: DanaStructType,
    /** Values by field index (see `DanaStructType.fieldIndex`). */
    readonly fields: Value[],
  ) {
    super();
  }
}

export class DanaInterfaceType extends DanaObject {
  readonly kind = "interface";
  constructor(
    readonly name: string,
    readonly methods: readonly { readonly name: string; readonly parameters: readonly string[] }[],
    readonly embedded: readonly string[],
    readonly docstring: string | null,
  ) {
    super();
  }
}

// ---------------------------------------------------------------------------
// Callables. The evaluator defines the concrete user-function class; these are the shared shapes.

/** Keyword arguments as passed to callables: name → value, in written order. */
export type KeywordArguments = ReadonlyMap<string, Value>;

export abstract class DanaCallable extends DanaObject {
  abstract readonly name: string;
  /** Parameter names, when known (for `callKwargs`, generated types and messages). */
  abstract readonly parameterNames: readonly string[];
}

/**
 * A function supplied by the host (the gateway's `hostFunctions`, `reason`). It receives Dana values and may
 * return a promise: the evaluator then suspends the Dana program (never blocking the event loop).
 */
export class DanaHostFunction extends DanaCallable {
  readonly kind = "host-function";
  constructor(
    readonly name: string,
    readonly implementation: (positional: readonly Value[], keywords: KeywordArguments) => Value | Promise<Value>,
    readonly parameterNames: readonly string[] = [],
  ) {
    super();
  }
}

// ---------------------------------------------------------------------------
// Other runtime values

export class DanaModule extends DanaObject {
  readonly kind = "module";
  constructor(
    /** Dotted name, e.g. "shapes.circle". */
    readonly name: string,
    readonly file: string,
    /** Exported members (functions, structs, variables, public: variables); `_names` excluded. */
    readonly members: Map<string, Value>,
  ) {
    super();
  }
}

/** The `e` bound by `except … as e:` — fields readable as `e.type`, `e.message`, … */
export class DanaErrorValue extends DanaObject {
  readonly kind = "error";
  constructor(readonly exception: DanaException) {
    super();
  }
}

/** What `type(x)` returns; compares equal to its name string (`type(x) == "int"`). */
export class DanaTypeName extends DanaObject {
  readonly kind = "type-name";
  constructor(readonly name: string) {
    super();
  }
}

/** A one-shot iterator (`enumerate`, `reversed`, `iter` of views). */
export class DanaIterator extends DanaObject {
  readonly kind = "iterator";
  constructor(
    readonly typeName: string,
    readonly source: Iterator<Value>,
  ) {
    super();
  }
}

/** `d.keys()`, `d.values()`, `d.items()` — live views over a dict. */
export class DanaDictView extends DanaObject {
  readonly kind = "dict-view";
  constructor(
    readonly dict: DanaDict,
    readonly view: "keys" | "values" | "items",
  ) {
    super();
  }
}

/**
 * Extension point for host-provided value types (for example the table value of
 * `@dana-gateway/converters`). Only the members declared here are reachable from Dana.
 * Every method receives and returns Dana values; errors are thrown as `DanaException`.
 */
export abstract class DanaNativeObject extends DanaObject {
  readonly kind = "native";
  /** Shown by `type(x)` and in messages, e.g. "Table". */
  abstract readonly typeName: string;
  /** `x.name` — return `undefined` when there is no such attribute (the evaluator raises AttributeError). */
  abstract getAttribute(name: string): Value | undefined;
  /** `x.name(args)` — return `undefined` when there is no such method. */
  abstract callMethod(name: string, positional: readonly Value[], keywords: KeywordArguments): Value | undefined;
  /** `x[key]` — return `undefined` when unsupported. */
  getItem(_key: Value): Value | undefined {
    return undefined;
  }
  /** `len(x)` — return `undefined` when unsupported. */
  length(): number | undefined {
    return undefined;
  }
  /** `for v in x` — return `undefined` when not iterable. */
  iterate(): Iterator<Value> | undefined {
    return undefined;
  }
  /** `str(x)` / `print(x)`. */
  abstract repr(): string;
  /** Identity by default. */
  hashKey(): unknown {
    return this;
  }
}

// ---------------------------------------------------------------------------
// Integers

export const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** Canonical int: a JS number inside the safe range, a bigint outside it. */
export function normalizeInt(value: bigint): number | bigint {
  return value >= -9007199254740991n && value <= 9007199254740991n ? Number(value) : value;
}

export function isInt(value: Value): value is number | bigint {
  return typeof value === "number" || typeof value === "bigint";
}
