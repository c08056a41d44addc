/**
 * Wire codecs for host-provided value types (`DanaNativeObject` subclasses such as the converters package's
 * tables). Without a codec such a value stays in its sandbox behind a handle; with one it crosses by value as
 * `{ $: "native", codec, data }`, where `data` is whatever the codec chose (for an Arrow table: IPC bytes).
 *
 * The sandbox does not know the plugins the host loaded, so every encoded value names the module that
 * registers its codec; the host sends those module URLs with the request and the sandbox imports them before
 * decoding. Only the host chooses modules: a sandbox's answer is decoded with the host's own codecs, by name.
 */
import type { DanaNativeObject, Value } from "@dana-gateway/lang";

export interface NativeValueCodec {
  /** Wire name, unique per codec (e.g. "@dana-gateway/converters/arrow-table"). */
  readonly name: string;
  /** A module URL (`file:` or a package specifier) whose import registers this codec; the sandbox imports it. */
  readonly moduleUrl: string;
  matches(value: DanaNativeObject): boolean;
  /**
   * Encodes the value as data that survives `structuredClone` and Node's advanced IPC serialisation. Buffers
   * pushed onto `transfer` are moved, not copied, to a worker thread: push only buffers nothing else uses.
   */
  encode(value: DanaNativeObject, transfer: ArrayBuffer[]): unknown;
  decode(data: unknown): Value;
}

/** What encoding a request needed: codec modules the sandbox must import, buffers to transfer. */
export interface NativeEncoding {
  readonly moduleUrls: Set<string>;
  readonly transfer: ArrayBuffer[];
}

export function createNativeEncoding(): NativeEncoding {
  return { moduleUrls: new Set(), transfer: [] };
}

// Process-wide (each worker or child process has its own): a codec is a property of a value type, not of a runtime.
const codecs = new Map<string, NativeValueCodec>();
const loadedModules = new Map<string, Promise<unknown>>();

/** Registers a codec (replacing one with the same name); returns a function that unregisters it. */
export function registerNativeCodec(codec: NativeValueCodec): () => void {
  codecs.set(codec.name, codec);
  return () => {
    if (codecs.get(codec.name) === codec) codecs.delete(codec.name);
  };
}

export function findNativeCodec(value: DanaNativeObject): NativeValueCodec | undefined {
  for (const codec of codecs.values()) if (codec.matches(value)) return codec;
  return undefined;
}

export function nativeCodecNamed(name: string): NativeValueCodec | undefined {
  return codecs.get(name);
}

/** Imports codec modules once each (inside a sandbox, before decoding a request that needs them). */
export async function loadNativeCodecModules(moduleUrls: readonly string[]): Promise<void> {
  await Promise.all(
    moduleUrls.map((url) => {
      let loading = loadedModules.get(url);
      if (loading === undefined) {
        loading = import(url);
        loadedModules.set(url, loading);
        loading.catch(() => loadedModules.delete(url));
      }
      return loading;
    }),
  );
}
