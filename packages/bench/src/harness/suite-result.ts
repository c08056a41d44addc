import type {
  AbsoluteTargetDefinition,
  AbsoluteTargetResult,
  RatioDefinition,
  RatioResult,
  SkippedTask,
  SuiteResult,
  TaskMeasurement,
} from "./types.js";

/** The noise measure of a task's median (falling back to the mean's rme for results written before it existed). */
export function medianNoise(task: TaskMeasurement): number {
  return task.medianRmePercent ?? task.rmePercent ?? 0;
}

function completed(tasks: readonly TaskMeasurement[], name: string): TaskMeasurement | undefined {
  const task = tasks.find((candidate) => candidate.name === name);
  return task?.state === "completed" ? task : undefined;
}

/** Ratios use medians: one slow garbage collection must not move a ratio the way it moves a mean. */
export function computeRatios(
  tasks: readonly TaskMeasurement[],
  definitions: readonly RatioDefinition[],
): RatioResult[] {
  return definitions.map((definition) => {
    const numerator = completed(tasks, definition.numerator);
    const denominator = completed(tasks, definition.denominator);
    if (!numerator || !denominator?.medianMs) {
      return { ...definition, value: null, rmePercent: null };
    }
    return {
      ...definition,
      value: numerator.medianMs! / denominator.medianMs,
      rmePercent: Math.max(medianNoise(numerator), medianNoise(denominator)),
    };
  });
}

export function computeTargets(
  tasks: readonly TaskMeasurement[],
  definitions: readonly AbsoluteTargetDefinition[],
): AbsoluteTargetResult[] {
  return definitions.map((definition) => {
    const task = completed(tasks, definition.task);
    if (!task) return { ...definition, measuredMs: null, rmePercent: null };
    const measuredMs = definition.statistic === "median" ? task.medianMs! : task.p99Ms!;
    return { ...definition, measuredMs, rmePercent: medianNoise(task) };
  });
}

export interface SuiteResultInput {
  suite: string;
  description: string;
  tasks: TaskMeasurement[];
  skippedTasks?: SkippedTask[];
  ratios?: RatioDefinition[];
  targets?: AbsoluteTargetDefinition[];
  startedAt: number;
}

/** Assembles what a suite's `run` returns; a suite is "failed" when any measured task did not complete. */
export function buildSuiteResult(input: SuiteResultInput): SuiteResult {
  const failedTasks = input.tasks.filter((task) => task.state !== "completed");
  return {
    suite: input.suite,
    description: input.description,
    status: failedTasks.length > 0 ? "failed" : "completed",
    ...(failedTasks.length > 0
      ? { reason: failedTasks.map((task) => `${task.name}: ${task.error ?? task.state}`).join("; ") }
      : {}),
    tasks: input.tasks,
    skippedTasks: input.skippedTasks ?? [],
    ratios: computeRatios(input.tasks, input.ratios ?? []),
    targets: computeTargets(input.tasks, input.targets ?? []),
    durationMs: performance.now() - input.startedAt,
  };
}

/** The result recorded for a suite that did not run at all. */
export function unavailableSuiteResult(
  suite: { name: string; description: string },
  status: "skipped" | "failed",
  reason: string,
): SuiteResult {
  return {
    suite: suite.name,
    description: suite.description,
    status,
    reason,
    tasks: [],
    skippedTasks: [],
    ratios: [],
    targets: [],
    durationMs: 0,
  };
}
