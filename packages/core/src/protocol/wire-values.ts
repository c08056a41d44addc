/**
 * The wire encoding of Dana values: plain, tagged data that survives `structuredClone`, `postMessage` and JSON
 * IPC alike (so a child process may use either serialisation).
 *
 *   None, bool, str        → null, boolean, string
 *   int (safe range)       → number (always integral on the wire: floats are tagged)
 *   int (beyond)           → { $: "int", digits }            decimal digits, so JSON keeps every digit
 *   float                  → { $: "float", value }           NaN, ±Infinity and -0 spelled as strings
 *   list / tuple / set     → { $: "list" | "tuple" | "set", items }
 *   dict                   → { $: "dict", entries: [key, value][] }   keys of any hashable type
 *   struct instance        → { $: "struct", structName, fields: [name, value][], handle }  fields by value plus
 *                            a handle for live reads and writes
 *   native value with a codec → { $: "native", codec, data }   see `native-codecs.ts` (e.g. Arrow IPC bytes)
 *   function, module, other sandbox objects → { $: "handle", handle: { handleId, kind, name, … } }
 *
 * Handles are ids into the sandbox server's handle table; the host never holds sandbox objects themselves.
 */
import {
  DanaDict,
  DanaDictView,
  DanaFloat,
  DanaIterator,
  DanaList,
  DanaNativeObject,
  DanaRange,
  DanaSet,
  DanaStructInstance,
  DanaTuple,
  DanaTypeName,
  type Value,
} from "@dana-gateway/lang";
import { findNativeCodec, type NativeEncoding, nativeCodecNamed } from "./native-codecs.js";

export type HandleKind = "function" | "module" | "object" | "struct-type" | "value";

/** What the host learns about a sandbox object it can only reach by handle. */
export interface HandleDescriptor {
  readonly handleId: number;
  readonly kind: HandleKind;
  /** Function, module or struct name; the Dana type name for other values. */
  readonly name: string;
  /** Parameter names of functions (empty when unknown). */
  readonly parameterNames: readonly string[];
  /** Struct name for struct instances. */
  readonly structName?: string;
  /** Modules returned by `import-module`: the public members, so the host can list and read them. */
  readonly members?: readonly (readonly [string, WireValue])[];
}

export type SpecialFloat = "NaN" | "Infinity" | "-Infinity" | "-0";

export type WireValue =
  | null
  | boolean
  | number
  | string
  | { readonly $: "int"; readonly digits: string }
  | { readonly $: "float"; readonly value: number | SpecialFloat }
  | { readonly $: "list" | "tuple" | "set"; readonly items: readonly WireValue[] }
  | { readonly $: "dict"; readonly entries: readonly (readonly [WireValue, WireValue])[] }
  | {
      readonly $: "struct";
      readonly structName: string;
      readonly fields: readonly (readonly [string, WireValue])[];
      readonly handle: HandleDescriptor;
    }
  | { readonly $: "handle"; readonly handle: HandleDescriptor }
  | { readonly $: "native"; readonly codec: string; readonly data: unknown };

/** Gives a sandbox object a handle (the server's handle table) — or, on the host, finds an existing one. */
export type HandleAllocator = (value: Value, kind: HandleKind) => HandleDescriptor;

export function encodeFloat(value: number): WireValue {
  if (Number.isNaN(value)) return { $: "float", value: "NaN" };
  if (value === Number.POSITIVE_INFINITY) return { $: "float", value: "Infinity" };
  if (value === Number.NEGATIVE_INFINITY) return { $: "float", value: "-Infinity" };
  if (Object.is(value, -0)) return { $: "float", value: "-0" };
  return { $: "float", value };
}

export function decodeFloat(value: number | SpecialFloat): number {
  return typeof value === "number" ? value : value === "-0" ? -0 : Number(value);
}

/**
 * Encodes a Dana value for the wire. Objects that must stay in the sandbox (functions, modules, struct
 * instances) go through `allocate`. Cycles are rejected with the path of the repeated container. Native values
 * with a registered codec are encoded by value; `native` collects the codec modules and buffers to transfer.
 */
export function encodeValue(
  value: Value,
  allocate: HandleAllocator,
  path = "value",
  native: NativeEncoding | null = null,
): WireValue {
  return encodeInner(value, allocate, path, new Set(), native);
}

function encodeInner(
  value: Value,
  allocate: HandleAllocator,
  path: string,
  open: Set<object>,
  native: NativeEncoding | null,
): WireValue {
  switch (typeof value) {
    case "number":
    case "string":
    case "boolean":
      return value;
    case "bigint":
      return { $: "int", digits: value.toString() };
  }
  if (value === null) return null;
  if (value instanceof DanaFloat) return encodeFloat(value.value);
  if (open.has(value)) throw new WireEncodingError(path, "the value contains itself (a cycle)");
  open.add(value);
  try {
    if (value instanceof DanaList || value instanceof DanaTuple) {
      const items = value.items.map((item, index) => encodeInner(item, allocate, `${path}[${index}]`, open, native));
      return { $: value instanceof DanaList ? "list" : "tuple", items };
    }
    if (value instanceof DanaSet) {
      return {
        $: "set",
        items: [...value].map((item, index) => encodeInner(item, allocate, `${path}{${index}}`, open, native)),
      };
    }
    if (value instanceof DanaDict) {
      const entries: [WireValue, WireValue][] = [];
      for (const [key, item] of value.entries()) {
        const label = typeof key === "string" ? JSON.stringify(key) : String(key);
        entries.push([
          encodeInner(key, allocate, `${path}.keys()`, open, native),
          encodeInner(item, allocate, `${path}[${label}]`, open, native),
        ]);
      }
      return { $: "dict", entries };
    }
    if (value instanceof DanaStructInstance) {
      const fields = value.type.fields.map(
        (field, index) =>
          [
            field.name,
            encodeInner(value.fields[index] ?? null, allocate, `${path}.${field.name}`, open, native),
          ] as const,
      );
      return { $: "struct", structName: value.type.name, fields, handle: allocate(value, "object") };
    }
    // Ranges, iterators and dict views are materialised: they are lazy views, not data, in the sandbox.
    if (value instanceof DanaRange) {
      const items: number[] = [];
      for (let index = 0, current = value.start; index < value.length; index++, current += value.step)
        items.push(current);
      return { $: "list", items };
    }
    if (value instanceof DanaDictView) {
      const source =
        value.view === "keys"
          ? value.dict.keys()
          : value.view === "values"
            ? value.dict.values()
            : value.dict.entries();
      const items = [...source].map((item) => (Array.isArray(item) ? new DanaTuple(item) : item));
      return encodeInner(new DanaList(items), allocate, path, open, native);
    }
    if (value instanceof DanaTypeName) return value.name;
    if (value instanceof DanaIterator) return { $: "handle", handle: allocate(value, "value") };
    if (value instanceof DanaNativeObject) {
      const codec = findNativeCodec(value);
      if (codec) {
        const transfer: ArrayBuffer[] = native?.transfer ?? [];
        native?.moduleUrls.add(codec.moduleUrl);
        return { $: "native", codec: codec.name, data: codec.encode(value, transfer) };
      }
    }
    const kind = value.kind;
    if (kind === "module") return { $: "handle", handle: allocate(value, "module") };
    if (kind === "struct-type") return { $: "handle", handle: allocate(value, "struct-type") };
    if ("parameterNames" in value) return { $: "handle", handle: allocate(value, "function") };
    return { $: "handle", handle: allocate(value, "value") };
  } finally {
    open.delete(value);
  }
}

export type StructWire = Extract<WireValue, { $: "struct" }>;

/**
 * Turns a handle back into the object it names (in the sandbox) or into a host-side reference (on the host).
 * Struct instances also pass their wire form, so the host can keep a snapshot of the fields.
 */
export type HandleResolver = (handle: HandleDescriptor, struct: StructWire | null) => Value;

/** Rebuilds a Dana value from its wire form. */
export function decodeValue(wire: WireValue, resolve: HandleResolver): Value {
  switch (typeof wire) {
    case "number":
    case "string":
    case "boolean":
      return wire;
  }
  if (wire === null) return null;
  switch (wire.$) {
    case "int":
      return BigInt(wire.digits);
    case "float":
      return new DanaFloat(decodeFloat(wire.value));
    case "list":
      return new DanaList(wire.items.map((item) => decodeValue(item, resolve)));
    case "tuple":
      return new DanaTuple(wire.items.map((item) => decodeValue(item, resolve)));
    case "set": {
      const set = new DanaSet();
      for (const item of wire.items) set.add(decodeValue(item, resolve));
      return set;
    }
    case "dict": {
      const dict = new DanaDict();
      for (const [key, item] of wire.entries) dict.set(decodeValue(key, resolve), decodeValue(item, resolve));
      return dict;
    }
    case "struct":
      return resolve(wire.handle, wire);
    case "handle":
      return resolve(wire.handle, null);
    case "native": {
      const codec = nativeCodecNamed(wire.codec);
      if (codec === undefined) {
        throw new WireEncodingError("value", `no codec '${wire.codec}' is registered here to decode this value`);
      }
      try {
        return codec.decode(wire.data);
      } catch (error) {
        // The data may come from a compromised sandbox: a codec's failure is a conversion error, not a crash.
        const reason = error instanceof Error ? error.message : String(error);
        throw new WireEncodingError("value", `the '${wire.codec}' value could not be decoded: ${reason}`);
      }
    }
  }
}

/** A Dana value cannot be put on the wire (converted to a `TypeConversionError` by the server). */
export class WireEncodingError extends Error {
  override readonly name = "WireEncodingError";
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`Cannot convert ${path}: ${reason}`);
  }
}
