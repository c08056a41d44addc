import { readFile, writeFile } from "node:fs/promises";
import type { BenchResults } from "./types.js";

export class ResultsFileError extends Error {
  override readonly name = "ResultsFileError";
}

export async function writeResults(path: string, results: BenchResults): Promise<void> {
  await writeFile(path, `${JSON.stringify(results, null, 2)}\n`);
}

export async function readResults(path: string): Promise<BenchResults> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new ResultsFileError(`Cannot read ${path}; run \`npm run bench\` first to produce it.`, { cause: error });
  }
  const parsed = JSON.parse(text) as Partial<BenchResults>;
  if (parsed.formatVersion !== 1 || !Array.isArray(parsed.suites) || !parsed.machine) {
    throw new ResultsFileError(`${path} is not a bench results file (formatVersion 1 with machine and suites).`);
  }
  return parsed as BenchResults;
}
