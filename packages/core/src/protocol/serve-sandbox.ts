/**
 * The message loop of a sandbox (inside a worker thread or a child process): waits for `init`, builds the
 * server, answers requests, routes host responses. The isolation entry scripts call this with their pipe.
 */
import { DanaError } from "../errors/dana-error.js";
import type { HostToSandboxMessage, SandboxRequest, SandboxResponse, SandboxToHostMessage } from "./messages.js";
import { protocolVersion } from "./messages.js";
import { type InterpreterFactory, SandboxServer, type SandboxServerOptions } from "./server.js";
import { createWireHostBridge, type WireHostBridge } from "./wire-host-bridge.js";
import { WireSandboxServer } from "./wire-server.js";

export interface SandboxChannel {
  post(message: SandboxToHostMessage): void;
  onMessage(listener: (message: HostToSandboxMessage) => void): void;
}

export interface ServeSandboxOptions {
  readonly createInterpreter: InterpreterFactory;
  readonly coerceField?: SandboxServerOptions["coerceField"];
  /** Called after the host's `close` request has been answered (e.g. to exit the thread or process). */
  readonly onClose?: () => void;
}

export function serveSandbox(channel: SandboxChannel, options: ServeSandboxOptions): void {
  let server: WireSandboxServer | null = null;
  let wire: WireHostBridge | null = null;

  const fail = (request: SandboxRequest, message: string): SandboxResponse => ({
    type: "response",
    id: request.id,
    ok: false,
    error: new DanaError(message).toJSON(),
  });

  const start = (request: Extract<SandboxRequest, { type: "init" }>): SandboxResponse => {
    if (server) return fail(request, "the sandbox was already initialised");
    if (request.init.protocolVersion !== protocolVersion) {
      return fail(
        request,
        `protocol version mismatch: host ${request.init.protocolVersion}, sandbox ${protocolVersion}`,
      );
    }
    wire = createWireHostBridge(channel.post, () => server!);
    server = new WireSandboxServer(
      new SandboxServer({
        init: request.init,
        host: wire.bridge,
        createInterpreter: options.createInterpreter,
        ...(options.coerceField ? { coerceField: options.coerceField } : {}),
      }),
    );
    return { type: "response", id: request.id, ok: true, value: null };
  };

  channel.onMessage((message) => {
    switch (message.type) {
      case "host-response":
        wire?.receive(message);
        return;
      case "release":
      case "cancel":
        server?.handleNotice(message);
        return;
      case "init":
        channel.post(start(message));
        return;
    }
    const active = server;
    if (!active) {
      channel.post(fail(message, `the sandbox received '${message.type}' before 'init'`));
      return;
    }
    void active.handleRequest(message).then((response) => {
      channel.post(response);
      if (message.type === "close") {
        wire?.abandon("the sandbox is closing");
        options.onClose?.();
      }
    });
  });
}
