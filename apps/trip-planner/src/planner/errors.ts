/** Failures of the planner that the HTTP layer maps to status codes (see `http/error-handler.ts`). */

/** The whole plan (model included) exceeded `requestTimeoutMs`. */
export class PlanTimeoutError extends Error {
  override readonly name = "PlanTimeoutError";
}

/** The model's answer was not the narrative asked for, or the model call failed. */
export class NarrativeError extends Error {
  override readonly name = "NarrativeError";
}
