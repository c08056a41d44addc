#!/usr/bin/env node
import { main } from "./main.js";

const exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdoutStream: process.stdout,
  stderrStream: process.stderr,
  environment: process.env,
});
process.exitCode = exitCode;
