/**
 * Waits for a new sandbox's bootstrap message. Every outcome is bounded: ready, a reported start failure, an exit
 * during start, or the start timeout (after which the sandbox is terminated, so nothing is left running).
 */
import { DanaCrashedError } from "../errors/classes.js";
import { isBootstrapMessage } from "./bootstrap-messages.js";
import { startDeadline } from "./deadline.js";
import type { SandboxExit, SandboxPort } from "./sandbox-port.js";

export function awaitReady(port: SandboxPort, startTimeoutMs: number): Promise<SandboxPort> {
  return new Promise<SandboxPort>((resolve, reject) => {
    let settled = false;
    /** A start failure is a crash of a sandbox nobody used yet: same class, with how it ended. */
    const fail = (message: string, ended: SandboxExit | null) => {
      if (settled) return;
      settled = true;
      timer.cancel();
      const failure = (exit: SandboxExit | null) =>
        new DanaCrashedError(`the ${port.kind} sandbox could not start: ${message}`, {
          exitCode: exit?.exitCode ?? null,
          signal: exit?.signal ?? null,
          outOfMemory: exit?.outOfMemory ?? false,
        });
      if (ended !== null) reject(failure(ended));
      else
        port.terminate().then(
          (exit) => reject(failure(exit)),
          () => reject(failure(null)),
        );
    };
    const timer = startDeadline(startTimeoutMs, () =>
      fail(`it did not report ready within ${startTimeoutMs} ms`, null),
    );
    port.setMessageListener((message) => {
      if (settled || !isBootstrapMessage(message)) return;
      if (message.sandboxBootstrap === "failed") {
        fail(message.message, null);
        return;
      }
      settled = true;
      timer.cancel();
      // Ready and idle: a warm sandbox must not keep the host alive (the backend holds it while it has work).
      port.keepAlive(false);
      resolve(port);
    });
    port.onExit((exit: SandboxExit) => fail(describeExit(exit), exit));
  });
}

export function describeExit(exit: SandboxExit): string {
  const how = exit.signal !== null ? `it was killed by ${exit.signal}` : `it exited with code ${String(exit.exitCode)}`;
  return exit.detail === "" ? how : `${how}: ${exit.detail}`;
}
