import { benchPoolOptions, loadLlmPoolFactory, releaseLease } from "../adapters/llm-pool.js";
import { measureSettings, measureTasks, repeatAsync } from "../harness/measure.js";
import { buildSuiteResult } from "../harness/suite-result.js";
import type { SuiteDefinition } from "../harness/types.js";
import { timedCreation } from "../peers/startup.js";

const name = "llm-pool";
const description =
  "LLM pool creation and acquire/release with an offline model, against the floor of any async acquire (an awaited resolved promise).";

const task = {
  create: "LLM pool creation + first acquire (offline model)",
  acquire: "LLM pool acquire + release",
  floor: "await of an already-resolved promise",
};

export const suite: SuiteDefinition = {
  name,
  description,
  available: async () => {
    const factory = await loadLlmPoolFactory();
    return typeof factory === "string" ? factory : true;
  },
  async run({ quick }) {
    const startedAt = performance.now();
    const create = await loadLlmPoolFactory();
    if (typeof create === "string") throw new Error(create);
    const pool = await create(benchPoolOptions);
    try {
      const idle = {};
      const tasks = await measureTasks(
        [
          {
            name: task.create,
            async: true,
            fn: timedCreation(
              () => create(benchPoolOptions),
              (created) => created.close(),
            ),
          },
          {
            name: task.acquire,
            async: true,
            fn: repeatAsync(async () => releaseLease(pool, await pool.acquire()), 100),
          },
          { name: task.floor, async: true, fn: repeatAsync(() => Promise.resolve(idle), 100) },
        ],
        measureSettings(quick),
      );
      return buildSuiteResult({
        suite: name,
        description,
        tasks,
        ratios: [{ id: "acquire-over-resolved-promise", numerator: task.acquire, denominator: task.floor }],
        targets: [
          {
            id: "creation-under-50ms",
            task: task.create,
            statistic: "median",
            maximumMs: 50,
            description: "reference target: creating the LLM pool takes < 50 ms",
          },
        ],
        startedAt,
      });
    } finally {
      await pool.close();
    }
  },
};
