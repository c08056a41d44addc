/**
 * The data model shared by suites, the runner, the gate and the renderers.
 * Everything here is plain JSON so it crosses the suite-process boundary and
 * lands in `bench-results.json` unchanged.
 */

/** The figures of one benchmark task, read from tinybench only once its state is "completed". */
export interface TaskMeasurement {
  name: string;
  state: "completed" | "errored" | "aborted" | "not-completed";
  /** Present when the task did not complete, so the gate can say why. */
  error?: string;
  medianMs?: number;
  p99Ms?: number;
  meanMs?: number;
  minMs?: number;
  maxMs?: number;
  opsPerSecond?: number;
  /** Relative margin of error of the mean, in percent (tinybench's `latency.rme`). */
  rmePercent?: number;
  /**
   * Relative margin of error of the median, in percent: the gate's noise measure, because ratios
   * are ratios of medians. Estimated robustly from the median absolute deviation, so the rare
   * 100x outlier (a garbage collection under a 40 ns task) that inflates the mean's rme does not
   * make a rock-steady median look noisy.
   */
  medianRmePercent?: number;
  samples?: number;
}

/** "numerator over denominator", both measured in the same run of the same suite process. */
export interface RatioDefinition {
  /** Stable identifier within the suite, used as the baseline key together with the suite name. */
  id: string;
  numerator: string;
  denominator: string;
  description?: string;
  /** An absolute ceiling for the ratio itself (for example "the in-process call costs at most 50 plain calls"). */
  targetMaximum?: number;
  /** Allowed growth over the baseline as a fraction (0.35 = 35 %); overrides the gate default. */
  tolerance?: number;
  /**
   * `false` for a ratio that is reported and charted but never gated: one whose two sides react
   * differently to the machine's state (an in-thread call against a cross-thread round trip,
   * whose latency depends on whether the other core is asleep), so no tolerance would be honest.
   */
  gated?: boolean;
}

/** An absolute promise about one task, such as the reference design's "< 1 ms per call". */
export interface AbsoluteTargetDefinition {
  id: string;
  task: string;
  statistic: "median" | "p99";
  maximumMs: number;
  description: string;
}

export interface RatioResult extends RatioDefinition {
  /** `null` when either side did not complete or was skipped. */
  value: number | null;
  /** The larger relative margin of error of the two sides' medians, in percent. */
  rmePercent: number | null;
}

export interface AbsoluteTargetResult extends AbsoluteTargetDefinition {
  measuredMs: number | null;
  /** The task's relative margin of error of the median, in percent. */
  rmePercent: number | null;
}

export interface SkippedTask {
  name: string;
  reason: string;
}

export interface SuiteResult {
  suite: string;
  description: string;
  status: "completed" | "skipped" | "failed";
  /** Why the suite was skipped or failed. */
  reason?: string;
  tasks: TaskMeasurement[];
  /** Tasks the suite could not measure because their subject does not exist yet. */
  skippedTasks: SkippedTask[];
  ratios: RatioResult[];
  targets: AbsoluteTargetResult[];
  durationMs: number;
  /** How many times the gate ran this suite (re-runs happen when results are noisy). */
  attempts?: number;
}

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryBytes: number;
  platform: string;
  arch: string;
  nodeVersion: string;
  pythonVersion: string | null;
  date: string;
}

/** The content of `bench-results.json`. */
export interface BenchResults {
  formatVersion: 1;
  quick: boolean;
  machine: MachineInfo;
  suites: SuiteResult[];
}

export interface SuiteRunOptions {
  quick: boolean;
}

/** What a module in `src/suites/` exports as `suite`. */
export interface SuiteDefinition {
  name: string;
  description: string;
  /** Whether the quick (CI gate) run includes this suite; defaults to true. */
  quick?: boolean;
  /** `true` when the suite can run here, otherwise the reason it is skipped. */
  available(): Promise<string | true>;
  run(options: SuiteRunOptions): Promise<SuiteResult>;
}
