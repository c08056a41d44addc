/**
 * The long fuzz campaign: `npm run fuzz -- --runs 1000000 [--seed 42] [--chunk 10000]`.
 *
 * Runs the quick pass's property (test/fuzz) for as many inputs as asked, in chunks with their own seeds, so one
 * failure does not end the campaign: the shrunk failing input is saved as a regression case (replayed by every
 * quick pass) and the next chunk starts. Prints one progress line per chunk and a JSON summary at the end; exits
 * 1 if anything failed.
 */
import fc from "fast-check";
import { fuzzInput } from "../test/fuzz/fuzz-input.js";
import { FuzzFailure, type FuzzOutcome, runFuzzInput } from "../test/fuzz/outcome.js";
import { saveRegression } from "../test/fuzz/regressions.js";

interface CampaignOptions {
  readonly runs: number;
  readonly seed: number;
  readonly chunk: number;
}

function parseOptions(argv: readonly string[]): CampaignOptions {
  const options = { runs: 10_000, seed: Date.now() % 2 ** 31, chunk: 10_000 };
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index];
    const value = Number(argv[index + 1]);
    if (flag !== "--runs" && flag !== "--seed" && flag !== "--chunk") {
      throw new Error(`unknown option ${flag}; usage: campaign.ts --runs N [--seed S] [--chunk C]`);
    }
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${flag} needs a non-negative integer`);
    options[flag.slice(2) as keyof CampaignOptions] = value;
    index += 1;
  }
  return { ...options, chunk: Math.max(1, options.chunk) };
}

function outcomeKey(outcome: FuzzOutcome): string {
  return outcome.kind === "dana-error" ? outcome.danaType : outcome.kind;
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  const started = performance.now();
  const outcomes = new Map<string, number>();
  const failures: { chunkSeed: number; message: string; saved: string }[] = [];
  let done = 0;
  for (let chunkIndex = 0; done < options.runs; chunkIndex += 1) {
    const numRuns = Math.min(options.chunk, options.runs - done);
    const chunkSeed = (options.seed + chunkIndex) | 0;
    const property = fc.property(fuzzInput, (input) => {
      const outcome = runFuzzInput(input);
      outcomes.set(outcomeKey(outcome), (outcomes.get(outcomeKey(outcome)) ?? 0) + 1);
    });
    const details = fc.check(property, { numRuns, seed: chunkSeed });
    if (details.failed && details.counterexample !== null) {
      const [input] = details.counterexample;
      const message =
        details.errorInstance instanceof FuzzFailure ? details.errorInstance.message : String(details.errorInstance);
      const saved = saveRegression(input);
      failures.push({ chunkSeed, message, saved });
      console.error(`FAILURE (seed ${chunkSeed}): ${message} -> saved test/fuzz/regressions/${saved}`);
    }
    // A failed chunk stops at its first failure; count what it ran (its shrinking runs are not new inputs).
    done += details.failed ? details.numRuns : numRuns;
    const seconds = (performance.now() - started) / 1000;
    console.log(`${done}/${options.runs} inputs, ${failures.length} failures, ${seconds.toFixed(0)} s`);
  }
  const summary = {
    inputs: done,
    seed: options.seed,
    durationSeconds: Math.round((performance.now() - started) / 1000),
    failures,
    outcomes: Object.fromEntries([...outcomes].sort((left, right) => right[1] - left[1])),
  };
  console.log(JSON.stringify(summary, null, 2));
  process.exitCode = failures.length === 0 ? 0 : 1;
}

main();
