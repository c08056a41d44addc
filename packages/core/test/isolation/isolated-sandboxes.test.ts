import { afterAll, describe, expect, it } from "vitest";
import { DanaError } from "../../src/errors/dana-error.js";
import { IsolatedSandboxes } from "../../src/isolation/isolated-sandboxes.js";
import type { SandboxBackendEvents } from "../../src/protocol/backend.js";
import { protocolVersion } from "../../src/protocol/messages.js";

const events: SandboxBackendEvents = { onStdout: () => {}, onHostRequest: () => {}, onCrash: () => {} };
const init = { protocolVersion, limits: {}, hostFunctionNames: [] };

describe.each(["worker", "process"] as const)("IsolatedSandboxes (%s)", (mode) => {
  const sandboxes = new IsolatedSandboxes({ pool: { minIdle: 1, maxSize: 3 }, maxWarmConfigurations: 2 });
  afterAll(() => sandboxes.close());

  it("hands out a backend whose sandbox serves the real interpreter", async () => {
    const backend = await sandboxes.createBackend(mode, init, events);
    const response = await backend.request({ type: "eval", id: 1, source: "x = 20\nx * 2 + 2", inputs: [] });
    expect(response).toEqual({ type: "response", id: 1, ok: true, value: 42 });
    await backend.close();
  });

  it("gives every context a sandbox of its own, never a used one", async () => {
    const first = await sandboxes.createBackend(mode, init, events);
    await first.request({ type: "eval", id: 1, source: "secret = 41", inputs: [] });
    await first.close();
    const second = await sandboxes.createBackend(mode, init, events);
    const response = await second.request({ type: "eval", id: 1, source: "secret", inputs: [] });
    expect(response).not.toMatchObject({ ok: true, value: 41 });
    await second.close();
  });

  it("fails every request with the init error when the sandbox rejects init", async () => {
    const backend = await sandboxes.createBackend(mode, { ...init, protocolVersion: -1 }, events);
    const failure = await backend.request({ type: "eval", id: 1, source: "1", inputs: [] }).catch((error) => error);
    expect(DanaError.isInstance(failure)).toBe(true);
    expect((failure as Error).message).toMatch(/protocol version mismatch/);
    await backend.close();
  });

  it("keeps at most maxWarmConfigurations pools warm", async () => {
    for (const megabytes of [40, 48, 56]) {
      const backend = await sandboxes.createBackend(
        mode,
        { ...init, limits: { maxMemoryBytes: megabytes * 1024 * 1024 } },
        events,
      );
      await backend.close();
    }
    expect((sandboxes as unknown as { pools: Map<string, unknown> }).pools.size).toBe(2);
  });
});
