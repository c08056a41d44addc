import { danaProject, workspaceAliases } from "../../vitest.shared.js";

// The app runs the gateway with worker isolation. Loaded from TypeScript sources (the shared aliases), core's
// dynamic `import("../isolation/index.js")` cannot be resolved by Vite, so worker contexts fail with
// "isolation "worker" is not available in this build". The app's tests therefore use the built packages
// (turbo builds them before `test`), exactly as `npm start` does.
const builtPackages = /\/packages\/(core|lang|llm-pool)\/src\//;
const config = danaProject("trip-planner", { testTimeout: 30_000, hookTimeout: 30_000, fileParallelism: false });
config.resolve = { alias: workspaceAliases.filter((alias) => !builtPackages.test(alias.replacement)) };

export default config;
