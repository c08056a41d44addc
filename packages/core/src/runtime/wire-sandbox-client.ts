/**
 * The context's client for isolated sandboxes (worker, process, loopback): encodes requests, matches
 * responses by id, decodes answers into host-side values whose sandbox objects are `HandleReference`s.
 */
import type { DanaDict, KeywordArguments, Value } from "@dana-gateway/lang";
import { DanaError } from "../errors/dana-error.js";
import type { SandboxBackend } from "../protocol/backend.js";
import { HandleReference } from "../protocol/handle-reference.js";
import { decodeOnHost, encodeKeywordsOnHost, encodeOnHost } from "../protocol/host-codec.js";
import type { SandboxRequest } from "../protocol/messages.js";
import { createNativeEncoding, type NativeEncoding } from "../protocol/native-codecs.js";
import type { ClientRequestOptions, SandboxClient } from "./sandbox-client.js";

export class WireSandboxClient implements SandboxClient {
  readonly direct = false;
  private nextId = 1;
  /** How many times each live handle arrived; released with that count (see `HandleTable.release`). */
  private readonly received = new Map<number, number>();

  constructor(readonly backend: SandboxBackend) {}

  private async send(
    build: (id: number) => SandboxRequest,
    signal?: AbortSignal,
    native?: NativeEncoding,
  ): Promise<Value> {
    const message = build(this.nextId++);
    const onAbort = () => this.backend.notify({ type: "cancel", requestId: message.id, reason: "aborted" });
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      const transfer = native !== undefined && native.transfer.length > 0 ? { transfer: native.transfer } : {};
      const response = await this.backend.request(message, { ...(signal ? { signal } : {}), ...transfer });
      if (!response.ok) throw DanaError.fromJSON(response.error);
      return decodeOnHost(response.value);
    } finally {
      signal?.removeEventListener("abort", onAbort);
    }
  }

  private handleOf(target: Value): number {
    if (!(target instanceof HandleReference)) throw new TypeError("expected a value that lives in the sandbox");
    return target.descriptor.handleId;
  }

  evaluate(
    source: string,
    file: string | undefined,
    inputs: ReadonlyMap<string, Value>,
    options: ClientRequestOptions,
  ) {
    const native = createNativeEncoding();
    const encodedInputs = encodeKeywordsOnHost(inputs, "inputs", native);
    return this.send(
      (id) => ({
        type: "eval",
        id,
        source,
        ...(file === undefined ? {} : { file }),
        inputs: encodedInputs,
        ...(options.limits ? { limits: options.limits } : {}),
        ...codecModules(native),
      }),
      options.signal,
      native,
    );
  }
  importModule(name: string, options: ClientRequestOptions) {
    return this.send(
      (id) => ({ type: "import-module", id, name, ...(options.limits ? { limits: options.limits } : {}) }),
      options.signal,
    );
  }
  call(
    callee: Value,
    positional: readonly Value[],
    keywords: KeywordArguments | undefined,
    options: ClientRequestOptions,
  ) {
    const handleId = this.handleOf(callee);
    const native = createNativeEncoding();
    const encodedPositional = positional.map((value, index) => encodeOnHost(value, `args[${index}]`, native));
    const encodedKeywords = keywords ? encodeKeywordsOnHost(keywords, "kwargs", native) : [];
    return this.send(
      (id) => ({
        type: "call",
        id,
        handleId,
        positional: encodedPositional,
        keywords: encodedKeywords,
        ...(options.limits ? { limits: options.limits } : {}),
        ...codecModules(native),
      }),
      options.signal,
      native,
    );
  }
  getAttribute(target: Value, name: string) {
    const handleId = this.handleOf(target);
    return this.send((id) => ({ type: "get-attribute", id, handleId, name }));
  }
  async setAttribute(target: Value, name: string, value: Value) {
    const handleId = this.handleOf(target);
    const native = createNativeEncoding();
    const encoded = encodeOnHost(value, name, native);
    await this.send(
      (id) => ({ type: "set-attribute", id, handleId, name, value: encoded, ...codecModules(native) }),
      undefined,
      native,
    );
  }
  noteReceived(handleId: number): void {
    this.received.set(handleId, (this.received.get(handleId) ?? 0) + 1);
  }
  release(target: Value): void {
    if (!(target instanceof HandleReference)) return;
    const handleId = target.descriptor.handleId;
    const count = this.received.get(handleId);
    if (count === undefined) return; // already released
    this.received.delete(handleId);
    this.backend.notify({ type: "release", handleIds: [handleId], counts: [count] });
  }
  async invalidateModules(files?: readonly string[]) {
    await this.send((id) => ({ type: "invalidate-modules", id, ...(files ? { files } : {}) }));
  }
  async stats() {
    const value = await this.send((id) => ({ type: "stats", id }));
    return { liveHandles: Number((value as DanaDict).get("liveHandles") ?? 0) };
  }
  cancel(reason: string): void {
    // Cancels whatever runs: request ids are per call, so the sandbox cancels its running program.
    this.backend.notify({ type: "cancel", requestId: -1, reason });
  }
  async close() {
    try {
      await this.send((id) => ({ type: "close", id }));
    } catch {
      // A sandbox that already died is closed too.
    }
    await this.backend.close();
  }
}

/** The `codecModules` field of a request whose values needed native codecs (absent otherwise). */
function codecModules(native: NativeEncoding): { codecModules?: readonly string[] } {
  return native.moduleUrls.size > 0 ? { codecModules: [...native.moduleUrls] } : {};
}
