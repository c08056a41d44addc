/** Starts the real app on 127.0.0.1:0 with a planner and a SQLite file of the test's choosing. */
import { mkdtempSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp } from "../../src/app.js";
import { TripPlanner, type TripPlannerOptions } from "../../src/planner/trip-planner.js";
import { SqlitePlanStore } from "../../src/store/sqlite-plan-store.js";

export interface RunningServer {
  readonly url: string;
  readonly planner: TripPlanner;
  readonly store: SqlitePlanStore;
  readonly databasePath: string;
  close(): Promise<void>;
}

export function temporaryDatabasePath(): string {
  return join(mkdtempSync(join(tmpdir(), "trip-planner-")), "plans.db");
}

export async function startServer(
  options: { databasePath?: string; planner?: TripPlannerOptions } = {},
): Promise<RunningServer> {
  const databasePath = options.databasePath ?? temporaryDatabasePath();
  const store = new SqlitePlanStore(databasePath);
  const planner = await TripPlanner.create(options.planner);
  const server: Server = createApp({ planner, store }).listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    planner,
    store,
    databasePath,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await planner.close();
      await store.close();
    },
  };
}

export const validRequest = {
  destination: "Lisbon",
  start_date: "2026-05-04",
  duration_days: 3,
  traveler_type: "couple",
  budget_range: "moderate",
  interests: ["history", "food"],
};

export function postJson(url: string, body: unknown, signal?: AbortSignal): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });
}

export interface ServerSentEvent {
  event: string;
  data: unknown;
}

/** Parses a whole text/event-stream body. */
export function parseEventStream(text: string): ServerSentEvent[] {
  return text
    .split("\n\n")
    .filter((block) => block.trim() !== "")
    .map((block) => {
      const lines = block.split("\n");
      const event = lines.find((line) => line.startsWith("event: "))?.slice(7) ?? "message";
      const data = lines
        .filter((line) => line.startsWith("data: "))
        .map((line) => line.slice(6))
        .join("\n");
      return { event, data: JSON.parse(data) as unknown };
    });
}
