/**
 * The two messages an entry script sends before it serves the sandbox protocol: it is ready (every module loaded,
 * the server built), or it could not start. Kept apart from the protocol so that a sandbox that fails while loading
 * is reported as a start failure, never as a crash in the middle of a call.
 */
export interface SandboxReadyMessage {
  readonly sandboxBootstrap: "ready";
}

export interface SandboxStartFailedMessage {
  readonly sandboxBootstrap: "failed";
  readonly message: string;
}

export type SandboxBootstrapMessage = SandboxReadyMessage | SandboxStartFailedMessage;

export function isBootstrapMessage(message: unknown): message is SandboxBootstrapMessage {
  return typeof message === "object" && message !== null && "sandboxBootstrap" in message;
}
