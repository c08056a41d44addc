/**
 * `npm start`: the trip planner on HOST:PORT (default 127.0.0.1:3000) with the model from the environment
 * (`DANA_MODEL`, `OPENAI_API_KEY`, `OLLAMA_HOST`…; offline when none is set). SIGINT/SIGTERM stop accepting
 * connections, then close the Dana runtime (its worker sandboxes) and the database.
 */
import type { AddressInfo } from "node:net";
import { createApp } from "./app.js";
import { plannerOptionsFromEnv } from "./planner/options-from-env.js";
import { TripPlanner } from "./planner/trip-planner.js";
import { defaultDatabasePath, SqlitePlanStore } from "./store/sqlite-plan-store.js";

const host = process.env.HOST || "127.0.0.1";
const port = Number(process.env.PORT || 3000);

const store = new SqlitePlanStore(defaultDatabasePath());
const planner = await TripPlanner.create(plannerOptionsFromEnv());
const app = createApp({ planner, store });
const server = app.listen(port, host, () => {
  const address = server.address() as AddressInfo;
  void planner.modelId().then((model) => {
    console.log(`trip planner on http://${address.address}:${address.port} (model ${model}; docs at /docs)`);
  });
});
server.on("error", (error) => {
  console.error(`[trip-planner] cannot listen on ${host}:${port}:`, error.message);
  process.exit(1);
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: shutting down`);
  // Open streams would keep close() waiting; give requests a moment, then cut idle and remaining connections.
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const forced = setTimeout(() => server.closeAllConnections(), 5_000);
  await closed;
  clearTimeout(forced);
  await planner.close();
  await store.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
