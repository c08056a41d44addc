/**
 * Measures, in one run, the round trip of the isolation layer against the raw channel it rides on:
 *   raw `postMessage` echo (worker) · raw IPC echo (child process, advanced serialisation)
 *   an `eval` request through IsolatedBackend + SandboxServer (scripted interpreter: isolates the transport cost)
 * serially and with 100 requests in flight, plus acquiring a context's backend from a warm pool.
 * Run after `npm run build`:  npx tsx test/isolation/measure-round-trip.ts
 * Not a test (no timing assertions in tests); `packages/bench` gates the same ratios.
 */
import { fileURLToPath } from "node:url";
import type { DanaFunction } from "../../src/index.js";
import { DanaRuntime } from "../../src/index.js";
import { IsolatedBackend } from "../../src/isolation/isolated-backend.js";
import { IsolatedSandboxes } from "../../src/isolation/isolated-sandboxes.js";
import type { SandboxLaunchOptions } from "../../src/isolation/launch-options.js";
import { launchProcess } from "../../src/isolation/process-launcher.js";
import type { SandboxPort } from "../../src/isolation/sandbox-port.js";
import { launchWorker } from "../../src/isolation/worker-launcher.js";
import type { SandboxBackendEvents } from "../../src/protocol/backend.js";
import { protocolVersion } from "../../src/protocol/messages.js";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const launch: SandboxLaunchOptions = { heapLimitBytes: 128 * 1024 * 1024, environment: {}, startTimeoutMs: 10_000 };
const serialCount = 2_000;
const batches = 20;
const inFlight = 100;
/** Rounds alternate between the raw channel and the protocol, so machine noise hits both alike; medians win. */
const rounds = 15;

type RoundTrip = () => Promise<unknown>;

async function serialRound(roundTrip: RoundTrip): Promise<number> {
  const started = performance.now();
  for (let index = 0; index < serialCount; index++) await roundTrip();
  return ((performance.now() - started) * 1000) / serialCount;
}

async function parallelRound(roundTrip: RoundTrip): Promise<number> {
  const started = performance.now();
  for (let batch = 0; batch < batches; batch++) {
    await Promise.all(Array.from({ length: inFlight }, () => roundTrip()));
  }
  return ((performance.now() - started) * 1000) / (batches * inFlight);
}

const median = (values: number[]) => [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)]!;

/** Microseconds per round trip (median of rounds): serial, and with `inFlight` outstanding. */
async function compare(raw: RoundTrip, protocol: RoundTrip) {
  const samples = {
    rawSerial: [] as number[],
    protocolSerial: [] as number[],
    rawParallel: [] as number[],
    protocolParallel: [] as number[],
  };
  await serialRound(raw);
  await serialRound(protocol);
  for (let round = 0; round < rounds; round++) {
    samples.rawSerial.push(await serialRound(raw));
    samples.protocolSerial.push(await serialRound(protocol));
    samples.rawParallel.push(await parallelRound(raw));
    samples.protocolParallel.push(await parallelRound(protocol));
  }
  return {
    raw: { serial: median(samples.rawSerial), parallel: median(samples.rawParallel) },
    protocol: { serial: median(samples.protocolSerial), parallel: median(samples.protocolParallel) },
  };
}

function rawRoundTrip(port: SandboxPort) {
  const waiting = new Map<number, () => void>();
  port.setMessageListener((message) => {
    const id = (message as { id: number }).id;
    waiting.get(id)?.();
    waiting.delete(id);
  });
  let nextId = 0;
  return () =>
    new Promise<void>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      port.post({ type: "eval", id, source: "echo:x", inputs: [] });
    });
}

const events: SandboxBackendEvents = { onStdout: () => {}, onHostRequest: () => {}, onCrash: () => {} };

async function protocolRoundTrip(port: SandboxPort) {
  const backend = await IsolatedBackend.connect(port, { protocolVersion, limits: {}, hostFunctionNames: [] }, events, {
    watchdogGraceMs: 250,
    cancelGraceMs: 500,
    initTimeoutMs: 10_000,
    maxInFlight: 1024,
    onEnded: () => {},
  });
  let nextId = 1;
  return {
    backend,
    roundTrip: () => backend.request({ type: "eval", id: nextId++, source: "echo:x", inputs: [] }),
  };
}

const report: string[] = [];
const ratio = (value: number, base: number) => `${(value / base).toFixed(2)}x`;

for (const [kind, start] of [
  ["worker", launchWorker],
  ["process", launchProcess],
] as const) {
  const rawPort = await start(launch, fixture("echo-entry.mjs"));
  rawPort.keepAlive(true);
  const { backend, roundTrip } = await protocolRoundTrip(
    await start(launch, fixture("scripted-interpreter-entry.mjs")),
  );
  const { raw, protocol } = await compare(rawRoundTrip(rawPort), roundTrip);
  await rawPort.terminate();
  await backend.close();
  report.push(
    `${kind}: raw ${raw.serial.toFixed(1)} µs, protocol ${protocol.serial.toFixed(1)} µs (${ratio(protocol.serial, raw.serial)}); ` +
      `${inFlight} in flight: raw ${raw.parallel.toFixed(1)} µs/call, protocol ${protocol.parallel.toFixed(1)} µs/call (${ratio(protocol.parallel, raw.parallel)})`,
  );
}

// A trivial Dana function called through the public API (conversion, handles, the real interpreter), against the
// raw channel measured in the same rounds.
const runtime = await DanaRuntime.create({ env: {} });
for (const [kind, start] of [
  ["worker", launchWorker],
  ["process", launchProcess],
] as const) {
  const rawPort = await start(launch, fixture("echo-entry.mjs"));
  rawPort.keepAlive(true);
  const context = runtime.createContext({ isolation: kind });
  const add = (await context.eval("def add(a, b):\n    return a + b\nadd")).value as DanaFunction;
  const { raw, protocol } = await compare(rawRoundTrip(rawPort), () => add(1, 2));
  await rawPort.terminate();
  await context.close();
  report.push(
    `${kind} public API add(1, 2): raw ${raw.serial.toFixed(1)} µs, call ${protocol.serial.toFixed(1)} µs (${ratio(protocol.serial, raw.serial)}); ` +
      `${inFlight} in flight: raw ${raw.parallel.toFixed(1)} µs/call, call ${protocol.parallel.toFixed(1)} µs/call (${ratio(protocol.parallel, raw.parallel)})`,
  );
}
await runtime.close();

// Acquire from a warm pool: the backend factory takes an idle sandbox and sends `init` (answered later).
// Then, through the public API, a new context's first `eval("1")` with the pool warm: acquire plus the sandbox
// building its interpreter plus one round trip.
for (const mode of ["worker", "process"] as const) {
  const sandboxes = new IsolatedSandboxes({ pool: { minIdle: 2, maxSize: 4 } });
  const factory = sandboxes.backendFactory(mode);
  const acquire: number[] = [];
  for (let index = 0; index < 15; index++) {
    await sandboxes.prewarm(mode);
    const started = performance.now();
    const backend = await factory({ protocolVersion, limits: {}, hostFunctionNames: [] }, events);
    acquire.push(performance.now() - started);
    await backend.close();
  }
  await sandboxes.close();
  const firstEval: number[] = [];
  const apiSandboxes = new IsolatedSandboxes();
  const apiRuntime = await DanaRuntime.create({ env: {}, backends: { [mode]: apiSandboxes.backendFactory(mode) } });
  for (let index = 0; index < 15; index++) {
    await new Promise((resolve) => setTimeout(resolve, 20)); // let the pool start replacing the sandbox just taken
    await apiSandboxes.prewarm(mode);
    const started = performance.now();
    const context = apiRuntime.createContext({ isolation: mode });
    await context.eval("1");
    firstEval.push(performance.now() - started);
    await context.close();
  }
  await apiRuntime.close();
  await apiSandboxes.close();
  report.push(
    `${mode}: acquire from a warm pool, median ${median(acquire).toFixed(3)} ms; ` +
      `new context's first eval with a warm pool, median ${median(firstEval).toFixed(2)} ms`,
  );
}

console.log(report.join("\n"));
