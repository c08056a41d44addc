/**
 * The sandbox side of host requests over the wire: a `SandboxHostBridge` that sends `host-request` messages
 * and waits for `host-response` messages. Used inside worker threads and child processes.
 */
import type { KeywordArguments, ModuleSource, Value } from "@dana-gateway/lang";
import { DanaError } from "../errors/dana-error.js";
import type { SandboxHostBridge } from "./host-bridge.js";
import type { HostRequest, HostResponseMessage, SandboxToHostMessage } from "./messages.js";
import { loadNativeCodecModules } from "./native-codecs.js";
import type { WireSandboxServer } from "./wire-server.js";
import type { WireValue } from "./wire-values.js";

export interface WireHostBridge {
  readonly bridge: SandboxHostBridge;
  /** Feed every `host-response` message here. */
  receive(message: HostResponseMessage): void;
  /** Rejects every pending host request (the connection is closing). */
  abandon(reason: string): void;
}

export function createWireHostBridge(
  post: (message: SandboxToHostMessage) => void,
  /** The server whose handle table encodes sandbox objects passed to host functions (set after construction). */
  server: () => WireSandboxServer,
): WireHostBridge {
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: unknown): void }>();
  /** Codec modules named by the answer to each host request, when it carries native values. */
  const answerModules = new Map<number, readonly string[]>();
  let nextId = 1;

  const ask = (request: HostRequest): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      post({ type: "host-request", id, requestId: null, request });
    });

  const bridge: SandboxHostBridge = {
    writeStdout: (text) => post({ type: "stdout", text }),
    resolveModule: async (request) => (await ask({ kind: "resolve-module", request })) as ModuleSource | null,
    reason: (request) =>
      ask({ kind: "reason", prompt: request.prompt, options: request.options, expectedType: request.expectedType }),
    async callHostFunction(name: string, positional: readonly Value[], keywords: KeywordArguments): Promise<Value> {
      const codec = server();
      const id = nextId; // the id `ask` takes, synchronously, below
      const wire = await ask({
        kind: "host-function",
        name,
        positional: positional.map((value, index) => codec.encode(value, `${name}() argument ${index}`)),
        keywords: [...keywords].map(
          ([key, value]) => [key, codec.encode(value, `${name}() argument '${key}'`)] as const,
        ),
      });
      const modules = answerModules.get(id);
      if (modules !== undefined) {
        answerModules.delete(id);
        await loadNativeCodecModules(modules);
      }
      return codec.decode(wire as WireValue);
    },
  };

  return {
    bridge,
    receive(message) {
      const waiter = pending.get(message.id);
      if (!waiter) return;
      pending.delete(message.id);
      if (message.ok && message.codecModules !== undefined) answerModules.set(message.id, message.codecModules);
      if (message.ok) waiter.resolve(message.value);
      else waiter.reject(DanaError.fromJSON(message.error));
    },
    abandon(reason) {
      for (const waiter of pending.values()) waiter.reject(new DanaError(reason));
      pending.clear();
    },
  };
}
