import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import vm from "node:vm";
import { programsDirectory } from "../harness/paths.js";
import type { ProgramWorkload } from "./catalog.js";
import { largeProgramFiles } from "./large-program.js";

/** A JS workload ready to time in this process: `check` returns what the program prints. */
export interface JavaScriptWorkload {
  fn: () => unknown;
  check: () => Promise<string>;
}

export async function loadJavaScriptWorkload(workload: ProgramWorkload): Promise<JavaScriptWorkload> {
  if (workload.kind === "parse") {
    const path = `${programsDirectory}${largeProgramFiles.javascript}`;
    const source = await readFile(path, "utf8");
    let compilation = 0;
    return {
      // V8 keeps a compilation cache keyed by source text: a unique trailing comment makes each
      // sample a real (lazy) compile instead of a cache hit.
      fn: () => new vm.Script(`${source}\n// compilation ${compilation++}`, { filename: path }),
      check: async () => {
        const printed: string[] = [];
        const console = { log: (text: unknown) => printed.push(String(text)) };
        vm.runInNewContext(source, { console }, { filename: path });
        return printed.join("\n");
      },
    };
  }
  const module = (await import(pathToFileURL(`${programsDirectory}${workload.name}.js`).href)) as {
    main: () => unknown;
  };
  return { fn: () => module.main(), check: async () => String(module.main()) };
}
