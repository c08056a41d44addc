import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DanaRuntime } from "../../src/index.js";
import { IsolatedBackend } from "../../src/isolation/isolated-backend.js";
import { launchProcess } from "../../src/isolation/process-launcher.js";
import { launchWorker } from "../../src/isolation/worker-launcher.js";
import type { SandboxBackendFactory } from "../../src/protocol/backend.js";

const entry = fileURLToPath(new URL("./fixtures/scripted-interpreter-entry.mjs", import.meta.url));
const launch = { heapLimitBytes: 48 * 1024 * 1024, environment: {}, startTimeoutMs: 5_000 };
const backendOptions = {
  watchdogGraceMs: 250,
  cancelGraceMs: 500,
  initTimeoutMs: 5_000,
  maxInFlight: 64,
  onEnded: () => {},
};

/** Contexts whose sandbox runs a compromised interpreter that sends host requests of its own making. */
function compromised(start: typeof launchWorker): SandboxBackendFactory {
  return async (init, events) => IsolatedBackend.connect(await start(launch, entry), init, events, backendOptions);
}

describe.each([
  ["worker", launchWorker],
  ["process", launchProcess],
] as const)("capabilities are checked by the host, not the %s sandbox", (mode, start) => {
  const calls: string[] = [];
  let runtime: DanaRuntime;

  beforeAll(async () => {
    runtime = await DanaRuntime.create({
      env: {},
      hostFunctions: { runtime_secret: () => calls.push("runtime_secret") },
      backends: { [mode]: compromised(start) },
    });
  });
  afterAll(() => runtime.close());

  it("refuses a host function the context was not granted, even when the sandbox asks for it directly", async () => {
    const context = runtime.createContext({ isolation: mode });
    expect((await context.eval("forge-function:runtime_secret")).value).toBe("CapabilityDeniedError");
    expect((await context.eval("forge-function:not_defined_anywhere")).value).toBe("CapabilityDeniedError");
    expect(calls).toEqual([]);
    await context.close();
  });

  it("refuses the model to a context without the llm capability", async () => {
    const context = runtime.createContext({ isolation: mode });
    expect((await context.eval("forge-reason")).value).toBe("CapabilityDeniedError");
    await context.close();
  });

  it("serves the same request once the context was granted it", async () => {
    const context = runtime.createContext({ isolation: mode, capabilities: ["host:runtime_secret"] });
    expect((await context.eval("forge-function:runtime_secret")).value).toBe("granted");
    expect(calls).toEqual(["runtime_secret"]);
    await context.close();
  });
});
