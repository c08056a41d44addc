/**
 * Interactive API docs at /docs: Swagger UI served from the installed swagger-ui-dist package (no CDN — the
 * browser may have no internet), pointed at /openapi.json.
 */
import { createRequire } from "node:module";
import { dirname } from "node:path";
import express, { type Router } from "express";

const swaggerUiDirectory = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Dana Trip Planner — API docs</title>
  <link rel="stylesheet" href="/docs/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/swagger-ui-bundle.js"></script>
  <script src="/docs/docs-initializer.js"></script>
</body>
</html>
`;

const initializer = `window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });\n`;

export function docsRouter(): Router {
  const router = express.Router();
  router.get(["/docs", "/docs/"], (_request, response) => {
    response.type("html").send(page);
  });
  router.get("/docs/docs-initializer.js", (_request, response) => {
    response.type("application/javascript").send(initializer);
  });
  // Only the two files the page needs (not swagger-ui-dist's own index.html, which points at the petstore).
  router.get(["/docs/swagger-ui.css", "/docs/swagger-ui-bundle.js"], (request, response, next) => {
    response.sendFile(request.path.slice("/docs/".length), { root: swaggerUiDirectory, maxAge: "1h" }, (error) => {
      if (error) next(error);
    });
  });
  return router;
}
