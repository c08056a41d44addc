/**
 * `@dana-gateway/converters/arrow` — Apache Arrow Tables and RecordBatches as Dana tables.
 *
 * Importing this subpath loads `apache-arrow` (an optional peer dependency); importing `@dana-gateway/core` or
 * the package root never does. Call `registerArrow()` once (it is not automatic, so bundlers that drop
 * side-effect-only imports cannot lose it).
 */
import { type TypeConverterRegistry, typeConverters } from "@dana-gateway/core";
import { arrowConverter } from "./converter.js";
import "./wire-codec.js";

/**
 * Registers the Arrow converter in `registry` (default: the shared `typeConverters`, which every runtime uses
 * unless given its own) and the wire codec that carries tables to worker and process sandboxes as Arrow IPC.
 * Returns a function that unregisters the converter.
 */
export function registerArrow(registry: TypeConverterRegistry = typeConverters): () => void {
  return registry.register(arrowConverter);
}

export { arrowConverter, arrowConverterName } from "./converter.js";
export { fromArrow, UnsupportedArrowTypeError } from "./from-arrow.js";
export { batchesOf, reduceBatches, type StreamOptions, streamBatches } from "./stream.js";
export { toArrow } from "./to-arrow.js";
export { arrowTableCodec, arrowTableCodecName } from "./wire-codec.js";
