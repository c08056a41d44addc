/**
 * Failing fuzz inputs saved as `regressions/<hash>.na`, byte for byte (no header: a comment would change the
 * input). The campaign writes them; the quick pass replays every one. An input with a lone surrogate cannot be
 * written as UTF-8 without changing it, so it is saved as a JSON string in `<hash>.na.json` instead.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const regressionsFolder = fileURLToPath(new URL("./regressions/", import.meta.url));

export function saveRegression(input: string): string {
  mkdirSync(regressionsFolder, { recursive: true });
  const hash = createHash("sha256").update(JSON.stringify(input)).digest("hex").slice(0, 16);
  // With the `u` flag, only a surrogate without its partner matches \p{Cs}.
  const name = /\p{Cs}/u.test(input) ? `${hash}.na.json` : `${hash}.na`;
  writeFileSync(join(regressionsFolder, name), name.endsWith(".json") ? JSON.stringify(input) : input, "utf8");
  return name;
}

export function loadRegressions(): { name: string; input: string }[] {
  return readdirSync(regressionsFolder)
    .filter((name) => name.endsWith(".na") || name.endsWith(".na.json"))
    .sort()
    .map((name) => {
      const text = readFileSync(join(regressionsFolder, name), "utf8");
      return { name, input: name.endsWith(".json") ? (JSON.parse(text) as string) : text };
    });
}
