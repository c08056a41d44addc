/**
 * A `SandboxBackend` that runs the `SandboxServer` in this thread but passes every message through
 * `structuredClone`, exactly as a worker's `postMessage` would. It exercises the whole wire path (encoding,
 * handles, host requests, error serialisation) without a thread: the conformance suite runs on it, and
 * isolation backends can be compared with it.
 */
import { DanaCrashedError } from "../errors/classes.js";
import type { SandboxBackend, SandboxBackendEvents, SandboxBackendFactory } from "./backend.js";
import type { HostResponseMessage, SandboxNotice, SandboxRequest, SandboxResponse } from "./messages.js";
import { serveSandbox } from "./serve-sandbox.js";
import type { InterpreterFactory } from "./server.js";

export function createLoopbackBackendFactory(createInterpreter: InterpreterFactory): SandboxBackendFactory {
  return async (init, events) => {
    const backend = new LoopbackBackend(createInterpreter, events);
    const response = await backend.request({ type: "init", id: 0, init });
    if (!response.ok) throw new DanaCrashedError(`the loopback sandbox could not start: ${response.error.message}`);
    return backend;
  };
}

class LoopbackBackend implements SandboxBackend {
  readonly isolation = "worker" as const;
  private readonly pending = new Map<number, (response: SandboxResponse) => void>();
  private deliver: (message: unknown) => void = () => {};
  private closed = false;

  constructor(createInterpreter: InterpreterFactory, events: SandboxBackendEvents) {
    serveSandbox(
      {
        // Sandbox → host: asynchronous and cloned, as across a thread.
        post: (message) => {
          const copy = structuredClone(message);
          queueMicrotask(() => {
            if (copy.type === "response") {
              const resolve = this.pending.get(copy.id);
              this.pending.delete(copy.id);
              resolve?.(copy);
            } else if (copy.type === "stdout") events.onStdout(copy.text);
            else events.onHostRequest(copy);
          });
        },
        onMessage: (listener) => {
          this.deliver = listener as (message: unknown) => void;
        },
      },
      { createInterpreter },
    );
  }

  private send(message: SandboxRequest | SandboxNotice | HostResponseMessage): void {
    const copy = structuredClone(message);
    queueMicrotask(() => this.deliver(copy));
  }

  request(message: SandboxRequest): Promise<SandboxResponse> {
    if (this.closed && message.type !== "close") {
      return Promise.reject(new DanaCrashedError("the loopback sandbox is closed"));
    }
    return new Promise((resolve) => {
      this.pending.set(message.id, resolve);
      this.send(message);
    });
  }

  notify(notice: SandboxNotice): void {
    if (!this.closed) this.send(notice);
  }

  respond(message: HostResponseMessage): void {
    if (!this.closed) this.send(message);
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
