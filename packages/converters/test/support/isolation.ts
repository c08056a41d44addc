/**
 * Runtimes for each isolation mode. Worker and process sandboxes run the built `dist/` of core and this package
 * (build first: `npx turbo run build --filter=@dana-gateway/converters...`). The backends are passed explicitly
 * because core's lazy `import("../isolation/index.js")` cannot be followed by vitest from another package.
 */
import { DanaRuntime, type SandboxBackendFactory, type TypeConverterRegistry } from "@dana-gateway/core";
import { createIsolatedBackend } from "@dana-gateway/core/isolation";

export const isolationModes = ["inprocess", "worker", "process"] as const;
export type IsolationModeName = (typeof isolationModes)[number];

// The compiled isolation module speaks the same protocol as the sources; only its declared types differ.
type CompiledFactory = (...args: Parameters<SandboxBackendFactory>) => ReturnType<SandboxBackendFactory>;
const startCompiled = createIsolatedBackend as unknown as (
  mode: "worker" | "process",
  ...args: Parameters<CompiledFactory>
) => ReturnType<CompiledFactory>;
const backends: Record<"worker" | "process", SandboxBackendFactory> = {
  worker: (init, events) => startCompiled("worker", init, events),
  process: (init, events) => startCompiled("process", init, events),
};

export function createTestRuntime(typeConverters: TypeConverterRegistry): Promise<DanaRuntime> {
  return DanaRuntime.create({ typeConverters, backends, env: {} });
}
