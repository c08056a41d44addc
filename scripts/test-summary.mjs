#!/usr/bin/env node
// Totals the vitest summaries of every package in a test log into one plain closing line,
// "tests: N passed, N failed", that any reader of the CI output can check.
import { readFileSync } from "node:fs";

const escape = String.fromCharCode(27);
const log = readFileSync(process.argv[2], "utf8").replaceAll(new RegExp(`${escape}\\[[0-9;]*m`, "g"), "");
let passed = 0;
let failed = 0;
let suites = 0;
for (const match of log.matchAll(/^.*?\bTests\s+(.*)\(\d+\)\s*$/gm)) {
  suites++;
  passed += Number(/(\d+) passed/.exec(match[1])?.[1] ?? 0);
  failed += Number(/(\d+) failed/.exec(match[1])?.[1] ?? 0);
}
if (suites === 0) {
  console.error("test-summary: no vitest summary found in the log");
  process.exit(1);
}
console.log(`tests: ${passed} passed, ${failed} failed`);
