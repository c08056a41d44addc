/**
 * Entry point of one suite process: `node dist/suite-runner.js <suite> [--quick]`.
 * Each suite gets a fresh process so that one suite's JIT state, heap and leftover workers
 * cannot distort another's figures. The result goes back over IPC when the parent forked us,
 * and to stdout as JSON otherwise (handy for running one suite by hand).
 */
import { loadSuite } from "./harness/registry.js";
import { unavailableSuiteResult } from "./harness/suite-result.js";
import type { SuiteResult } from "./harness/types.js";

async function runOne(name: string, quick: boolean): Promise<SuiteResult> {
  const suite = await loadSuite(name);
  if (quick && suite.quick === false) return unavailableSuiteResult(suite, "skipped", "not part of the quick run");
  const availability = await suite.available();
  if (availability !== true) return unavailableSuiteResult(suite, "skipped", availability);
  try {
    return await suite.run({ quick });
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return unavailableSuiteResult(suite, "failed", message);
  }
}

function deliver(result: SuiteResult): Promise<void> {
  const send = process.send?.bind(process);
  if (!send) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    send({ type: "suite-result", result }, undefined, {}, (error: Error | null) => (error ? reject(error) : resolve()));
  });
}

const [name, ...flags] = process.argv.slice(2);
if (!name) {
  process.stderr.write("usage: node dist/suite-runner.js <suite> [--quick]\n");
  process.exit(2);
}
await deliver(await runOne(name, flags.includes("--quick")));
// Suites close what they open, but a peer library may keep a handle alive; the result is delivered, so leave.
process.exit(0);
