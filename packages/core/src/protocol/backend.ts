/**
 * What an isolated mode provides: a way to send protocol requests to a `SandboxServer` somewhere else (a
 * worker thread, a child process, or the loopback used in tests) and to hear back from it. In-process
 * contexts need no backend: they hold their `SandboxServer` and call it directly.
 */
import type { DanaCrashedError } from "../errors/classes.js";
import type {
  HostRequestMessage,
  HostResponseMessage,
  SandboxInit,
  SandboxNotice,
  SandboxRequest,
  SandboxResponse,
} from "./messages.js";

export type IsolationMode = "inprocess" | "worker" | "process";

/** How a backend reports what the sandbox says on its own. The gateway supplies these. */
export interface SandboxBackendEvents {
  /** `print` output, in order. */
  onStdout(text: string): void;
  /** A sandbox → host request; the gateway answers it with `backend.respond(...)`. */
  onHostRequest(message: HostRequestMessage): void;
  /** The sandbox died (out of memory, killed, exited). Pending requests must also reject with this error. */
  onCrash(error: DanaCrashedError): void;
}

export interface SandboxRequestOptions {
  /**
   * Aborting cancels the request: the backend sends a `cancel` notice, and may terminate a sandbox that does
   * not answer within a grace period (then every pending request rejects with `DanaCrashedError`).
   */
  readonly signal?: AbortSignal;
  /** Buffers to move instead of copy (worker threads only; ignored elsewhere). */
  readonly transfer?: readonly ArrayBuffer[];
}

export interface SandboxBackend {
  readonly isolation: IsolationMode;
  /** Resolves with the response to `message` (errors arrive as `ok: false` responses, not rejections). */
  request(message: SandboxRequest, options?: SandboxRequestOptions): Promise<SandboxResponse>;
  notify(notice: SandboxNotice): void;
  /** Delivers the host's answer to a `host-request`. */
  respond(message: HostResponseMessage): void;
  /** Ends the sandbox. Idempotent; pending requests reject with `DanaCrashedError`. */
  close(): Promise<void>;
}

/** Starts a sandbox for one context. The backend sends the `init` request itself before resolving. */
export type SandboxBackendFactory = (init: SandboxInit, events: SandboxBackendEvents) => Promise<SandboxBackend>;
