/**
 * @dana-gateway/bench — benchmarks and the CI benchmark gate. Mostly used through its CLI
 * (`node dist/cli.js run|gate|report|baseline`); the gate's pure logic and the renderers are
 * exported for tools that post-process `bench-results.json`.
 */
export { type Baseline, type BaselineEntry, baselineFromResults, ratioKey, readBaseline } from "./gate/baseline.js";
export {
  defaultGateSettings,
  evaluateGate,
  type FindingStatus,
  type GateDecision,
  type GateFinding,
  type GateSettings,
  gateDecision,
} from "./gate/evaluate.js";
export { readResults } from "./harness/results-file.js";
export type * from "./harness/types.js";
export { renderHtmlReport } from "./report/html.js";
export { renderResultsTable } from "./report/table.js";

/** Package identity, used in error messages and diagnostics. */
export const packageName = "@dana-gateway/bench";
