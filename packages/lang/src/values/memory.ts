/**
 * The memory budget (decision 8): values are sized before they are built, so a program gets a MemoryError
 * instead of exhausting the host, and host size limits (V8's longest string, longest array) never surface as
 * a JS RangeError.
 */
import { DanaException, DanaLimitError } from "../errors.js";
import type { Limits } from "../host.js";

/** V8 cannot build longer strings. */
export const MAX_STRING_LENGTH = 536_870_888;
/** JS arrays cannot be longer. */
export const MAX_ARRAY_LENGTH = 2 ** 32 - 1;

/** Raises MemoryError (uncatchable) before building a value of `bytes` bytes when it exceeds the budget. */
export function checkMemory(bytes: number, limits: Limits): void {
  if (bytes > limits.maxMemoryBytes) throw memoryError(bytes, limits.maxMemoryBytes);
}

/** As checkMemory for a string of `length` characters (one byte each, like CPython's ASCII strings). */
export function checkStringLength(length: number, limits: Limits): void {
  if (length > limits.maxMemoryBytes || length > MAX_STRING_LENGTH) throw memoryError(length, limits.maxMemoryBytes);
}

function memoryError(bytes: number, budget: number): DanaLimitError {
  const size = Number.isFinite(bytes) ? `about ${Math.ceil(bytes)} bytes` : "more memory than exists";
  return new DanaLimitError(
    "memory",
    "MemoryError",
    `result would need ${size}, more than the memory budget of ${budget} bytes`,
  );
}

/**
 * Safety net for host size limits missed by an explicit check: V8's "Invalid string length" / "Invalid array
 * length" RangeErrors become MemoryError. Anything else is rethrown unchanged.
 */
export function translateHostLimit(error: unknown): never {
  if (
    error instanceof RangeError &&
    /Invalid (string|array|typed array) length|Maximum BigInt size/.test(error.message)
  ) {
    throw new DanaLimitError("memory", "MemoryError", "result too large for the host");
  }
  throw error;
}

/** Runs `build`, translating host size limits into MemoryError. */
export function withinHostLimits<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof DanaException) throw error;
    return translateHostLimit(error);
  }
}
