import { writeFile } from "node:fs/promises";
import { readBaseline } from "../gate/baseline.js";
import { readResults } from "../harness/results-file.js";
import { renderHtmlReport } from "../report/html.js";

export interface ReportCommandOptions {
  resultsPath: string;
  baselinePath: string;
  outputPath: string;
}

/** `bench report`: turns `bench-results.json` into `bench-report.html`. */
export async function reportCommand(options: ReportCommandOptions): Promise<number> {
  const results = await readResults(options.resultsPath);
  const baseline = await readBaseline(options.baselinePath);
  await writeFile(options.outputPath, renderHtmlReport(results, baseline));
  process.stdout.write(`Report written to ${options.outputPath}\n`);
  return 0;
}
