import { importOptional, isFunction } from "./optional-import.js";

/**
 * The slice of `@dana-gateway/lang` the program suite uses, as agreed for issue 8:
 *   const interpreter = new Interpreter({ host: { writeStdout(text) { ... } } });
 *   const result = await interpreter.evaluate(source, { file: "fib.na" });
 *   const { program, diagnostics } = parse(source, { file });
 * The parse workload times the resolver too: `resolve(program)` when the package exports one,
 * otherwise `check(source, { file })`, which parses and runs the name-binding lint pass.
 */
export interface DanaEngine {
  /** Runs a whole program in a fresh interpreter and returns what it printed. */
  run(source: string, file: string): Promise<string>;
  /** Parses (and resolves, when available) and returns the number of error diagnostics. */
  parseAndResolve(source: string, file: string): number;
  /** Whether `parseAndResolve` includes the resolver, so the report can say what was timed. */
  resolves: boolean;
}

/** `DANA_BENCH_LANG_MODULE` substitutes another build with the same API (see coreSpecifier in core.ts). */
export const langSpecifier = process.env.DANA_BENCH_LANG_MODULE ?? "@dana-gateway/lang";

interface Diagnostic {
  severity?: string;
}

type InterpreterClass = new (options: {
  host: { writeStdout(text: string): void };
}) => {
  evaluate(source: string, options: { file: string }): unknown;
};

function errorCount(diagnostics: unknown): number {
  if (!Array.isArray(diagnostics)) return 0;
  return (diagnostics as Diagnostic[]).filter((diagnostic) => (diagnostic.severity ?? "error") === "error").length;
}

export async function loadDana(): Promise<DanaEngine | string> {
  const module = await importOptional(langSpecifier);
  if (typeof module === "string") return module;
  const missing = ["Interpreter", "parse"].filter((name) => !isFunction(module[name]));
  if (missing.length > 0) return `${langSpecifier} has no runProgram yet: it does not export ${missing.join(" or ")}`;
  const Interpreter = module.Interpreter as unknown as InterpreterClass;
  const parse = module.parse as (
    source: string,
    options: { file: string },
  ) => { program: unknown; diagnostics: unknown };
  const resolve = isFunction(module.resolve) ? (module.resolve as (program: unknown) => unknown) : undefined;
  const check = isFunction(module.check)
    ? (module.check as (source: string, options: { file: string }) => unknown)
    : undefined;
  return {
    resolves: resolve !== undefined || check !== undefined,
    async run(source, file) {
      const printed: string[] = [];
      const interpreter = new Interpreter({ host: { writeStdout: (text) => printed.push(text) } });
      await interpreter.evaluate(source, { file });
      return printed.join("");
    },
    parseAndResolve(source, file) {
      if (!resolve && check) return errorCount(check(source, { file }));
      const { program, diagnostics } = parse(source, { file });
      let errors = errorCount(diagnostics);
      if (resolve) {
        const resolved = resolve(program) as { diagnostics?: unknown } | unknown[] | undefined;
        errors += errorCount(Array.isArray(resolved) ? resolved : (resolved as { diagnostics?: unknown })?.diagnostics);
      }
      return errors;
    },
  };
}
