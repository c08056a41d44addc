/** The trip planner as a library: build the app with your own store or planner options. */
export { type AppDependencies, createApp } from "./app.js";
export { ContextPool, ContextPoolTimeoutError } from "./planner/context-pool.js";
export { type PlanCallbacks, type PlanResult, TripPlanner, type TripPlannerOptions } from "./planner/trip-planner.js";
export * from "./schemas.js";
export type { PlanStore } from "./store/plan-store.js";
export { defaultDatabasePath, SqlitePlanStore } from "./store/sqlite-plan-store.js";

/** Package identity, used in error messages and diagnostics. */
export const packageName = "@dana-gateway/trip-planner";
