/**
 * Planner settings from the environment, for `npm start` and the load test:
 *   TRIP_PLANNER_ISOLATION       worker (default) | process | inprocess
 *   TRIP_PLANNER_CONTEXTS        most planning contexts alive at once (default 6)
 *   TRIP_PLANNER_WARM_CONTEXTS   contexts kept ready (default 2)
 *   TRIP_PLANNER_TIMEOUT_MS      wall-clock budget of one plan, model included (default 60000)
 * The model comes from DANA_MODEL / OPENAI_API_KEY / OLLAMA_HOST… as everywhere in the gateway.
 */
import type { TripPlannerOptions } from "./trip-planner.js";

function positiveInteger(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const text = env[name];
  if (text === undefined || text === "") return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new RangeError(`${name} must be a positive integer, got "${text}"`);
  return value;
}

export function plannerOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): TripPlannerOptions {
  const isolation = env.TRIP_PLANNER_ISOLATION || "worker";
  if (isolation !== "worker" && isolation !== "process" && isolation !== "inprocess") {
    throw new RangeError(`TRIP_PLANNER_ISOLATION must be worker, process or inprocess, got "${isolation}"`);
  }
  const maxContexts = positiveInteger(env, "TRIP_PLANNER_CONTEXTS");
  const warmContexts = positiveInteger(env, "TRIP_PLANNER_WARM_CONTEXTS");
  const requestTimeoutMs = positiveInteger(env, "TRIP_PLANNER_TIMEOUT_MS");
  return {
    isolation,
    ...(maxContexts === undefined ? {} : { maxContexts }),
    ...(warmContexts === undefined ? {} : { warmContexts: Math.min(warmContexts, maxContexts ?? warmContexts) }),
    ...(requestTimeoutMs === undefined ? {} : { requestTimeoutMs }),
  };
}
