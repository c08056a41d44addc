/**
 * `node dist/cli.js <command>`:
 *   run [--quick] [--suite NAME]... [--output FILE]      run suites, print a table, write bench-results.json
 *   report [--results FILE] [--output FILE]              render bench-report.html
 *   gate [--quick] [--results FILE] [--suite NAME]...    compare with baseline.json; exit 1 on a regression
 *   baseline --write [--quick] [--runs N]                record the per-ratio medians of N runs as the baseline
 *   list                                                 list the suites
 *   generate-programs                                    rewrite programs/large_program.{na,py,js}
 */

import { lastValue, type ParsedArguments, parseArguments, UsageError } from "./commands/arguments.js";
import { baselineCommand } from "./commands/baseline.js";
import { gateCommand } from "./commands/gate.js";
import { generateProgramsCommand } from "./commands/generate-programs.js";
import { reportCommand } from "./commands/report.js";
import { runCommand } from "./commands/run.js";
import { defaultBaselinePath, defaultReportPath, defaultResultsPath } from "./harness/paths.js";
import { suiteNames } from "./harness/registry.js";

const usage = `usage: node dist/cli.js <run|report|gate|baseline|list|generate-programs> [options]
  run [--quick] [--suite NAME]... [--output FILE]
  report [--results FILE] [--baseline FILE] [--output FILE]
  gate [--quick] [--suite NAME]... [--results FILE] [--baseline FILE] [--tolerance 0.35]
  baseline --write [--quick] [--runs N] [--suite NAME]... [--results FILE]... [--baseline FILE]
  list
  generate-programs`;

function tolerance(parsed: ParsedArguments): number | undefined {
  const text = lastValue(parsed, "--tolerance");
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0)
    throw new UsageError(`--tolerance must be a non-negative fraction, got "${text}"`);
  return value;
}

function positiveInteger(text: string, option: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new UsageError(`${option} must be a positive integer, got "${text}"`);
  return value;
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArguments(argv);
  const quick = parsed.flags.has("--quick");
  const suites = parsed.values.get("--suite") ?? [];
  const baselinePath = lastValue(parsed, "--baseline") ?? defaultBaselinePath;
  const resultsPath = lastValue(parsed, "--results");
  switch (parsed.command) {
    case "run":
      return runCommand({ quick, suites, outputPath: lastValue(parsed, "--output") ?? defaultResultsPath });
    case "report":
      return reportCommand({
        resultsPath: resultsPath ?? defaultResultsPath,
        baselinePath,
        outputPath: lastValue(parsed, "--output") ?? defaultReportPath,
      });
    case "gate": {
      const defaultTolerance = tolerance(parsed);
      return gateCommand({
        quick,
        suites,
        baselinePath,
        ...(resultsPath === undefined ? {} : { resultsPath }),
        outputPath: lastValue(parsed, "--output") ?? defaultResultsPath,
        ...(defaultTolerance === undefined ? {} : { defaultTolerance }),
      });
    }
    case "baseline":
      return baselineCommand({
        write: parsed.flags.has("--write"),
        quick,
        suites,
        baselinePath,
        resultsPaths: parsed.values.get("--results") ?? [],
        runs: positiveInteger(lastValue(parsed, "--runs") ?? "1", "--runs"),
        outputPath: lastValue(parsed, "--output") ?? defaultResultsPath,
      });
    case "generate-programs":
      return generateProgramsCommand();
    case "list":
      process.stdout.write(`${suiteNames.join("\n")}\n`);
      return 0;
    default:
      throw new UsageError(parsed.command ? `unknown command "${parsed.command}"` : "missing command");
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n${usage}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  }
}
