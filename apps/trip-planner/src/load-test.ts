/**
 * Load test: N rounds of autocannon (default 200 connections × 10 s) posting valid plans to /trips/plan on
 * loopback, with the offline model. Prints requests/s, p50/p99 latency, errors, non-2xx and the process RSS
 * before and after each round (the app runs in this process, its worker sandboxes included, so RSS covers
 * them). Exits non-zero on any error or non-2xx response.
 *
 *   npm run load-test -w @dana-gateway/trip-planner -- --connections 200 --duration 10 --rounds 3
 *   npm run load-test -w @dana-gateway/trip-planner -- --url http://127.0.0.1:3000   (an already running app)
 */
import { rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { createApp } from "./app.js";
import { plannerOptionsFromEnv } from "./planner/options-from-env.js";
import { TripPlanner, type TripPlannerOptions } from "./planner/trip-planner.js";
import { destinations, interestTags, travelerTypes } from "./schemas.js";
import { SqlitePlanStore } from "./store/sqlite-plan-store.js";

export interface LoadTestOptions {
  connections: number;
  durationSeconds: number;
  rounds: number;
  /** An app already running; default: start one in this process on 127.0.0.1 with a temporary database. */
  url?: string;
  /** For the local app; default from the environment (see `planner/options-from-env.ts`). */
  plannerOptions?: TripPlannerOptions;
  /** Per-request timeout of the load generator. Default 30 s. */
  requestTimeoutSeconds?: number;
}

export interface RoundResult {
  round: number;
  requests: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  rssBeforeBytes: number;
  rssAfterBytes: number;
}

/** Valid, varied bodies: every destination, 1–5 days, different travellers and interests. */
export function loadTestBodies(): string[] {
  return destinations.map((destination, index) =>
    JSON.stringify({
      destination,
      start_date: `2026-0${(index % 9) + 1}-1${index % 10}`,
      duration_days: (index % 5) + 1,
      traveler_type: travelerTypes[index % travelerTypes.length],
      budget_range: ["budget", "moderate", "luxury"][index % 3],
      interests: [interestTags[index % interestTags.length], interestTags[(index + 3) % interestTags.length]],
    }),
  );
}

async function startLocalApp(plannerOptions: TripPlannerOptions): Promise<{ url: string; stop(): Promise<void> }> {
  const databasePath = join(tmpdir(), `trip-planner-load-${process.pid}.db`);
  const store = new SqlitePlanStore(databasePath);
  const planner = await TripPlanner.create(plannerOptions);
  const server: Server = createApp({ planner, store }).listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      // Let requests still in flight finish (autocannon has stopped sending) before closing the planner.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const forced = setTimeout(() => server.closeAllConnections(), 10_000);
      await closed;
      clearTimeout(forced);
      await planner.close();
      await store.close();
      for (const suffix of ["", "-wal", "-shm"]) rmSync(`${databasePath}${suffix}`, { force: true });
    },
  };
}

function settledRss(): number {
  // With --expose-gc the figure excludes garbage waiting to be collected, which makes rounds comparable.
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss;
}

export async function runLoadTest(
  options: LoadTestOptions,
  onRound: (result: RoundResult) => void = () => {},
): Promise<RoundResult[]> {
  const local =
    options.url === undefined ? await startLocalApp(options.plannerOptions ?? plannerOptionsFromEnv()) : null;
  const url = options.url ?? local!.url;
  const requests = loadTestBodies().map((body) => ({
    method: "POST",
    path: "/trips/plan",
    headers: { "content-type": "application/json" },
    body,
  }));
  const results: RoundResult[] = [];
  try {
    for (let round = 1; round <= options.rounds; round++) {
      const rssBeforeBytes = settledRss();
      const result = await autocannon({
        url,
        connections: options.connections,
        duration: options.durationSeconds,
        timeout: options.requestTimeoutSeconds ?? 30,
        requests,
      });
      const roundResult: RoundResult = {
        round,
        requests: result.requests.total,
        requestsPerSecond: result.requests.average,
        latencyP50Ms: result.latency.p50,
        latencyP99Ms: result.latency.p99,
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
        rssBeforeBytes,
        rssAfterBytes: settledRss(),
      };
      results.push(roundResult);
      onRound(roundResult);
    }
  } finally {
    await local?.stop();
  }
  return results;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

export function formatRound(result: RoundResult): string {
  return (
    `round ${result.round}: ${result.requests} requests, ${result.requestsPerSecond.toFixed(1)} req/s, ` +
    `p50 ${result.latencyP50Ms} ms, p99 ${result.latencyP99Ms} ms, errors ${result.errors} ` +
    `(timeouts ${result.timeouts}), non-2xx ${result.non2xx}, ` +
    `RSS ${megabytes(result.rssBeforeBytes)} → ${megabytes(result.rssAfterBytes)}`
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      connections: { type: "string", default: "200" },
      duration: { type: "string", default: "10" },
      rounds: { type: "string", default: "3" },
      url: { type: "string" },
    },
  });
  const options: LoadTestOptions = {
    connections: Number(values.connections),
    durationSeconds: Number(values.duration),
    rounds: Number(values.rounds),
    ...(values.url === undefined ? {} : { url: values.url }),
  };
  console.log(
    `load test: ${options.connections} connections × ${options.durationSeconds} s × ${options.rounds} rounds` +
      ` against ${options.url ?? "a local app (offline model)"}`,
  );
  const results = await runLoadTest(options, (result) => console.log(formatRound(result)));
  const failed = results.some((result) => result.errors > 0 || result.non2xx > 0);
  const first = results[0];
  const last = results.at(-1);
  if (first && last) {
    console.log(
      `RSS after the first round ${megabytes(first.rssAfterBytes)}, after the last ${megabytes(last.rssAfterBytes)}`,
    );
  }
  console.log(failed ? "FAILED: errors or non-2xx responses" : "ok: zero errors, zero non-2xx");
  process.exitCode = failed ? 1 : 0;
}

// Run as a script (`node dist/load-test.js`), not when imported by the test.
if (process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  await main();
}
