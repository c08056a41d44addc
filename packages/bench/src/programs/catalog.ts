/**
 * The Dana program suite's workloads. Each lives in `packages/bench/programs/` as NAME.na (Dana),
 * NAME.py (CPython, same algorithm) and NAME.js (plain JS, same algorithm); every version prints
 * the same answer, which the suite checks before timing anything.
 */
export interface ProgramWorkload {
  name: string;
  description: string;
  /** What every implementation prints. */
  expectedOutput: string;
  /** "run" times the whole algorithm; "parse" times parsing (and resolving) the program's source. */
  kind: "run" | "parse";
  /**
   * Collect garbage before each JS sample: a million-element array left by one sample would
   * otherwise be collected inside the next one. Not the default, a full collection costs ~2 ms.
   */
  allocatesHeavily?: boolean;
}

export const programWorkloads: readonly ProgramWorkload[] = [
  { name: "fib", description: "fib(27), recursive", expectedOutput: "196418", kind: "run" },
  { name: "while_sum", description: "a 3,000,000-iteration while sum", expectedOutput: "4499998500000", kind: "run" },
  {
    name: "list_sum",
    description: "append 1,000,000 ints to a list, then sum",
    expectedOutput: "499999500000",
    kind: "run",
    allocatesHeavily: true,
  },
  { name: "string_concat", description: '100,000 × s = s + "x", then len', expectedOutput: "100000", kind: "run" },
  {
    name: "structs",
    description: "create 1,000,000 structs, read a field",
    expectedOutput: "499999500000",
    kind: "run",
  },
  {
    name: "large_program",
    description: "parse + resolve a 1,000-line program",
    expectedOutput: "3144",
    kind: "parse",
  },
];

export const languages = {
  dana: { extension: "na", label: "Dana" },
  python: { extension: "py", label: "CPython" },
  javascript: { extension: "js", label: "plain JS" },
} as const;

export type Language = keyof typeof languages;

export function programTaskName(workload: ProgramWorkload, language: Language): string {
  return `${workload.name} (${languages[language].label})`;
}
