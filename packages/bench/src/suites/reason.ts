import { benchRuntimeOptions, coreAvailability, type GatewayRuntime, loadCore } from "../adapters/core.js";
import { measureSettings, measureTasks, repeatAsync, repeatSync } from "../harness/measure.js";
import { buildSuiteResult } from "../harness/suite-result.js";
import type { SuiteDefinition } from "../harness/types.js";

const name = "reason";
const description =
  "reason() through the offline provider with the cache on: a miss (a new prompt each call) and a hit (the same prompt), against a Map lookup.";

const task = {
  miss: "reason, cache miss (offline provider)",
  hit: "reason, cache hit",
  map: "Map lookup of a cached reply",
};

function requireReason(runtime: GatewayRuntime): NonNullable<GatewayRuntime["reason"]> {
  if (typeof runtime.reason !== "function") throw new Error("DanaRuntime has no reason(prompt, options) method");
  return runtime.reason.bind(runtime);
}

export const suite: SuiteDefinition = {
  name,
  description,
  available: coreAvailability,
  async run({ quick }) {
    const startedAt = performance.now();
    const core = await loadCore();
    if (typeof core === "string") throw new Error(core);
    // The offline provider answers locally: the figures are the gateway's and the cache's, not a network's.
    const runtime = await core.createRuntime(benchRuntimeOptions);
    try {
      const reason = requireReason(runtime);
      const hitPrompt = "Summarise: the benchmark prompt that is always cached.";
      await reason(hitPrompt, { cache: true });
      let missCounter = 0;
      const cache = new Map([[hitPrompt, "cached reply"]]);
      const tasks = await measureTasks(
        [
          {
            name: task.miss,
            async: true,
            fn: () => reason(`Summarise item ${missCounter++} of the benchmark.`, { cache: true }),
          },
          { name: task.hit, async: true, fn: repeatAsync(() => reason(hitPrompt, { cache: true }), 20) },
          { name: task.map, fn: repeatSync(() => cache.get(hitPrompt), 10_000) },
        ],
        measureSettings(quick),
      );
      return buildSuiteResult({
        suite: name,
        description,
        tasks,
        ratios: [
          { id: "miss-over-hit", numerator: task.miss, denominator: task.hit },
          { id: "hit-over-map-lookup", numerator: task.hit, denominator: task.map },
        ],
        startedAt,
      });
    } finally {
      await runtime.close();
    }
  },
};
