/**
 * How a context talks to its sandbox, as Dana values. Two implementations behind one interface:
 *  - `DirectSandboxClient` (in-process): calls the `SandboxServer`'s value-level methods — no encoding,
 *    no handles, no messages;
 *  - `WireSandboxClient` (worker, process, loopback; `wire-sandbox-client.ts`, loaded only for those):
 *    encodes requests, matches responses by id.
 */
import type { KeywordArguments, Limits, Value } from "@dana-gateway/lang";
import type { SandboxServer } from "../protocol/server.js";

export interface ClientRequestOptions {
  readonly limits?: Partial<Limits>;
  readonly signal?: AbortSignal;
}

export interface SandboxClient {
  readonly direct: boolean;
  evaluate(
    source: string,
    file: string | undefined,
    inputs: ReadonlyMap<string, Value>,
    options: ClientRequestOptions,
  ): Promise<Value>;
  importModule(name: string, options: ClientRequestOptions): Promise<Value>;
  call(
    callee: Value,
    positional: readonly Value[],
    keywords: KeywordArguments | undefined,
    options: ClientRequestOptions,
  ): Promise<Value>;
  getAttribute(target: Value, name: string): Promise<Value>;
  setAttribute(target: Value, name: string, value: Value): Promise<void>;
  release(target: Value): void;
  /** Counts a handle received from the sandbox (isolated modes), so `release` can say how many copies it drops. */
  noteReceived?(handleId: number): void;
  invalidateModules(files?: readonly string[]): Promise<void>;
  stats(): Promise<{ liveHandles: number }>;
  cancel(reason: string): void;
  close(): Promise<void>;
}

export class DirectSandboxClient implements SandboxClient {
  readonly direct = true;
  constructor(readonly server: SandboxServer) {}

  evaluate(
    source: string,
    file: string | undefined,
    inputs: ReadonlyMap<string, Value>,
    options: ClientRequestOptions,
  ) {
    return this.server.evaluate(source, {
      ...(file === undefined ? {} : { file }),
      inputs,
      ...(options.limits ? { limits: options.limits } : {}),
    });
  }
  importModule(name: string, options: ClientRequestOptions) {
    return this.server.importModule(name, options.limits);
  }
  call(
    callee: Value,
    positional: readonly Value[],
    keywords: KeywordArguments | undefined,
    options: ClientRequestOptions,
  ) {
    return this.server.call(callee, positional, keywords, options.limits);
  }
  async getAttribute(target: Value, name: string) {
    return this.server.getAttribute(target, name);
  }
  async setAttribute(target: Value, name: string, value: Value) {
    this.server.setAttribute(target, name, value);
  }
  release(): void {
    // In-process values are ordinary objects: the garbage collector frees them.
  }
  async invalidateModules(files?: readonly string[]) {
    this.server.invalidateModules(files);
  }
  async stats() {
    return { liveHandles: 0 }; // wrappers hold the sandbox's objects themselves: there are no handles
  }
  cancel(reason: string): void {
    this.server.cancel(reason);
  }
  async close() {
    this.server.close();
  }
}
