import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import {
  DanaCrashedError,
  DanaMemoryLimitError,
  DanaRuntimeError,
  DanaTimeoutError,
} from "../../src/errors/classes.js";
import { DanaError } from "../../src/errors/dana-error.js";
import { IsolatedBackend } from "../../src/isolation/isolated-backend.js";
import type { SandboxLaunchOptions } from "../../src/isolation/launch-options.js";
import { launchProcess } from "../../src/isolation/process-launcher.js";
import { launchWorker } from "../../src/isolation/worker-launcher.js";
import type { SandboxBackendEvents } from "../../src/protocol/backend.js";
import { protocolVersion, type SandboxInit, type SandboxResponse } from "../../src/protocol/messages.js";

const entry = fileURLToPath(new URL("./fixtures/scripted-interpreter-entry.mjs", import.meta.url));
const launch: SandboxLaunchOptions = { heapLimitBytes: 48 * 1024 * 1024, environment: {}, startTimeoutMs: 5_000 };

interface Recorded extends SandboxBackendEvents {
  readonly stdout: string[];
  readonly crashes: DanaCrashedError[];
}

function recordEvents(answerReason: (prompt: string) => Promise<unknown> = async (prompt) => `answer to ${prompt}`) {
  let backend: IsolatedBackend | null = null;
  const events: Recorded = {
    stdout: [],
    crashes: [],
    onStdout: (text) => events.stdout.push(text),
    onCrash: (error) => events.crashes.push(error),
    onHostRequest: (message) => {
      const request = message.request;
      if (request.kind !== "reason") throw new Error(`unexpected ${request.kind}`);
      void answerReason(request.prompt).then((value) =>
        backend!.respond({ type: "host-response", id: message.id, ok: true, value }),
      );
    },
  };
  return { events, attach: (connected: IsolatedBackend) => (backend = connected) };
}

let nextId = 1;
const evaluate = (source: string, timeoutMs?: number) => ({
  type: "eval" as const,
  id: nextId++,
  source,
  inputs: [],
  ...(timeoutMs === undefined ? {} : { limits: { timeoutMs } }),
});

function failure(response: SandboxResponse): DanaError {
  if (response.ok) throw new Error(`expected an error, got ${JSON.stringify(response.value)}`);
  return DanaError.fromJSON(response.error);
}

function value(response: SandboxResponse): unknown {
  if (!response.ok) throw DanaError.fromJSON(response.error);
  return response.value;
}

const opened: IsolatedBackend[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((backend) => backend.close()));
});

describe.each([
  ["worker", launchWorker],
  ["process", launchProcess],
] as const)("IsolatedBackend over a %s", (_kind, start) => {
  async function connect(
    limits: SandboxInit["limits"] = {},
    recorder = recordEvents(),
    options: { cancelGraceMs?: number } = {},
  ) {
    const port = await start(launch, entry);
    const backend = await IsolatedBackend.connect(
      port,
      { protocolVersion, limits, hostFunctionNames: [] },
      recorder.events,
      {
        watchdogGraceMs: 200,
        cancelGraceMs: options.cancelGraceMs ?? 500,
        initTimeoutMs: 5_000,
        maxInFlight: 64,
        onEnded: () => {},
      },
    );
    recorder.attach(backend);
    opened.push(backend);
    return { backend, events: recorder.events };
  }

  it("answers requests by id, with stdout delivered before the response that printed it", async () => {
    const { backend, events } = await connect();
    expect(value(await backend.request(evaluate("echo:hello")))).toBe("hello");
    const printed = backend.request(evaluate("print:line\n")).then((response) => {
      expect(events.stdout).toEqual(["line\n"]);
      return response;
    });
    expect(value(await printed)).toBeNull();
  });

  it("carries errors as data that rebuild into their class with Dana fields", async () => {
    const { backend } = await connect();
    const error = failure(await backend.request(evaluate("throw")));
    expect(DanaRuntimeError.isInstance(error)).toBe(true);
    expect((error as DanaRuntimeError).danaType).toBe("ZeroDivisionError");
  });

  it("serves host requests through the gateway's events, and host time does not count as sandbox time", async () => {
    const slowModel = (prompt: string) => new Promise((resolve) => setTimeout(() => resolve(`late ${prompt}`), 600));
    const { backend } = await connect({ timeoutMs: 200 }, recordEvents(slowModel));
    expect(value(await backend.request(evaluate("reason:hi")))).toBe("late hi");
  });

  it("keeps 100 concurrent requests apart", async () => {
    const { backend } = await connect();
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, index) => backend.request(evaluate(`echo:${index}`)).then(value)),
    );
    expect(answers).toEqual(Array.from({ length: 100 }, (_, index) => String(index)));
  });

  it("lets the interpreter's own deadline end a pure loop, and the sandbox stays usable", async () => {
    const { backend, events } = await connect({ timeoutMs: 300 });
    const started = performance.now();
    const error = failure(await backend.request(evaluate("spin")));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(DanaTimeoutError.isInstance(error)).toBe(true);
    expect(value(await backend.request(evaluate("echo:still here")))).toBe("still here");
    expect(events.crashes).toEqual([]);
  });

  it("terminates a sandbox that never answers (watchdog) with DanaTimeoutError, and reports the crash", async () => {
    const { backend, events } = await connect({ timeoutMs: 300 });
    const started = performance.now();
    const error = await backend.request(evaluate("hang")).catch((caught: unknown) => caught);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(DanaTimeoutError.isInstance(error)).toBe(true);
    expect((error as DanaTimeoutError).timedOut).toBe(true);
    expect(DanaCrashedError.isInstance((error as Error).cause)).toBe(true);
    expect(events.crashes).toHaveLength(1);
    expect(backend.alive).toBe(false);
    await expect(backend.request(evaluate("echo:x"))).rejects.toSatisfy((error) => DanaTimeoutError.isInstance(error));
  });

  it("cancels a busy pure loop through the interrupt, keeping the sandbox", async () => {
    const { backend, events } = await connect({ timeoutMs: 30_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("user gave up")), 100);
    const started = performance.now();
    const response = await backend.request(evaluate("spin"), { signal: controller.signal });
    expect(performance.now() - started).toBeLessThan(2_000);
    const error = failure(response);
    expect(DanaTimeoutError.isInstance(error)).toBe(true);
    expect((error as DanaTimeoutError).limit).toBe("cancelled");
    // The cancellation was consumed: the next program runs to completion.
    expect(value(await backend.request(evaluate("echo:after")))).toBe("after");
    expect(events.crashes).toEqual([]);
  });

  it("terminates a sandbox that ignores a cancellation, after the grace period", async () => {
    const { backend } = await connect({ timeoutMs: 30_000 }, recordEvents(), { cancelGraceMs: 200 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await backend.request(evaluate("hang"), { signal: controller.signal }).catch((caught) => caught);
    expect(DanaTimeoutError.isInstance(error)).toBe(true);
    expect((error as DanaTimeoutError).limit).toBe("cancelled");
  });

  it("terminates a sandbox that stays silent after a cancel notice (the gateway's cancel path)", async () => {
    const { backend } = await connect({ timeoutMs: 30_000 }, recordEvents(), { cancelGraceMs: 200 });
    const pending = backend.request(evaluate("hang")).catch((caught: unknown) => caught);
    setTimeout(() => backend.notify({ type: "cancel", requestId: -1, reason: "closing" }), 100);
    const error = await pending;
    expect(DanaTimeoutError.isInstance(error)).toBe(true);
    expect((error as DanaTimeoutError).limit).toBe("cancelled");
  });

  it("keeps a sandbox that heard the cancel notice", async () => {
    const { backend, events } = await connect({ timeoutMs: 30_000 }, recordEvents(), { cancelGraceMs: 200 });
    const pending = backend.request(evaluate("spin"));
    setTimeout(() => backend.notify({ type: "cancel", requestId: -1, reason: "closing" }), 100);
    expect(failure(await pending)).toSatisfy((error) => DanaTimeoutError.isInstance(error));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(value(await backend.request(evaluate("echo:alive")))).toBe("alive");
    expect(events.crashes).toEqual([]);
  });

  it("reports an exit with its code as DanaCrashedError", async () => {
    const { backend, events } = await connect();
    const error = await backend.request(evaluate("exit:9")).catch((caught: unknown) => caught);
    expect(DanaCrashedError.isInstance(error)).toBe(true);
    expect((error as DanaCrashedError).exitCode).toBe(9);
    expect(events.crashes[0]?.exitCode).toBe(9);
  });

  it("reports running out of heap as DanaMemoryLimitError", async () => {
    const { backend } = await connect();
    const error = await backend.request(evaluate("allocate")).catch((caught: unknown) => caught);
    expect(DanaMemoryLimitError.isInstance(error)).toBe(true);
    const crash = (error as Error).cause as DanaCrashedError;
    expect(crash.outOfMemory).toBe(true);
  });

  it.each([
    ["a number", "5"],
    ["output that is not text", '{"type":"stdout","text":5}'],
    ["a batch that is not a list", '{"sandboxBatch":5}'],
    ["a response without an id", '{"type":"response","ok":true,"value":1}'],
    ["an unknown type", '{"type":"nonsense"}'],
    ["a host request of an unknown kind", '{"type":"host-request","id":1,"request":{"kind":"shell"}}'],
  ])("ends a sandbox that sends %s, and the host carries on", async (_label, garbage) => {
    const { backend, events } = await connect();
    const error = await backend.request(evaluate(`garbage:${garbage}`)).catch((caught: unknown) => caught);
    expect(DanaCrashedError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/broke the protocol/);
    expect(events.crashes).toHaveLength(1);
  });

  it("answers `close` at once, even while a program is still running", async () => {
    const { backend } = await connect();
    const running = backend.request(evaluate("hang")).catch((caught: unknown) => caught);
    const started = performance.now();
    expect(await backend.request({ type: "close", id: nextId++ })).toMatchObject({ ok: true, value: null });
    await backend.close();
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(DanaCrashedError.isInstance(await running)).toBe(true);
  });

  it("rejects pending requests when closed, and closing twice is harmless", async () => {
    const { backend, events } = await connect();
    const pending = backend.request(evaluate("hang"));
    await backend.close();
    await backend.close();
    await expect(pending).rejects.toSatisfy((error) => DanaCrashedError.isInstance(error));
    expect(events.crashes).toEqual([]);
  });
});
