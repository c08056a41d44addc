/**
 * Coalesces the messages one side sends within the same turn of its event loop into a single `postMessage` /
 * IPC send. With many calls in flight, the cost of a round trip is mostly the per-message cost of the channel
 * (serialisation framing, waking the other thread, dispatching an event), so a hundred requests issued together
 * cross as one message, and their answers come back the same way. A lone request is sent at the end of the
 * current microtask queue, so a serial call waits for no timer.
 */
export interface MessageBatch {
  readonly sandboxBatch: readonly unknown[];
}

function isBatch(message: unknown): message is MessageBatch {
  return typeof message === "object" && message !== null && "sandboxBatch" in message;
}

/** Calls `listener` for each message a (possibly batched) delivery carries, in order. */
export function unbatch(message: unknown, listener: (message: unknown) => void): void {
  if (!isBatch(message)) listener(message);
  else if (Array.isArray(message.sandboxBatch)) for (const item of message.sandboxBatch) listener(item);
  else throw new TypeError("a batch whose messages are not an array");
}

export class OutgoingBatch {
  private messages: unknown[] = [];
  private transfer: ArrayBuffer[] = [];
  private scheduled = false;

  constructor(private readonly send: (message: unknown, transfer: readonly ArrayBuffer[]) => void) {}

  /** Queues `message` for the end of this turn. */
  push(message: unknown, transfer?: readonly ArrayBuffer[]): void {
    this.messages.push(message);
    if (transfer !== undefined) this.transfer.push(...transfer);
    if (!this.scheduled) {
      this.scheduled = true;
      queueMicrotask(this.flush);
    }
  }

  /** Sends `message` now, after whatever is queued (for messages that must not wait, like program output). */
  pushNow(message: unknown, transfer: readonly ArrayBuffer[] = []): void {
    this.flush();
    this.send(message, transfer);
  }

  readonly flush = (): void => {
    this.scheduled = false;
    if (this.messages.length === 0) return;
    const messages = this.messages;
    const transfer = this.transfer;
    this.messages = [];
    this.transfer = [];
    this.send(messages.length === 1 ? messages[0] : { sandboxBatch: messages }, transfer);
  };
}
