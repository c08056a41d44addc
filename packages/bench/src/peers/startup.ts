import { execFile, fork } from "node:child_process";
import { once } from "node:events";
import { promisify } from "node:util";
import { Worker } from "node:worker_threads";
import { getQuickJS } from "quickjs-emscripten";
import type { BatchTiming } from "../harness/measure.js";
import { packageRoot } from "../harness/paths.js";
import { echoChildPath } from "./child-process.js";
import { echoWorkerUrl } from "./worker.js";

const execFileAsync = promisify(execFile);

/** Times only the creation; the disposal that follows is outside the sample. */
export function timedCreation<T>(
  create: () => Promise<T>,
  dispose: (value: T) => Promise<void>,
): () => Promise<BatchTiming> {
  return async () => {
    const start = performance.now();
    const value = await create();
    const elapsed = performance.now() - start;
    await dispose(value);
    return { overriddenDuration: elapsed, overriddenIterationCost: elapsed };
  };
}

/**
 * The time to import `specifier` (and run `afterImport`) in a fresh Node process, measured inside
 * that process so Node's own start-up is not counted. Module resolution starts at the bench
 * package, where the workspace packages are linked.
 */
export async function coldImportSample(specifier: string, afterImport = ""): Promise<number> {
  const script = `const start = performance.now();
const module = await import(${JSON.stringify(specifier)});
${afterImport}
process.stdout.write(JSON.stringify(performance.now() - start));`;
  const { stdout } = await execFileAsync(process.execPath, ["--input-type=module", "-e", script], { cwd: packageRoot });
  const sample = Number(stdout.trim());
  if (!Number.isFinite(sample)) throw new Error(`cold import of ${specifier} printed "${stdout.trim()}"`);
  return sample;
}

/** The raw floor under a worker-mode context: a worker thread that is up and answering. */
export async function startRawWorker(): Promise<Worker> {
  const worker = new Worker(echoWorkerUrl);
  await once(worker, "online");
  return worker;
}

/** The raw floor under a process-mode context: a forked Node process that has answered one message. */
export async function startRawChild() {
  const child = fork(echoChildPath, [], { serialization: "advanced", stdio: ["ignore", "ignore", "inherit", "ipc"] });
  child.send({ ready: true });
  await once(child, "message");
  return child;
}

export async function stopRawChild(child: Awaited<ReturnType<typeof startRawChild>>): Promise<void> {
  const exited = once(child, "exit");
  child.disconnect();
  await exited;
}

export async function newQuickJsContext() {
  return (await getQuickJS()).newContext();
}
