import { describe, expect, it } from "vitest";
import { SqlitePlanStore } from "../src/store/sqlite-plan-store.js";
import { readJson } from "./support/json.js";
import { postJson, startServer, temporaryDatabasePath, validRequest } from "./support/server.js";

describe("plan storage", () => {
  it("keeps plans across an app restart with the same database file", async () => {
    const databasePath = temporaryDatabasePath();
    const first = await startServer({ databasePath, planner: { warmContexts: 1 } });
    const created = await readJson(await postJson(`${first.url}/trips/plan`, validRequest));
    await first.close();

    const second = await startServer({ databasePath, planner: { warmContexts: 1 } });
    try {
      const response = await fetch(`${second.url}/trips/${created.id}`);
      expect(response.status).toBe(200);
      expect(await readJson(response)).toEqual(created);
    } finally {
      await second.close();
    }
  });

  it("returns null for an unknown id and refuses a duplicate id", async () => {
    const store = new SqlitePlanStore(":memory:");
    expect(await store.get("missing")).toBeNull();
    const plan = { id: "same", created_at: "2026-01-01T00:00:00.000Z" } as never;
    await store.save(plan);
    await expect(store.save(plan)).rejects.toThrow(/UNIQUE/);
    await store.close();
    await store.close();
  });
});
