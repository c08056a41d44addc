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
  /** Time budget per task and round; tinybench keeps sampling until both this and `iterations` are met. */
  timeMs: number;
  iterations: number;
  warmupTimeMs: number;
  warmupIterations: number;
  /**
   * The tasks run this many times in turn (A B C, A B C, ...) and their samples are pooled, so a
   * slow patch on a shared machine lands on every side of a ratio instead of on one task only.
   * `timeMs` and `iterations` are totals, split between rounds. Default 1.
   */
  rounds?: number;
}

/** Defaults sized so that the quick gate of every suite fits in the CI budget on two cores. */
export function measureSettings(quick: boolean, overrides: Partial<MeasureSettings> = {}): MeasureSettings {
  const base: MeasureSettings = quick
    ? { timeMs: 300, iterations: 16, warmupTimeMs: 80, warmupIterations: 8, rounds: 3 }
    : { timeMs: 1500, iterations: 64, warmupTimeMs: 300, warmupIterations: 16, rounds: 5 };
  return { ...base, ...overrides };
}

/** What one round leaves per task: its latency samples, or the reason it did not complete. */
export type RoundOutcome = Map<string, number[] | TaskMeasurement>;

/** Runs every task once through tinybench (one round) and keeps the raw samples. */
export async function sampleRound(
  tasks: readonly BenchmarkTask[],
  settings: MeasureSettings,
  warm: boolean,
): Promise<RoundOutcome> {
  const rounds = settings.rounds ?? 1;
  const bench = new Bench({
    time: settings.timeMs / rounds,
    iterations: Math.max(1, Math.ceil(settings.iterations / rounds)),
    warmupTime: settings.warmupTimeMs,
    warmupIterations: settings.warmupIterations,
    warmup: warm && settings.warmupIterations > 0,
    throws: false,
    retainSamples: true,
  });
  for (const task of tasks) {
    bench.add(task.name, task.fn, {
      ...(task.async === undefined ? {} : { async: task.async }),
      ...(task.collectGarbageFirst && collectGarbage ? { beforeEach: () => collectGarbage() } : {}),
    });
  }
  await bench.run();
  const outcome: RoundOutcome = new Map();
  for (const task of bench.tasks) {
    const result = task.result;
    outcome.set(
      task.name,
      result.state === "completed" && result.latency.samples ? [...result.latency.samples] : measurementOf(task),
    );
  }
  return outcome;
}

/** Collects samples of the same tasks across rounds (and from outside tinybench) and summarises them. */
export class SamplePool {
  readonly #samples = new Map<string, number[]>();
  readonly #failures = new Map<string, TaskMeasurement>();
  /** First-seen order, so results list tasks in the order the suite declared them. */
  readonly #order = new Set<string>();

  addRound(outcome: RoundOutcome): void {
    for (const [name, value] of outcome) {
      if (Array.isArray(value)) {
        this.addSamples(name, value);
      } else {
        this.#order.add(name);
        this.#failures.set(name, value);
      }
    }
  }

  addSamples(name: string, samplesMs: readonly number[]): void {
    this.#order.add(name);
    this.#samples.set(name, [...(this.#samples.get(name) ?? []), ...samplesMs]);
  }

  /**
   * One measurement per task, in first-seen order. The pooled samples go back through tinybench
   * (replayed) so every figure comes from tinybench's statistics; a task that failed in any round
   * is reported as failed.
   */
  async summarise(): Promise<TaskMeasurement[]> {
    const measurements: TaskMeasurement[] = [];
    for (const name of this.#order) {
      const failure = this.#failures.get(name);
      if (failure) {
        measurements.push(failure);
        continue;
      }
      const samples = this.#samples.get(name)!;
      const bench = new Bench({ time: 0, iterations: samples.length, warmup: false, throws: false });
      bench.add(name, replaySamples(samples), { async: false });
      await bench.run();
      measurements.push(measurementOf(bench.tasks[0]!));
    }
    return measurements;
  }
}

/** Runs the tasks one after another in this process, in `settings.rounds` rounds, and returns their figures. */
export async function measureTasks(tasks: BenchmarkTask[], settings: MeasureSettings): Promise<TaskMeasurement[]> {
  const pool = new SamplePool();
  let remaining = tasks;
  for (let round = 0; round < (settings.rounds ?? 1) && remaining.length > 0; round++) {
    const outcome = await sampleRound(remaining, settings, round === 0);
    pool.addRound(outcome);
    // A task that failed once is not run again: its failure is the result.
    remaining = remaining.filter((task) => Array.isArray(outcome.get(task.name)));
  }
  return pool.summarise();
}

/** A task whose samples were timed elsewhere; it must be declared synchronous so tinybench makes no probe call. */
export function replayTask(name: string, samplesMs: readonly number[]): BenchmarkTask {
  return { name, fn: replaySamples(samplesMs), async: false };
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
      medianRmePercent: medianRelativeMarginOfError(latency),
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

/**
 * The median's margin of error relative to the median, in percent. The standard error of a
 * median is about 1.2533 σ/√n; σ is estimated as 1.4826 × MAD (consistent for normal data and
 * insensitive to outliers); the critical value is tinybench's Student t for the sample count.
 */
export function medianRelativeMarginOfError(latency: {
  p50: number;
  mad: number;
  critical: number;
  samplesCount: number;
}): number {
  if (latency.samplesCount < 2) return 100;
  if (latency.p50 <= 0) return latency.mad > 0 ? 100 : 0;
  const standardError = (1.2533 * 1.4826 * latency.mad) / Math.sqrt(latency.samplesCount);
  return (100 * latency.critical * standardError) / latency.p50;
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

/**
 * Where timed calls leave their results: exported, so the optimiser cannot prove the stores
 * unused and eliminate the calls as dead code.
 */
export const sink: { last: unknown } = { last: undefined };
export function consume(value: unknown): void {
  sink.last = value;
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
