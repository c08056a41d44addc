import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLLMPool, createOpenAI, type LLMPool } from "../src/index.js";
import { type FakeServer, startFakeServer } from "./helpers/fake-server.js";
import { sendChatCompletion, sendOpenAIError, streamChatCompletion } from "./helpers/openai-wire.js";
import { FlakyModel, seededRandom } from "./helpers/scripted-model.js";

type Outcome = "ok" | "error";

/** One caller doing one of the things real callers do, chosen at random; never throws. */
async function randomCaller(pool: LLMPool, random: () => number): Promise<Outcome> {
  const choice = random();
  try {
    if (choice < 0.35) {
      await pool.generate({ prompt: "p" });
    } else if (choice < 0.5) {
      // Streams, sometimes abandoned after the first part.
      const abandon = random() < 0.5;
      for await (const part of pool.stream({ prompt: "p" })) {
        if (part.type === "error") return "error";
        if (abandon) break;
      }
    } else if (choice < 0.65) {
      await pool.withLLM(async (llm) => {
        await llm.generate({ prompt: "p" });
        if (random() < 0.3) throw new Error("caller failure inside withLLM");
      });
    } else if (choice < 0.75) {
      // An acquire that cannot wait: times out whenever the pool is busy.
      await pool.withLLM(async (llm) => llm.generate({ prompt: "p" }), { timeoutMs: 0 });
    } else if (choice < 0.85) {
      // Aborted at a random point: before, during the wait, or during the call.
      const controller = new AbortController();
      const pending = pool.generate({ prompt: "p", signal: controller.signal });
      const hops = Math.floor(random() * 3);
      for (let hop = 0; hop < hops; hop++) await Promise.resolve();
      controller.abort();
      await pending;
    } else {
      await using llm = await pool.acquire();
      await llm.generate({ prompt: "p" });
    }
    return "ok";
  } catch (error) {
    if (!(error instanceof Error)) throw new Error(`non-Error rejection: ${String(error)}`);
    return "error";
  }
}

function expectQuiescent(pool: LLMPool): void {
  const stats = pool.stats();
  expect(stats.inUse).toBe(0);
  expect(stats.waiting).toBe(0);
  expect(stats.totals.acquired).toBe(stats.totals.released);
}

describe("pool under random faults", () => {
  it("10,000 calls against an in-memory flaky model leave nothing in use", async () => {
    const random = seededRandom(20_261_121);
    const model = new FlakyModel(random);
    const pool = createLLMPool({ model, maxSize: 8, acquireTimeoutMs: 60_000 });
    const outcomes = await Promise.all(Array.from({ length: 10_000 }, () => randomCaller(pool, random)));
    expectQuiescent(pool);
    expect(model.maximumRunning).toBeLessThanOrEqual(8);
    expect(model.maximumRunning).toBeGreaterThan(1);
    const stats = pool.stats();
    expect(outcomes.filter((outcome) => outcome === "ok").length).toBeGreaterThan(1000);
    expect(outcomes.filter((outcome) => outcome === "error").length).toBeGreaterThan(1000);
    expect(stats.totals.aborted + stats.totals.callErrors).toBeGreaterThan(0);
    await pool.close();
  });

  describe("over real HTTP", () => {
    let server: FakeServer;
    beforeAll(async () => {
      const random = seededRandom(7);
      server = await startFakeServer((request, response: ServerResponse) => {
        const roll = random();
        // `retry-after-ms: 1` keeps the SDK's retries quick; the retry path still runs.
        if (roll < 0.15) return sendOpenAIError(response, 500, "random 500", { "retry-after-ms": "1" });
        if (roll < 0.25) return sendOpenAIError(response, 429, "random 429", { "retry-after-ms": "1" });
        if (roll < 0.3) return sendOpenAIError(response, 400, "random 400");
        if (roll < 0.35) {
          response.destroy();
          return;
        }
        if (request.body.stream === true) return streamChatCompletion(response, ["o", "k"]);
        return sendChatCompletion(response, "ok");
      });
    });
    afterAll(() => server.close());

    it("300 calls with random 5xx, 429, 400 and dropped connections leave nothing in use", async () => {
      const random = seededRandom(99);
      const model = createOpenAI({ apiKey: "k", baseURL: `${server.origin}/v1`, env: {} });
      const pool = createLLMPool({ model, maxSize: 4 });
      const outcomes = await Promise.all(Array.from({ length: 300 }, () => randomCaller(pool, random)));
      expectQuiescent(pool);
      expect(outcomes).toContain("ok");
      expect(outcomes).toContain("error");
      expect(pool.stats().totals.callErrors).toBeGreaterThan(0);
      await pool.close();
    });
  });
});
