/**
 * The wire side of a sandbox: turns protocol requests into `SandboxServer` calls, owns the handle table, and
 * encodes answers. Used inside worker threads and child processes (`serveSandbox`); the in-process fast path
 * never loads it.
 */
import { DanaException, type Value } from "@dana-gateway/lang";
import { TypeConversionError } from "../errors/classes.js";
import { toDanaError } from "../errors/from-language.js";
import { HandleTable } from "./handle-table.js";
import type { KeywordEntries, SandboxNotice, SandboxRequest, SandboxResponse } from "./messages.js";
import { loadNativeCodecModules } from "./native-codecs.js";
import type { SandboxServer } from "./server.js";
import { decodeValue, encodeValue, WireEncodingError, type WireValue } from "./wire-values.js";

export class WireSandboxServer {
  readonly handles = new HandleTable();

  constructor(readonly server: SandboxServer) {}

  async handleRequest(request: SandboxRequest): Promise<SandboxResponse> {
    try {
      const value = await this.serve(request);
      return { type: "response", id: request.id, ok: true, value };
    } catch (error) {
      return { type: "response", id: request.id, ok: false, error: toDanaError(error).toJSON() };
    }
  }

  handleNotice(notice: SandboxNotice): void {
    if (notice.type === "release") this.handles.release(notice.handleIds, notice.counts);
    else this.server.cancel(notice.reason);
  }

  /** Encodes a value for the host, giving sandbox objects handles; cycles become `TypeConversionError`. */
  encode(value: Value, path = "result"): WireValue {
    try {
      return encodeValue(value, (object, kind) => this.handles.allocate(object, kind), path);
    } catch (error) {
      if (error instanceof WireEncodingError) throw new TypeConversionError(error.path, error.reason);
      throw error;
    }
  }

  decode(wire: WireValue): Value {
    return decodeValue(wire, (handle) => this.resolveHandle(handle.handleId));
  }

  decodeKeywords(entries: KeywordEntries): Map<string, Value> {
    return new Map(entries.map(([name, value]) => [name, this.decode(value)]));
  }

  close(): void {
    this.server.close();
    this.handles.clear();
  }

  private async serve(request: SandboxRequest): Promise<WireValue> {
    const server = this.server;
    if ("codecModules" in request && request.codecModules !== undefined) {
      await loadNativeCodecModules(request.codecModules);
    }
    switch (request.type) {
      case "eval": {
        const inputs = this.decodeKeywords(request.inputs);
        const file = request.file === undefined ? {} : { file: request.file };
        return this.encode(await server.evaluate(request.source, { inputs, ...file, limits: request.limits }));
      }
      case "import-module": {
        const module = await server.importModule(request.name, request.limits);
        const handle = this.handles.allocate(module, "module");
        const members: (readonly [string, WireValue])[] = [];
        for (const [name, member] of module.members) {
          if (!name.startsWith("_")) members.push([name, this.encode(member, `${request.name}.${name}`)]);
        }
        return { $: "handle", handle: { ...handle, members } };
      }
      case "call": {
        const callee = this.resolveHandle(request.handleId);
        const positional = request.positional.map((value) => this.decode(value));
        const keywords = this.decodeKeywords(request.keywords);
        return this.encode(await server.call(callee, positional, keywords, request.limits));
      }
      case "get-attribute":
        return this.encode(server.getAttribute(this.resolveHandle(request.handleId), request.name));
      case "set-attribute":
        server.setAttribute(this.resolveHandle(request.handleId), request.name, this.decode(request.value));
        return null;
      case "invalidate-modules":
        server.invalidateModules(request.files);
        return null;
      case "stats":
        return { $: "dict", entries: [["liveHandles", this.handles.size]] };
      case "close":
        this.close();
        return null;
      case "init":
        throw new DanaException("RuntimeError", "the sandbox was already initialised");
    }
  }

  private resolveHandle(handleId: number): Value {
    const value = this.handles.get(handleId);
    if (value === undefined) {
      throw toDanaError(
        new DanaException("ReferenceError", `handle ${handleId} was released or never existed in this sandbox`),
      );
    }
    return value;
  }
}
