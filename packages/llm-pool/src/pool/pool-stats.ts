import type { ModelId, Usage } from "../types.js";

/** A snapshot; every field is a plain number so it can be logged or sent as JSON. */
export interface PoolStats {
  modelId: ModelId;
  maxSize: number;
  /** Leases handed out and not yet released. */
  inUse: number;
  /** Created models waiting for the next `acquire()`. */
  idle: number;
  /** `acquire()` calls queued for a free model. */
  waiting: number;
  /** Models being created by the factory right now. */
  creating: number;
  totals: {
    acquired: number;
    released: number;
    /** Models the factory created. */
    created: number;
    /** Factory calls that threw, returned something that is not a LanguageModel, or did not settle within acquireTimeoutMs. */
    failed: number;
    /** `acquire()` calls that gave up after their timeout. */
    timedOut: number;
    /** `acquire()` calls cancelled by their AbortSignal. */
    aborted: number;
    /** `generate`/`stream` calls made through leases, and how many of them ended in an error. */
    calls: number;
    callErrors: number;
  };
  /** Tokens reported by the provider over all calls made through the pool. */
  usage: Usage;
}

export function emptyTotals(): PoolStats["totals"] {
  return { acquired: 0, released: 0, created: 0, failed: 0, timedOut: 0, aborted: 0, calls: 0, callErrors: 0 };
}
