/**
 * Finds the plain-JavaScript entry script a worker thread or child process starts from.
 *
 * Sandboxes run compiled JavaScript only (no loader hooks, no TypeScript) so that what runs in production is what
 * the tests ran. When this module itself runs from `dist/isolation/`, the entry sits next to it; when it runs from
 * `src/isolation/` (vitest imports the sources), the entry comes from the package's build output.
 */
import { existsSync } from "node:fs";
import { dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";

export type EntryScriptName = "worker-entry.js" | "child-entry.js";

const located = new Map<EntryScriptName, string>();

export class MissingEntryScriptError extends Error {
  override readonly name = "MissingEntryScriptError";
}

/** The absolute path of a compiled entry script; throws a message that says to build when it is missing. */
export function entryScriptPath(name: EntryScriptName): string {
  const cached = located.get(name);
  if (cached !== undefined) return cached;
  // Beside this module (dist/isolation/), from a bundle chunk or another dist folder (dist/chunks/), or from the
  // sources (src/isolation/ → dist/isolation/).
  const candidates = [
    new URL(`./${name}`, import.meta.url),
    new URL(`../isolation/${name}`, import.meta.url),
    new URL(`../../dist/isolation/${name}`, import.meta.url),
  ];
  for (const candidate of candidates) {
    const path = fileURLToPath(candidate);
    // A `.js` file beside a `.ts` source would be stale output in src/; only accept it from a dist folder.
    if (existsSync(path) && dirname(path).endsWith(`${sep}${join("dist", "isolation")}`)) {
      located.set(name, path);
      return path;
    }
  }
  throw new MissingEntryScriptError(
    `the sandbox entry script ${name} was not found in @dana-gateway/core's dist/isolation/ folder; ` +
      "worker and process isolation run compiled JavaScript — run `npm run build` (or `npx turbo run build`) first",
  );
}
