/**
 * `@dana-gateway/converters/dataframe` — danfojs DataFrames as Dana tables.
 *
 * Importing this subpath loads nothing heavy: `registerDataFrame()` loads danfojs (an optional peer
 * dependency, ~0.5–2 s: it bundles TensorFlow.js) the first time it is called.
 */
import { type TypeConverterRegistry, typeConverters } from "@dana-gateway/core";
import "../table/wire-codec.js";
import { createDataFrameConverter } from "./converter.js";
import { type DanfoModule, loadDanfo } from "./danfo.js";

export interface RegisterDataFrameOptions {
  /** The danfojs module to use (default: `import("danfojs")`), e.g. `danfojs-node`. */
  readonly danfo?: DanfoModule;
}

/**
 * Loads danfojs and registers the DataFrame converter in `registry` (default: the shared `typeConverters`).
 * Tables cross to worker and process sandboxes as plain columns; danfojs is never loaded there. Resolves to a
 * function that unregisters the converter.
 */
export async function registerDataFrame(
  registry: TypeConverterRegistry = typeConverters,
  options: RegisterDataFrameOptions = {},
): Promise<() => void> {
  const danfo = options.danfo ?? (await loadDanfo());
  return registry.register(createDataFrameConverter(danfo));
}

export { createDataFrameConverter, dataFrameConverterName } from "./converter.js";
export type { DanfoDataFrame, DanfoModule } from "./danfo.js";
export { fromDataFrame, UnsupportedDtypeError } from "./from-dataframe.js";
export { DataFrameCellError, toDataFrame } from "./to-dataframe.js";
