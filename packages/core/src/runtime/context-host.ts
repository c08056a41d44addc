/**
 * The host side of one context: serves what its Dana program asks for (print, import, reason, host
 * functions) and checks every capability here, on the host, so isolated sandboxes cannot bypass them.
 */
import { delimiter } from "node:path";
import type { KeywordArguments, ModuleRequest, ModuleSource, ReasonRequest, Value } from "@dana-gateway/lang";
import type { ValueConverter } from "../conversion/value-converter.js";
import { capabilityDenied, type GrantedCapabilities } from "../host/capabilities.js";
import { type ConfinedFileSystem, createConfinedFileSystem } from "../host/confined-file-system.js";
import type { SandboxHostBridge } from "../protocol/host-bridge.js";
import type { ReasoningServices } from "../reason/reasoning-services.js";
import { createModuleResolver } from "./module-resolver.js";
import type { HostFunction } from "./options.js";

export interface ContextHostOptions {
  readonly capabilities: GrantedCapabilities;
  /** Functions passed to `createContext` (granted by being passed). */
  readonly contextFunctions: Readonly<Record<string, HostFunction>>;
  /** The runtime's functions (granted with `"host:<name>"`). */
  readonly runtimeFunctions: Readonly<Record<string, HostFunction>>;
  readonly modulePaths: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly reasoning: () => Promise<ReasoningServices>;
  readonly stdout?: (text: string) => void;
  /** Aborted when the context closes: stops host work still in flight. */
  readonly signal: AbortSignal;
  readonly converter: () => ValueConverter;
  /** Called with each module file read, for watch mode. */
  readonly onModuleFile?: (file: string) => void;
}

export class ContextHost implements SandboxHostBridge {
  readonly searchPaths: readonly string[];
  #fileSystem: ConfinedFileSystem | null = null;
  #resolver: ((request: ModuleRequest) => ModuleSource | null) | null = null;
  /** Output captures of requests in flight; each chunk goes to all of them (see `captureStdout`). */
  private readonly captures = new Set<string[]>();

  constructor(private readonly options: ContextHostOptions) {
    const danaPath = (options.env.DANAPATH ?? "").split(delimiter).filter((path) => path !== "");
    this.searchPaths = [...options.modulePaths, ...danaPath];
  }

  /** Built on first use: resolving the roots' real paths costs system calls that `createContext` should not pay. */
  get fileSystem(): ConfinedFileSystem {
    this.#fileSystem ??= createConfinedFileSystem([...this.searchPaths, ...this.options.capabilities.readRoots]);
    return this.#fileSystem;
  }

  /**
   * Names bound in the sandbox: the context's functions and every runtime function — ungranted ones too, so
   * calling one raises `CapabilityDeniedError` (saying how to grant it) instead of reading an undefined name.
   */
  get hostFunctionNames(): string[] {
    return [...new Set([...Object.keys(this.options.contextFunctions), ...Object.keys(this.options.runtimeFunctions)])];
  }

  /** Collects output until `stop()`; captures overlap when requests run concurrently. */
  captureStdout(): { stop(): string } {
    const chunks: string[] = [];
    this.captures.add(chunks);
    return {
      stop: () => {
        this.captures.delete(chunks);
        return chunks.join("");
      },
    };
  }

  writeStdout(text: string): void {
    for (const capture of this.captures) capture.push(text);
    this.options.stdout?.(text);
  }

  resolveModule(request: ModuleRequest): ModuleSource | null {
    this.#resolver ??= createModuleResolver(this.searchPaths, this.fileSystem);
    const source = this.#resolver(request);
    if (source) this.options.onModuleFile?.(source.file);
    return source;
  }

  async reason(request: ReasonRequest): Promise<unknown> {
    if (!this.options.capabilities.llm) throw capabilityDenied("llm", "reason()");
    const { llm } = await this.options.reasoning();
    return llm.reason(request, { signal: this.options.signal });
  }

  async callHostFunction(name: string, positional: readonly Value[], keywords: KeywordArguments): Promise<Value> {
    const implementation = this.findHostFunction(name);
    const converter = this.options.converter();
    const args: unknown[] = positional.map((value, index) => converter.fromDana(value, `${name}() argument ${index}`));
    if (keywords.size > 0) {
      const record: Record<string, unknown> = {};
      for (const [key, value] of keywords) record[key] = converter.fromDana(value, `${name}() argument '${key}'`);
      args.push(record);
    }
    const result = await (implementation as (...args: unknown[]) => unknown)(...args);
    return converter.toDana(result, `${name}() result`);
  }

  private findHostFunction(name: string): HostFunction {
    const own = Object.hasOwn(this.options.contextFunctions, name) ? this.options.contextFunctions[name] : undefined;
    if (own) return own;
    const shared = Object.hasOwn(this.options.runtimeFunctions, name) ? this.options.runtimeFunctions[name] : undefined;
    if (shared && this.options.capabilities.hostFunctions.has(name)) return shared;
    throw capabilityDenied(`host:${name}`, `calling host function '${name}'`);
  }
}
