/**
 * Starts a worker-thread or child-process sandbox for a context and connects it to the context's host:
 * stdout and host requests from the sandbox are served here, with capabilities checked on this side.
 *
 * The backends live in `src/isolation/` (loaded only when an isolated context is created, so in-process
 * users never load them) and must export `createIsolatedBackend(mode, init, events)`; a runtime may also be
 * given its own `backends`.
 */
import { DanaCrashedError } from "../errors/classes.js";
import type { SandboxBackend, SandboxBackendEvents, SandboxBackendFactory } from "../protocol/backend.js";
import { serveHostRequest } from "../protocol/host-codec.js";
import type { SandboxInit } from "../protocol/messages.js";
import type { ContextHost } from "./context-host.js";
import { WireSandboxClient } from "./wire-sandbox-client.js";

type IsolationModule = {
  createIsolatedBackend?: (
    mode: "worker" | "process",
    init: SandboxInit,
    events: SandboxBackendEvents,
  ) => Promise<SandboxBackend>;
};

// A variable specifier keeps bundlers and the type checker from requiring the isolation code to exist.
const isolationModulePath = "../isolation/index.js";

async function defaultFactory(mode: "worker" | "process"): Promise<SandboxBackendFactory> {
  let loaded: IsolationModule;
  try {
    loaded = (await import(isolationModulePath)) as IsolationModule;
  } catch (error) {
    throw new DanaCrashedError(`isolation "${mode}" is not available in this build`, {}, { cause: error });
  }
  const create = loaded.createIsolatedBackend;
  if (typeof create !== "function") throw new DanaCrashedError(`isolation "${mode}" is not available in this build`);
  return (init, events) => create(mode, init, events);
}

export async function startIsolatedClient(
  mode: "worker" | "process",
  backends: Partial<Record<"worker" | "process", SandboxBackendFactory>>,
  init: SandboxInit,
  host: ContextHost,
): Promise<WireSandboxClient> {
  const factory = backends[mode] ?? (await defaultFactory(mode));
  let backend: SandboxBackend | null = null;
  const events: SandboxBackendEvents = {
    onStdout: (text) => host.writeStdout(text),
    onHostRequest: (message) => {
      void serveHostRequest(message, host).then((response) => backend?.respond(response));
    },
    onCrash: () => {
      // Pending requests reject with the crash error from the backend itself; nothing more to do here.
    },
  };
  backend = await factory(init, events);
  return new WireSandboxClient(backend);
}
