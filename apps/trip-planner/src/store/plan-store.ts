/**
 * Where plans are kept. Asynchronous on purpose even though SQLite answers synchronously: a server database
 * (Postgres, DynamoDB…) can implement the same interface without changing the handlers.
 */
import type { TripPlan } from "../schemas.js";

export interface PlanStore {
  save(plan: TripPlan): Promise<void>;
  /** The plan, or null when there is none with this id. */
  get(id: string): Promise<TripPlan | null>;
  /** Idempotent. */
  close(): Promise<void>;
}
