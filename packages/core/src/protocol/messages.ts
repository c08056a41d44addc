/**
 * Messages between the host (the gateway API) and a sandbox (the `SandboxServer` holding an interpreter).
 * Every message is plain data (see `wire-values.ts`), so the same protocol runs in-process, over a worker's
 * `postMessage` and over a child process's IPC channel. See docs/protocol.md.
 */
import type { ExpectedType, Limits, ModuleRequest, ModuleSource } from "@dana-gateway/lang";
import type { SerializedDanaError } from "../errors/dana-error.js";
import type { WireValue } from "./wire-values.js";

/** Incremented when a message shape changes incompatibly; both sides check it in `hello`. */
export const protocolVersion = 1;

export type KeywordEntries = readonly (readonly [string, WireValue])[];

// ---------------------------------------------------------------------------------------------------------
// Host → sandbox requests. Each has an `id` unique per connection; the sandbox answers with one `response`.

export interface EvaluateRequest {
  readonly type: "eval";
  readonly id: number;
  readonly source: string;
  /** File name for errors and relative imports; `ctx.run(file)` sends the confined real path here. */
  readonly file?: string;
  /** Top-level names bound before the program runs: values cross as data, never as source text. */
  readonly inputs: KeywordEntries;
  readonly limits?: Partial<Limits>;
  /** Modules registering the native codecs this request's values use (see `native-codecs.ts`); imported first. */
  readonly codecModules?: readonly string[];
}

export interface ImportModuleRequest {
  readonly type: "import-module";
  readonly id: number;
  /** Dotted module name, e.g. "analytics.process". */
  readonly name: string;
  readonly limits?: Partial<Limits>;
}

export interface CallRequest {
  readonly type: "call";
  readonly id: number;
  readonly handleId: number;
  readonly positional: readonly WireValue[];
  readonly keywords: KeywordEntries;
  readonly limits?: Partial<Limits>;
  /** Modules registering the native codecs this request's values use (see `native-codecs.ts`); imported first. */
  readonly codecModules?: readonly string[];
}

export interface GetAttributeRequest {
  readonly type: "get-attribute";
  readonly id: number;
  readonly handleId: number;
  readonly name: string;
}

export interface SetAttributeRequest {
  readonly type: "set-attribute";
  readonly id: number;
  readonly handleId: number;
  readonly name: string;
  readonly value: WireValue;
  /** Modules registering the native codecs this request's values use (see `native-codecs.ts`); imported first. */
  readonly codecModules?: readonly string[];
}

/** Forgets cached modules (all, or those loaded from `files`) so the next import re-reads them. */
export interface InvalidateModulesRequest {
  readonly type: "invalidate-modules";
  readonly id: number;
  readonly files?: readonly string[];
}

/** Counters for leak checks: `{ liveHandles }`. */
export interface StatsRequest {
  readonly type: "stats";
  readonly id: number;
}

export interface CloseRequest {
  readonly type: "close";
  readonly id: number;
}

/**
 * The first request on a connection (a pooled sandbox starts before it knows its context): builds the
 * interpreter with these limits and host functions. Any other request before it fails.
 */
export interface InitRequest {
  readonly type: "init";
  readonly id: number;
  readonly init: SandboxInit;
}

export type SandboxRequest =
  | InitRequest
  | EvaluateRequest
  | ImportModuleRequest
  | CallRequest
  | GetAttributeRequest
  | SetAttributeRequest
  | InvalidateModulesRequest
  | StatsRequest
  | CloseRequest;

/** Fire-and-forget host → sandbox notices: no response. */
export type SandboxNotice =
  /**
   * The host dropped its references (dispose or garbage collection). `counts[i]` is how many times the host
   * received `handleIds[i]` (a copy still in flight keeps the handle alive); without `counts` the handles are
   * released outright. Unknown ids are ignored.
   */
  | { readonly type: "release"; readonly handleIds: readonly number[]; readonly counts?: readonly number[] }
  /** Stops the running request `requestId` at its next step with a `DanaTimeoutError` (limit "cancelled"). */
  | { readonly type: "cancel"; readonly requestId: number; readonly reason?: string };

export type SandboxResponse =
  | { readonly type: "response"; readonly id: number; readonly ok: true; readonly value: WireValue }
  | { readonly type: "response"; readonly id: number; readonly ok: false; readonly error: SerializedDanaError };

// ---------------------------------------------------------------------------------------------------------
// Sandbox → host. Capabilities are checked by the host when it serves these, so a compromised sandbox
// cannot grant itself anything.

export type HostRequest =
  | {
      readonly kind: "reason";
      readonly prompt: string;
      /** Options after folding keyword arguments in, as JSON data. */
      readonly options: Readonly<Record<string, unknown>>;
      readonly expectedType: ExpectedType | null;
    }
  | {
      readonly kind: "host-function";
      readonly name: string;
      readonly positional: readonly WireValue[];
      readonly keywords: KeywordEntries;
    }
  | { readonly kind: "resolve-module"; readonly request: ModuleRequest };

export interface HostRequestMessage {
  readonly type: "host-request";
  readonly id: number;
  /** The host → sandbox request during which this was asked (for cancellation and stdout attribution). */
  readonly requestId: number | null;
  readonly request: HostRequest;
}

/** Answers: `reason` → JSON data (`unknown`), `host-function` → a `WireValue`, `resolve-module` → `ModuleSource | null`. */
export type HostResponseMessage =
  | {
      readonly type: "host-response";
      readonly id: number;
      readonly ok: true;
      readonly value: unknown;
      /** Modules registering the native codecs the value uses (see `native-codecs.ts`); imported before decoding. */
      readonly codecModules?: readonly string[];
    }
  | { readonly type: "host-response"; readonly id: number; readonly ok: false; readonly error: SerializedDanaError };

export interface StdoutMessage {
  readonly type: "stdout";
  readonly text: string;
}

export type SandboxToHostMessage = SandboxResponse | HostRequestMessage | StdoutMessage;
export type HostToSandboxMessage = SandboxRequest | SandboxNotice | HostResponseMessage;

/** Sent once by the host before any request: what the server needs to build its interpreter. */
export interface SandboxInit {
  readonly protocolVersion: number;
  /** Budgets for every request (a request's own `limits` override them). */
  readonly limits: Partial<Limits>;
  /** Names Dana code may call as functions; each call becomes a `host-function` request. */
  readonly hostFunctionNames: readonly string[];
}

export type { ModuleSource };
