import { readFile, writeFile } from "node:fs/promises";
import type { BenchResults, MachineInfo } from "../harness/types.js";

export interface BaselineEntry {
  /** The ratio's value when the baseline was recorded. */
  value: number;
  /** Allowed growth as a fraction; overrides the suite's and the gate's default. Kept across `baseline --write`. */
  tolerance?: number;
  /** Why this ratio has a special tolerance, for the next reader. Kept across `baseline --write`. */
  note?: string;
}

/** The committed `packages/bench/baseline.json`. */
export interface Baseline {
  formatVersion: 1;
  recordedAt: string;
  quick: boolean;
  machine: MachineInfo | null;
  ratios: Record<string, BaselineEntry>;
}

export class BaselineFileError extends Error {
  override readonly name = "BaselineFileError";
}

/** Ratio ids are unique within a suite; the suite name makes them unique in the baseline. */
export function ratioKey(suite: string, ratioId: string): string {
  return `${suite}/${ratioId}`;
}

export function emptyBaseline(): Baseline {
  return { formatVersion: 1, recordedAt: new Date(0).toISOString(), quick: true, machine: null, ratios: {} };
}

/**
 * A new baseline from a run. Entries of suites that did not produce a value this time (skipped,
 * or not selected) are kept, so recording one suite does not erase the others; entries a
 * completed suite no longer defines are dropped.
 */
export function baselineFromResults(results: BenchResults, previous: Baseline = emptyBaseline()): Baseline {
  const ratios: Record<string, BaselineEntry> = { ...previous.ratios };
  for (const suite of results.suites) {
    if (suite.status === "completed") {
      // A suite that ran completely defines the whole set of its ratios: drop the ones it no longer has.
      const defined = new Set(
        suite.ratios.filter((ratio) => ratio.gated !== false).map((ratio) => ratioKey(suite.suite, ratio.id)),
      );
      for (const key of Object.keys(ratios)) {
        if (key.startsWith(`${suite.suite}/`) && !defined.has(key)) delete ratios[key];
      }
    }
    for (const ratio of suite.ratios) {
      if (ratio.value === null || ratio.gated === false) continue;
      const key = ratioKey(suite.suite, ratio.id);
      const kept = previous.ratios[key];
      ratios[key] = {
        value: Number(ratio.value.toPrecision(4)),
        ...(kept?.tolerance === undefined ? {} : { tolerance: kept.tolerance }),
        ...(kept?.note === undefined ? {} : { note: kept.note }),
      };
    }
  }
  const sorted = Object.fromEntries(Object.entries(ratios).sort(([left], [right]) => left.localeCompare(right)));
  return {
    formatVersion: 1,
    recordedAt: results.machine.date,
    quick: results.quick,
    machine: results.machine,
    ratios: sorted,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Folds several runs into one whose ratios are the per-ratio medians (over the runs that gave a
 * value), so one disturbed run does not become the baseline. The last run supplies the rest.
 */
export function medianOfRuns(runs: readonly BenchResults[]): BenchResults {
  const last = runs.at(-1);
  if (!last) throw new Error("medianOfRuns needs at least one run");
  const values = new Map<string, number[]>();
  for (const run of runs) {
    for (const suite of run.suites) {
      for (const ratio of suite.ratios) {
        if (ratio.value === null) continue;
        const key = ratioKey(suite.suite, ratio.id);
        values.set(key, [...(values.get(key) ?? []), ratio.value]);
      }
    }
  }
  return {
    ...last,
    suites: last.suites.map((suite) => ({
      ...suite,
      ratios: suite.ratios.map((ratio) => {
        const seen = values.get(ratioKey(suite.suite, ratio.id));
        return seen ? { ...ratio, value: median(seen) } : ratio;
      }),
    })),
  };
}

export async function readBaseline(path: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return emptyBaseline();
    throw error;
  }
  const parsed = JSON.parse(text) as Partial<Baseline>;
  if (parsed.formatVersion !== 1 || typeof parsed.ratios !== "object" || parsed.ratios === null) {
    throw new BaselineFileError(`${path} is not a benchmark baseline (formatVersion 1 with ratios).`);
  }
  return parsed as Baseline;
}

export async function writeBaseline(path: string, baseline: Baseline): Promise<void> {
  await writeFile(path, `${JSON.stringify(baseline, null, 2)}\n`);
}
