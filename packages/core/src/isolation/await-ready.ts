/**
 * Waits for a new sandbox's bootstrap message. Every outcome is bounded: ready, a reported start failure, an exit
 * during start, or the start timeout (after which the sandbox is terminated, so nothing is left running).
 */
import { isBootstrapMessage } from "./bootstrap-messages.js";
import { startDeadline } from "./deadline.js";
import type { SandboxExit, SandboxPort } from "./sandbox-port.js";

export class SandboxStartError extends Error {
  override readonly name = "SandboxStartError";
}

export function awaitReady(port: SandboxPort, startTimeoutMs: number): Promise<SandboxPort> {
  return new Promise<SandboxPort>((resolve, reject) => {
    let settled = false;
    const fail = (message: string, terminate: boolean) => {
      if (settled) return;
      settled = true;
      timer.cancel();
      const error = new SandboxStartError(`the ${port.kind} sandbox could not start: ${message}`);
      if (terminate)
        port.terminate().then(
          () => reject(error),
          () => reject(error),
        );
      else reject(error);
    };
    const timer = startDeadline(startTimeoutMs, () =>
      fail(`it did not report ready within ${startTimeoutMs} ms`, true),
    );
    port.setMessageListener((message) => {
      if (settled || !isBootstrapMessage(message)) return;
      if (message.sandboxBootstrap === "failed") {
        fail(message.message, true);
        return;
      }
      settled = true;
      timer.cancel();
      // Ready and idle: a warm sandbox must not keep the host alive (the backend holds it while it has work).
      port.keepAlive(false);
      resolve(port);
    });
    port.onExit((exit: SandboxExit) => fail(describeExit(exit), false));
  });
}

export function describeExit(exit: SandboxExit): string {
  const how = exit.signal !== null ? `it was killed by ${exit.signal}` : `it exited with code ${String(exit.exitCode)}`;
  return exit.detail === "" ? how : `${how}: ${exit.detail}`;
}
