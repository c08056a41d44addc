#!/usr/bin/env node
// A committed launcher, so the `dana` link npm creates at install time points at an
// executable file even before the TypeScript sources are built.
try {
  await import("../dist/bin.js");
} catch (error) {
  if (error?.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("dist/bin.js")) {
    process.stderr.write("dana: the CLI is not built yet — run `npm run build` at the repository root first.\n");
    process.exit(2);
  }
  throw error;
}
