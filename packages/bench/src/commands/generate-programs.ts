import { writeFile } from "node:fs/promises";
import { programsDirectory } from "../harness/paths.js";
import { generateLargeProgram, largeProgramFiles, type ProgramLanguage } from "../programs/large-program.js";

/** `bench generate-programs`: rewrites the generated parse workload in all three languages. */
export async function generateProgramsCommand(): Promise<number> {
  for (const language of Object.keys(largeProgramFiles) as ProgramLanguage[]) {
    const path = `${programsDirectory}${largeProgramFiles[language]}`;
    await writeFile(path, generateLargeProgram(language));
    process.stdout.write(`wrote ${path}\n`);
  }
  return 0;
}
