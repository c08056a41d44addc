import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DanaCrashedError } from "../../src/errors/classes.js";
import type { SandboxLaunchOptions } from "../../src/isolation/launch-options.js";
import { launchProcess } from "../../src/isolation/process-launcher.js";
import type { SandboxPort } from "../../src/isolation/sandbox-port.js";
import { launchWorker } from "../../src/isolation/worker-launcher.js";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

const options: SandboxLaunchOptions = {
  heapLimitBytes: 64 * 1024 * 1024,
  environment: { DANA_GRANTED: "yes" },
  startTimeoutMs: 5_000,
};

function roundTrip(port: SandboxPort, message: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    port.setMessageListener(resolve);
    port.post(message);
  });
}

describe.each([
  ["worker", launchWorker],
  ["process", launchProcess],
] as const)("%s launcher", (kind, launch) => {
  it("starts a sandbox that answers messages, and terminates it", async () => {
    const port = await launch(options, fixture("echo-entry.mjs"));
    expect(port.kind).toBe(kind);
    expect(await roundTrip(port, { hello: [1, 2n, new Uint8Array([3])] })).toEqual({
      hello: [1, 2n, new Uint8Array([3])],
    });
    const exit = await port.terminate();
    expect(exit.outOfMemory).toBe(false);
    if (kind === "process") expect(exit.signal).toBe("SIGKILL");
    // Terminating twice is harmless and reports the same end.
    expect(await port.terminate()).toBe(exit);
  });

  it("sees only the granted environment", async () => {
    const port = await launch(options, fixture("echo-entry.mjs"));
    const report = (await roundTrip(port, { report: true })) as { environment: Record<string, string> };
    expect(report.environment).toEqual({ DANA_GRANTED: "yes" });
    await port.terminate();
  });

  it("reports a start failure the entry script announces", async () => {
    await expect(launch(options, fixture("fails-at-start.mjs"))).rejects.toThrow(
      /could not start: the interpreter could not be loaded/,
    );
  });

  it("reports an exit during start with its code and stderr", async () => {
    const failure = launch(options, fixture("exits-at-start.mjs"));
    await expect(failure).rejects.toThrow(/exited with code 3/);
    await expect(failure).rejects.toSatisfy((error) => DanaCrashedError.isInstance(error) && error.exitCode === 3);
    if (kind === "process") await expect(failure).rejects.toThrow(/something is missing/);
  });

  it("gives up on a sandbox that never reports ready, within the start timeout", async () => {
    await expect(launch({ ...options, startTimeoutMs: 300 }, fixture("never-ready.mjs"))).rejects.toThrow(
      /did not report ready within 300 ms/,
    );
  });

  it("reports an exit code when the sandbox exits on its own", async () => {
    const port = await launch(options, fixture("echo-entry.mjs"));
    const exited = new Promise((resolve) => port.onExit(resolve));
    port.post({ crash: 7 });
    expect(await exited).toMatchObject({ exitCode: 7, signal: null, outOfMemory: false });
  });

  it("reports running out of heap as out of memory", async () => {
    const port = await launch({ ...options, heapLimitBytes: 32 * 1024 * 1024 }, fixture("echo-entry.mjs"));
    const exited = new Promise((resolve) => port.onExit(resolve));
    port.post({ allocate: true });
    expect(await exited).toMatchObject({ outOfMemory: true });
  });
});

describe("process launcher confinement", () => {
  it("runs in its own temporary directory, as nobody when the host is root, with only the channel open", async () => {
    const port = await launchProcess(options, fixture("echo-entry.mjs"));
    const report = (await roundTrip(port, { report: true })) as {
      workingDirectory: string;
      userId: number;
      groupId: number;
      inheritable: number[] | null;
      closedAtStart: number[];
    };
    expect(report.workingDirectory).toMatch(/dana-sandbox-/);
    expect(report.workingDirectory).not.toBe(process.cwd());
    if (process.getuid?.() === 0) {
      expect(report.userId).toBe(65534);
      expect(report.groupId).toBe(65534);
    }
    // Only stdin, stdout, stderr and the IPC channel could pass to a program the sandbox started; descriptors the
    // host itself inherited (from its shell or test runner) were closed before the sandbox ran anything.
    if (report.inheritable !== null) expect(report.inheritable.every((descriptor) => descriptor <= 3)).toBe(true);
    await port.terminate();
  });
});
