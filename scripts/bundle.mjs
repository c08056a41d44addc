#!/usr/bin/env node
import { readFileSync } from "node:fs";
// Bundles a package's entry points into a few ESM files (shared code in chunks), next to the
// declarations `tsc --emitDeclarationOnly` writes. A cold `import "@dana-gateway/core"` then reads a
// handful of files instead of ~150 small modules: ~3x less start-up CPU (docs/design, Performance).
//
// usage: node ../../scripts/bundle.mjs <entry.ts>... [--external name]...
import { build } from "esbuild";

const args = process.argv.slice(2);
const entryPoints = args.filter((arg, index) => !arg.startsWith("--") && args[index - 1] !== "--external");
const extraExternals = args.flatMap((arg, index) => (args[index - 1] === "--external" ? [arg] : []));
const pkg = JSON.parse(readFileSync("package.json", "utf8"));
// Dependencies stay imports (resolved by Node at run time); only the package's own code is bundled.
const external = [
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
  ...Object.keys(pkg.optionalDependencies ?? {}),
  ...extraExternals,
].flatMap((name) => [name, `${name}/*`]);

await build({
  entryPoints,
  outdir: "dist",
  outbase: "src",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: true,
  chunkNames: "chunks/[name]-[hash]",
  external,
  logLevel: "warning",
});
