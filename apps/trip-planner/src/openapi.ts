/** The OpenAPI 3.1 document, generated from the same zod schemas the handlers validate with. */
import { createDocument, type oas31 } from "zod-openapi";
import {
  ErrorResponseSchema,
  HealthSchema,
  HTTPValidationErrorSchema,
  TripIdParametersSchema,
  TripPlanSchema,
  TripRequestSchema,
} from "./schemas.js";

const json = <T>(schema: T) => ({ "application/json": { schema } });

const validationError = { description: "Validation Error", content: json(HTTPValidationErrorSchema) };
const plannerErrors = {
  "502": { description: "The language model failed or answered out of schema", content: json(ErrorResponseSchema) },
  "503": { description: "No planning context became free in time (overload)", content: json(ErrorResponseSchema) },
  "504": { description: "Planning exceeded its time limit", content: json(ErrorResponseSchema) },
};

export function createOpenApiDocument(version: string): oas31.OpenAPIObject {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Dana Trip Planner",
      version,
      description:
        "Trip plans computed by Dana modules running in isolated sandboxes through the Dana gateway. " +
        "The weather is synthetic (derived from climate normals) and the narrative comes from the configured model " +
        "(offline placeholders by default).",
    },
    paths: {
      "/health": {
        get: {
          summary: "Liveness and pool state",
          responses: { "200": { description: "Successful Response", content: json(HealthSchema) } },
        },
      },
      "/trips/plan": {
        post: {
          summary: "Plan a trip",
          requestBody: { required: true, content: json(TripRequestSchema) },
          responses: {
            "200": { description: "The stored plan", content: json(TripPlanSchema) },
            "422": validationError,
            ...plannerErrors,
          },
        },
      },
      "/trips/plan/stream": {
        post: {
          summary: "Plan a trip, streamed as server-sent events",
          description:
            "Events: `day` (a DayPlan, as soon as Dana has planned it), `totals`, `narrative-delta` ({text}: the " +
            "model's output as it writes), `narrative` (the validated Narrative), `done` ({id, model} of the stored plan), " +
            "`error` ({status, detail}). Invalid bodies get a plain 422 before the stream starts. Closing the " +
            "connection cancels the planning.",
          requestBody: { required: true, content: json(TripRequestSchema) },
          responses: {
            "200": {
              description: "A stream of server-sent events",
              content: { "text/event-stream": { schema: { type: "string" } } },
            },
            "422": validationError,
          },
        },
      },
      "/trips/{id}": {
        get: {
          summary: "A stored plan",
          requestParams: { path: TripIdParametersSchema },
          responses: {
            "200": { description: "Successful Response", content: json(TripPlanSchema) },
            "404": { description: "No plan with this id", content: json(ErrorResponseSchema) },
          },
        },
      },
    },
  });
}
