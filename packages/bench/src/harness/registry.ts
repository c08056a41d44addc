import type { SuiteDefinition } from "./types.js";

/**
 * Every suite, in the order a full run executes them. Loaders are explicit imports (not a
 * directory scan) so the compiler checks each module and a typo fails the build, not a CI run.
 */
const loaders: Record<string, () => Promise<SuiteDefinition>> = {
  peers: async () => (await import("../suites/peers.js")).suite,
  "gateway-call-inprocess": async () => (await import("../suites/gateway-call.js")).gatewayCallSuite("inprocess"),
  "gateway-call-worker": async () => (await import("../suites/gateway-call.js")).gatewayCallSuite("worker"),
  "gateway-call-process": async () => (await import("../suites/gateway-call.js")).gatewayCallSuite("process"),
  conversions: async () => (await import("../suites/conversions.js")).suite,
  dataframes: async () => (await import("../suites/dataframes.js")).suite,
  initialisation: async () => (await import("../suites/initialisation.js")).suite,
  "llm-pool": async () => (await import("../suites/llm-pool.js")).suite,
  reason: async () => (await import("../suites/reason.js")).suite,
  programs: async () => (await import("../suites/programs.js")).suite,
};

export const suiteNames: readonly string[] = Object.keys(loaders);

export class UnknownSuiteError extends Error {
  override readonly name = "UnknownSuiteError";
  constructor(readonly suiteName: string) {
    super(`Unknown benchmark suite "${suiteName}". Known suites: ${Object.keys(loaders).join(", ")}.`);
  }
}

export async function loadSuite(name: string): Promise<SuiteDefinition> {
  const loader = loaders[name];
  if (!loader) throw new UnknownSuiteError(name);
  return loader();
}

/** Checks requested names up front so `--suite typo` fails before minutes of benchmarking. */
export function resolveSuiteNames(requested: readonly string[]): string[] {
  if (requested.length === 0) return [...suiteNames];
  for (const name of requested) {
    if (!(name in loaders)) throw new UnknownSuiteError(name);
  }
  return [...requested];
}
