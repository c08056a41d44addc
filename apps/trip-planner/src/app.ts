/**
 * The Express app, without `listen` (tests start it on 127.0.0.1, port 0; `main.ts` serves it).
 */
import express, { type Express } from "express";
import { docsRouter } from "./http/docs.js";
import { errorHandler, NotFoundError } from "./http/error-handler.js";
import { tripRouter } from "./http/trip-routes.js";
import { createOpenApiDocument } from "./openapi.js";
import { publicDirectory } from "./paths.js";
import type { TripPlanner } from "./planner/trip-planner.js";
import type { Health } from "./schemas.js";
import type { PlanStore } from "./store/plan-store.js";

export interface AppDependencies {
  readonly planner: TripPlanner;
  readonly store: PlanStore;
  readonly version?: string;
}

export function createApp({ planner, store, version = "0.1.0" }: AppDependencies): Express {
  const app = express();
  app.disable("x-powered-by");
  app.use(express.json({ limit: "16kb" }));

  const openApiDocument = createOpenApiDocument(version);
  app.get("/openapi.json", (_request, response) => {
    response.json(openApiDocument);
  });
  app.use(docsRouter());

  app.get("/health", async (_request, response) => {
    const { idle, busy, starting, waiting } = planner.stats();
    const health: Health = {
      status: "ok",
      model: await planner.modelId(),
      contexts: { idle: idle + starting, busy, waiting },
    };
    response.json(health);
  });

  app.use(tripRouter({ planner, store }));
  app.use(
    express.static(publicDirectory, {
      index: "index.html",
      // The page needs nothing from elsewhere; this keeps it that way (and blocks injected scripts).
      setHeaders: (response) => {
        response.setHeader(
          "content-security-policy",
          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'",
        );
        response.setHeader("x-content-type-options", "nosniff");
      },
    }),
  );
  app.use((_request, _response, next) => next(new NotFoundError("Not Found")));
  app.use(errorHandler);
  return app;
}
