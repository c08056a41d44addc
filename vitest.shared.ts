import { fileURLToPath } from "node:url";
import { defineProject, type UserWorkspaceConfig } from "vitest/config";

const source = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/**
 * Tests import sibling packages from their TypeScript sources, so a change in
 * `packages/lang` is seen by `packages/core` tests without a rebuild. Code that
 * must run as plain JavaScript (worker and child-process entry points) is
 * built first: turbo's `test` task depends on `build`.
 */
export const workspaceAliases = [
  { find: /^@dana-gateway\/converters\/arrow$/, replacement: source("./packages/converters/src/arrow/index.ts") },
  {
    find: /^@dana-gateway\/converters\/dataframe$/,
    replacement: source("./packages/converters/src/dataframe/index.ts"),
  },
  { find: /^@dana-gateway\/converters$/, replacement: source("./packages/converters/src/index.ts") },
  { find: /^@dana-gateway\/core\/isolation$/, replacement: source("./packages/core/src/isolation/index.ts") },
  { find: /^@dana-gateway\/lang$/, replacement: source("./packages/lang/src/index.ts") },
  { find: /^@dana-gateway\/core$/, replacement: source("./packages/core/src/index.ts") },
  { find: /^@dana-gateway\/llm-pool$/, replacement: source("./packages/llm-pool/src/index.ts") },
  { find: /^@dana-gateway\/cli$/, replacement: source("./packages/cli/src/index.ts") },
];

export function danaProject(name: string, test: UserWorkspaceConfig["test"] = {}) {
  return defineProject({
    resolve: { alias: workspaceAliases },
    test: {
      name,
      include: ["test/**/*.test.ts"],
      testTimeout: 20_000,
      ...test,
    },
  });
}
