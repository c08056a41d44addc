/**
 * A short version of `npm run load-test`: 200 concurrent clients against the app on loopback with the offline
 * model. Asserts correctness under load (no errors, no non-2xx) and that memory does not keep growing from one
 * round to the next. No latency thresholds: this machine is shared.
 */
import { describe, expect, it } from "vitest";
import { formatRound, runLoadTest } from "../src/load-test.js";

describe("load", () => {
  it("serves 200 concurrent clients with zero errors and bounded memory growth", async () => {
    // `npm test` runs every package's tests at once on a shared machine: give queued requests time rather than
    // turn a slow machine into 503s. What must hold is that nothing fails.
    const rounds = await runLoadTest(
      {
        connections: 200,
        durationSeconds: 4,
        rounds: 2,
        plannerOptions: { acquireTimeoutMs: 50_000, requestTimeoutMs: 55_000 },
        requestTimeoutSeconds: 60,
      },
      (round) => console.log(formatRound(round)),
    );
    expect(rounds).toHaveLength(2);
    for (const round of rounds) {
      expect(round.requests).toBeGreaterThan(0);
      expect(round.errors).toBe(0);
      expect(round.non2xx).toBe(0);
    }
    // The first round starts the sandboxes and warms every cache; after it, a leak would show as steady growth.
    const growth = rounds[1]!.rssAfterBytes - rounds[0]!.rssAfterBytes;
    expect(growth).toBeLessThan(96 * 1024 * 1024);
  }, 150_000);
});
