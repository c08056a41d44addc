/**
 * The URL of one of this package's compiled modules, for a sandbox to import (see core's native codecs).
 * Sandboxes run compiled JavaScript only, so when this code runs from `src/` (vitest), the URL points at the
 * same module in `dist/`: worker and process tests need `npm run build` first, as core's own do.
 */
export function compiledModuleUrl(callerUrl: string, pathInPackage: string): string {
  if (callerUrl.endsWith(".js") && callerUrl.includes("/dist/")) {
    const distRoot = callerUrl.slice(0, callerUrl.lastIndexOf("/dist/") + "/dist/".length);
    return new URL(pathInPackage, distRoot).href;
  }
  const sourceRoot = callerUrl.slice(0, callerUrl.lastIndexOf("/src/") + 1);
  return new URL(`dist/${pathInPackage}`, sourceRoot).href;
}
