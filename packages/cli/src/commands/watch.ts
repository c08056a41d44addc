import { type FSWatcher, watch } from "node:fs";
import path from "node:path";
import { type CommandIo, type RunOptions, runCommand } from "./run.js";

export interface WatchHandle {
  /** Resolves when watching stops (signal aborted). */
  readonly done: Promise<void>;
}

/**
 * `dana run --watch`: runs the program, then again whenever it or any module it loaded changes. A run
 * that fails (a syntax error in the edit included) is reported and watching goes on, so fixing the file
 * is enough to see the next run.
 */
export async function watchCommand(
  file: string,
  options: RunOptions,
  io: CommandIo,
  signal: AbortSignal,
  debounceMs = 100,
): Promise<number> {
  const watchers = new Map<string, FSWatcher>();
  let pending: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const watchFile = (target: string) => {
    const absolute = path.resolve(target);
    if (watchers.has(absolute) || signal.aborted) return;
    try {
      watchers.set(
        absolute,
        watch(absolute, { persistent: true }, () => schedule(absolute)),
      );
    } catch {
      // A file that vanished between loading and watching: the next run reports it.
    }
  };
  const runOnce = async (reason: string | null) => {
    if (reason) io.stderr(`\n[watch] ${path.relative(process.cwd(), reason) || reason} changed — running again\n`);
    const code = await runCommand(file, { ...options, onModuleLoaded: watchFile }, io);
    io.stderr(`[watch] exited with code ${code}; waiting for changes (Ctrl-C to stop)\n`);
  };
  const schedule = (changed: string) => {
    clearTimeout(pending);
    // Editors write files in several steps; wait for them to settle, then run after the previous run ends.
    pending = setTimeout(() => {
      running = running.then(() => runOnce(changed));
    }, debounceMs);
  };

  watchFile(file);
  running = runOnce(null);
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener("abort", () => resolve(), { once: true });
  });
  clearTimeout(pending);
  for (const watcher of watchers.values()) watcher.close();
  await running;
  return 0;
}
