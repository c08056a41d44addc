import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readJson } from "./support/json.js";
import { createScriptedModel } from "./support/scripted-model.js";
import { parseEventStream, postJson, type RunningServer, startServer, validRequest } from "./support/server.js";

const model = createScriptedModel({ slowCity: "Kyoto", slowMs: 10_000, failingCity: "Rome" });
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({
    planner: { runtimeOptions: { model }, requestTimeoutMs: 5_000, warmContexts: 3, maxContexts: 5 },
  });
});

afterAll(async () => {
  await server?.close();
});

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("a slow or failing model", () => {
  it("does not block other requests while one waits on the model, and the slow one times out with 504", async () => {
    let slowSettled = false;
    const slow = postJson(`${server.url}/trips/plan`, { ...validRequest, destination: "Kyoto" }).finally(() => {
      slowSettled = true;
    });
    await waitFor(() => server.planner.stats().busy === 1, 5_000);
    const fast = await postJson(`${server.url}/trips/plan`, {
      ...validRequest,
      destination: "Paris",
      duration_days: 2,
    });
    expect(fast.status).toBe(200);
    // Answered while the slow plan still waits on the model (its deadline is 5 s, the model takes 10 s).
    expect(slowSettled).toBe(false);
    const slowResponse = await slow;
    expect(slowResponse.status).toBe(504);
    expect(await readJson(slowResponse)).toEqual({ detail: "Planning took too long and was stopped" });
    // The timed-out context was retired and replaced; the planner still works.
    const after = await postJson(`${server.url}/trips/plan`, { ...validRequest, destination: "Barcelona" });
    expect(after.status).toBe(200);
  });

  it("answers 502 when the model fails, and keeps serving", async () => {
    const failed = await postJson(`${server.url}/trips/plan`, { ...validRequest, destination: "Rome" });
    expect(failed.status).toBe(502);
    expect((await readJson(failed)).detail).toMatch(/^The language model failed: /);
    const ok = await postJson(`${server.url}/trips/plan`, { ...validRequest, destination: "Cape Town" });
    expect(ok.status).toBe(200);
    expect((await readJson(ok)).model).toBe("test:scripted");
  });

  it("sends an error event when the model fails mid-stream, after the days", async () => {
    const response = await postJson(`${server.url}/trips/plan/stream`, { ...validRequest, destination: "Rome" });
    const events = parseEventStream(await response.text());
    expect(events.map((event) => event.event)).toEqual(["day", "day", "day", "error"]);
    expect(events.at(-1)?.data).toMatchObject({ status: 502 });
  });

  it("cancels the planning when the client disconnects", async () => {
    const controller = new AbortController();
    const response = await postJson(
      `${server.url}/trips/plan/stream`,
      { ...validRequest, destination: "Kyoto", start_date: "2026-06-01" },
      controller.signal,
    );
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain("event: day");
    const callsBefore = model.calls;
    controller.abort();
    // The lease comes back long before the slow model (10 s) or the deadline (5 s) would have ended it.
    await waitFor(() => server.planner.stats().busy === 0, 1_500);
    expect(model.calls).toBeLessThanOrEqual(callsBefore + 1);
  });
});
