import { Bench, type Task } from "tinybench";
import type { TaskMeasurement } from "./types.js";

/** One thing to time. `fn` is one iteration; see `repeatSync`/`repeatAsync` for sub-microsecond work. */
export interface BenchmarkTask {
  name: string;
  fn: () => unknown;
  /** Set when tinybench cannot tell from the function (it awaits a probe call otherwise). */
  async?: boolean;
  /**
   * Collect garbage before each sample (outside the timed window). For allocation-heavy whole
   * programs, so one sample does not pay for the garbage the previous one left. Needs the suite
   * process's `--expose-gc`; without it this does nothing.
   */
  collectGarbageFirst?: boolean;
}

const collectGarbage = (globalThis as { gc?: () => void }).gc;

export interface MeasureSettings {
  /** Time budget per task; tinybench keeps sampling until both this and `iterations` are met. */
  timeMs: number;
  iterations: number;
  warmupTimeMs: number;
  warmupIterations: number;
}

/** Defaults sized so that the quick gate of every suite fits in the CI budget on two cores. */
export function measureSettings(quick: boolean, overrides: Partial<MeasureSettings> = {}): MeasureSettings {
  const base: MeasureSettings = quick
    ? { timeMs: 250, iterations: 16, warmupTimeMs: 80, warmupIterations: 8 }
    : { timeMs: 1500, iterations: 64, warmupTimeMs: 300, warmupIterations: 16 };
  return { ...base, ...overrides };
}

/** Runs the tasks one after another in this process and returns their figures. */
export async function measureTasks(tasks: BenchmarkTask[], settings: MeasureSettings): Promise<TaskMeasurement[]> {
  const bench = new Bench({
    time: settings.timeMs,
    iterations: settings.iterations,
    warmupTime: settings.warmupTimeMs,
    warmupIterations: settings.warmupIterations,
    warmup: settings.warmupIterations > 0,
    throws: false,
  });
  for (const task of tasks) {
    bench.add(task.name, task.fn, {
      ...(task.async === undefined ? {} : { async: task.async }),
      ...(task.collectGarbageFirst && collectGarbage ? { beforeEach: () => collectGarbage() } : {}),
    });
  }
  await bench.run();
  return bench.tasks.map(measurementOf);
}

/**
 * Reads a finished tinybench task. Statistics are trusted only in the "completed" state:
 * an aborted run can carry partial statistics that would look like a real result.
 */
export function measurementOf(task: Pick<Task, "name" | "result">): TaskMeasurement {
  const result = task.result;
  if (result.state === "completed") {
    const latency = result.latency;
    return {
      name: task.name,
      state: "completed",
      medianMs: latency.p50,
      p99Ms: latency.p99,
      meanMs: latency.mean,
      minMs: latency.min,
      maxMs: latency.max,
      opsPerSecond: latency.p50 > 0 ? 1000 / latency.p50 : Number.POSITIVE_INFINITY,
      rmePercent: Number.isFinite(latency.rme) ? latency.rme : 100,
      samples: latency.samplesCount,
    };
  }
  if (result.state === "errored") {
    return { name: task.name, state: "errored", error: describeError(result.error) };
  }
  if (result.state === "aborted" || result.state === "aborted-with-statistics") {
    return { name: task.name, state: "aborted", error: "the task was aborted before it completed" };
  }
  return { name: task.name, state: "not-completed", error: `tinybench left the task in state "${result.state}"` };
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** What a batched task function returns so that tinybench records the per-call cost. */
export interface BatchTiming {
  overriddenDuration: number;
  overriddenIterationCost: number;
}

// A sink the optimiser cannot prove unused, so timed calls are not eliminated as dead code.
let sink: unknown;
export function consume(value: unknown): void {
  sink = value;
}
export function lastConsumed(): unknown {
  return sink;
}

/**
 * Calls `fn` `count` times per sample and records the mean per call: a plain function call
 * takes nanoseconds, far below the cost of reading the clock once per call.
 */
export function repeatSync(fn: () => unknown, count: number): () => BatchTiming {
  return () => {
    const start = performance.now();
    for (let index = 0; index < count; index++) consume(fn());
    const elapsed = performance.now() - start;
    return { overriddenDuration: elapsed / count, overriddenIterationCost: elapsed };
  };
}

/** `repeatSync` for promise-returning work: the calls run one after another, never overlapping. */
export function repeatAsync(fn: () => Promise<unknown>, count: number): () => Promise<BatchTiming> {
  return async () => {
    const start = performance.now();
    for (let index = 0; index < count; index++) consume(await fn());
    const elapsed = performance.now() - start;
    return { overriddenDuration: elapsed / count, overriddenIterationCost: elapsed };
  };
}

/**
 * Feeds samples timed elsewhere (inside a CPython process, inside a fresh Node process) through
 * tinybench so that every figure in the results comes from the same statistics code.
 */
export function replaySamples(samplesMs: readonly number[]): () => BatchTiming {
  if (samplesMs.length === 0) throw new Error("replaySamples needs at least one sample");
  let index = 0;
  return () => {
    const sample = samplesMs[index % samplesMs.length]!;
    index++;
    return { overriddenDuration: sample, overriddenIterationCost: sample };
  };
}
