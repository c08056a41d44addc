import { defineConfig } from "vitest/config";

// `npx vitest` at the root runs every package's project in one process;
// `npm test` runs them through turbo, one package at a time per core.
export default defineConfig({
  test: {
    projects: ["packages/*", "apps/*"],
  },
});
