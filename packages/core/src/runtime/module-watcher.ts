/**
 * Watch mode: re-import modules whose files change. One `fs.watch` per module file read by the context;
 * changes are batched briefly because editors write a file in several steps.
 */
import { type FSWatcher, statSync, watch } from "node:fs";

const settleMs = 25;

export class ModuleWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly changed = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly onChange: (files: readonly string[]) => void) {}

  /** `modifiedAtRead` is the file's mtime when the import read it: a change before the watch started counts. */
  watch(file: string, modifiedAtRead: number | null): void {
    if (this.watchers.has(file)) return;
    try {
      const watcher = watch(file, { persistent: false }, () => this.schedule(file));
      watcher.on("error", () => this.unwatch(file));
      this.watchers.set(file, watcher);
      if (modifiedAtRead !== null && modifiedTime(file) !== modifiedAtRead) this.schedule(file);
    } catch {
      // A file that vanished between read and watch: the next import reads it again anyway.
    }
  }

  private unwatch(file: string): void {
    this.watchers.get(file)?.close();
    this.watchers.delete(file);
  }

  private schedule(file: string): void {
    this.changed.add(file);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const files = [...this.changed];
      this.changed.clear();
      // Editors often replace the file (new inode): watch the new one from the next import on.
      for (const changedFile of files) this.unwatch(changedFile);
      this.onChange(files);
    }, settleMs);
    this.timer.unref?.();
  }

  close(): void {
    clearTimeout(this.timer);
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }
}

function modifiedTime(file: string): number | null {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
}
