/** POST /trips/plan, POST /trips/plan/stream, GET /trips/:id. */
import { randomUUID } from "node:crypto";
import express, { type Router } from "express";
import type { PlanResult, TripPlanner } from "../planner/trip-planner.js";
import { TripIdParametersSchema, type TripPlan, type TripRequest, TripRequestSchema } from "../schemas.js";
import type { PlanStore } from "../store/plan-store.js";
import { validate } from "../validation.js";
import { logUnexpected, NotFoundError, toHttpError } from "./error-handler.js";
import { openEventStream } from "./sse.js";

export interface TripRouteDependencies {
  readonly planner: TripPlanner;
  readonly store: PlanStore;
}

function storedPlan(request: TripRequest, result: PlanResult): TripPlan {
  return { id: randomUUID(), created_at: new Date().toISOString(), request, ...result };
}

export function tripRouter({ planner, store }: TripRouteDependencies): Router {
  const router = express.Router();

  router.post("/trips/plan", async (request, response) => {
    const body = validate(TripRequestSchema, request.body, "body");
    const cancelled = new AbortController();
    response.on("close", () => {
      if (!response.writableFinished) cancelled.abort(new Error("the client disconnected"));
    });
    let result: PlanResult;
    try {
      result = await planner.plan(body, { signal: cancelled.signal });
    } catch (error) {
      // Nobody is listening any more: the cancellation is the expected outcome, not an error to report.
      if (cancelled.signal.aborted) return;
      throw error;
    }
    const plan = storedPlan(body, result);
    await store.save(plan);
    response.json(plan);
  });

  router.post("/trips/plan/stream", async (request, response) => {
    // Validation errors are ordinary 422 responses: the stream only opens for a valid request.
    const body = validate(TripRequestSchema, request.body, "body");
    const stream = openEventStream(response);
    try {
      const result = await planner.plan(body, {
        signal: stream.disconnected,
        onDay: (day) => stream.send("day", day),
        onNarrativeDelta: (text) => stream.send("narrative-delta", { text }),
      });
      stream.send("totals", result.totals);
      stream.send("narrative", result.narrative);
      const plan = storedPlan(body, result);
      await store.save(plan);
      stream.send("done", { id: plan.id, model: plan.model });
    } catch (error) {
      if (!stream.disconnected.aborted) {
        const { status, detail } = toHttpError(error);
        logUnexpected(error, status);
        stream.send("error", { status, detail });
      }
    } finally {
      stream.end();
    }
  });

  router.get("/trips/:id", async (request, response) => {
    const { id } = validate(TripIdParametersSchema, request.params, "path");
    const plan = await store.get(id);
    if (plan === null) throw new NotFoundError("Plan not found");
    response.json(plan);
  });

  return router;
}
