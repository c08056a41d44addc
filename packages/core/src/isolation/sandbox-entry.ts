/**
 * What both entry scripts do once their pipe is known: serve the sandbox protocol with a probed interpreter, and
 * report ready — or report why they could not start, so the host's pool sees a start failure, not a hang.
 */
import type { HostToSandboxMessage, SandboxToHostMessage } from "../protocol/messages.js";
import { type ServeSandboxOptions, serveSandbox } from "../protocol/serve-sandbox.js";
import type { InterpreterFactory } from "../protocol/server.js";
import type { SandboxBootstrapMessage } from "./bootstrap-messages.js";
import type { InterruptProbe } from "./interrupt-probe.js";
import { type MessageBatch, OutgoingBatch, unbatch } from "./message-batch.js";
import { probedInterpreterFactory } from "./probed-interpreter.js";
import { warmUp } from "./warm-up.js";

export interface EntryChannel {
  /** `transfer`: buffers to move rather than copy (worker threads; a child process copies whatever it sends). */
  post(message: SandboxToHostMessage | SandboxBootstrapMessage | MessageBatch, transfer?: readonly ArrayBuffer[]): void;
  /** Deliveries may be single messages or batches (see `message-batch.ts`). */
  onMessage(listener: (delivery: HostToSandboxMessage | MessageBatch) => void): void;
}

export interface EntryOptions {
  /** Builds the probe; called inside the start-up guard so its failure is reported as a start failure. */
  readonly probe: () => InterruptProbe;
  /** The interpreter to serve with (the language package's, or a test double). */
  readonly createInterpreter: () => InterpreterFactory;
  /** Struct field writes from TypeScript, checked as a Dana typed assignment is (the gateway's rule). */
  readonly coerceField?: ServeSandboxOptions["coerceField"];
}

export function runSandboxEntry(channel: EntryChannel, options: EntryOptions): void {
  try {
    const probe = options.probe();
    const languageFactory = options.createInterpreter();
    warmUp(languageFactory);
    const createInterpreter = probedInterpreterFactory(languageFactory, probe);
    const outgoing = new OutgoingBatch((message, transfer) =>
      channel.post(message as SandboxToHostMessage | MessageBatch, transfer),
    );
    serveSandbox(
      {
        // Answers are batched; output and host requests leave at once, so a long computation's prints stream
        // out while it runs and the host hears of them in order.
        // Buffers the server lists (native values such as Arrow IPC bytes) are moved with the message that holds them.
        post: (message: SandboxToHostMessage, transfer?: readonly ArrayBuffer[]) =>
          message.type === "response" ? outgoing.push(message, transfer) : outgoing.pushNow(message, transfer),
        onMessage: (listener) =>
          channel.onMessage((delivery) =>
            unbatch(delivery, (item) => {
              const message = item as HostToSandboxMessage;
              // A cancel the clock hook already acted on must not cancel whatever runs next.
              if (message.type === "cancel" && !probe.acknowledge()) return;
              listener(message);
            }),
          ),
      },
      // No `onClose`: the host terminates the sandbox right after `close`; exiting here would race that.
      { createInterpreter, ...(options.coerceField ? { coerceField: options.coerceField } : {}) },
    );
    channel.post({ sandboxBootstrap: "ready" });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    channel.post({ sandboxBootstrap: "failed", message });
  }
}
