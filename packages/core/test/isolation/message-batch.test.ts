import { describe, expect, it } from "vitest";
import { OutgoingBatch, unbatch } from "../../src/isolation/message-batch.js";

describe("message batching", () => {
  it("sends messages pushed in one turn as one delivery, in order, and a lone message as itself", async () => {
    const sent: unknown[] = [];
    const batch = new OutgoingBatch((message) => sent.push(message));
    batch.push({ id: 1 });
    batch.push({ id: 2 });
    expect(sent).toEqual([]);
    await Promise.resolve();
    batch.push({ id: 3 });
    await Promise.resolve();
    expect(sent).toEqual([{ sandboxBatch: [{ id: 1 }, { id: 2 }] }, { id: 3 }]);
    const received: unknown[] = [];
    for (const delivery of sent) unbatch(delivery, (message) => received.push(message));
    expect(received).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
  });

  it("sends an urgent message at once, after what was already queued", () => {
    const sent: unknown[] = [];
    const batch = new OutgoingBatch((message) => sent.push(message));
    batch.push({ id: 1 });
    batch.pushNow({ type: "stdout" });
    expect(sent).toEqual([{ id: 1 }, { type: "stdout" }]);
  });

  it("gathers the buffers to transfer", async () => {
    const transfers: (readonly ArrayBuffer[])[] = [];
    const batch = new OutgoingBatch((_message, transfer) => transfers.push(transfer));
    const first = new ArrayBuffer(8);
    const second = new ArrayBuffer(8);
    batch.push({ id: 1 }, [first]);
    batch.push({ id: 2 }, [second]);
    await Promise.resolve();
    expect(transfers).toEqual([[first, second]]);
  });
});
