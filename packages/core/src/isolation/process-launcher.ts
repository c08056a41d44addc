/**
 * Starts a sandbox in a child process: its own V8 with a heap limit, an empty environment (only what the context
 * grants), a fresh temporary working directory, no descriptors but the IPC channel and a stderr pipe, and — when
 * the host runs as root — the unprivileged `nobody` user, so a sandbox escape lands in an account that owns nothing.
 */
import { type ChildProcess, fork } from "node:child_process";
import { closeSync, openSync, writeSync } from "node:fs";
import { chown, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { awaitReady } from "./await-ready.js";
import { entryScriptPath } from "./entry-script.js";
import { interruptFileName } from "./interrupt-probe.js";
import { heapLimitMegabytes, type SandboxLaunchOptions } from "./launch-options.js";
import type { SandboxExit, SandboxPort } from "./sandbox-port.js";
import { StderrTail } from "./stderr-tail.js";

/** nobody / nogroup on Debian-style systems; also the overflow ids of the Linux kernel. */
const unprivilegedUserId = 65534;
const unprivilegedGroupId = 65534;

/** `entryScript` is replaceable for tests (fixtures that crash, hang or report their surroundings). */
export async function launchProcess(
  options: SandboxLaunchOptions,
  entryScript: string = entryScriptPath("child-entry.js"),
): Promise<SandboxPort> {
  const workingDirectory = await mkdtemp(join(tmpdir(), "dana-sandbox-"));
  const dropPrivileges = process.getuid?.() === 0;
  let child: ChildProcess;
  let interruptFile: number | null = null;
  try {
    if (dropPrivileges) await chown(workingDirectory, unprivilegedUserId, unprivilegedGroupId);
    // Owned by the host and read-only for the sandbox: it can read cancellations, never forge or hide them.
    interruptFile = openSync(join(workingDirectory, interruptFileName), "w", 0o644);
    writeSync(interruptFile, Buffer.alloc(4), 0, 4, 0);
    child = fork(entryScript, [], {
      execArgv: [`--max-old-space-size=${heapLimitMegabytes(options.heapLimitBytes)}`],
      env: { ...options.environment },
      cwd: workingDirectory,
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      serialization: "advanced",
      detached: false,
      ...(dropPrivileges ? { uid: unprivilegedUserId, gid: unprivilegedGroupId } : {}),
    });
  } catch (error) {
    if (interruptFile !== null) closeSync(interruptFile);
    await rm(workingDirectory, { recursive: true, force: true });
    throw error;
  }
  const started = awaitReady(new ProcessPort(child, workingDirectory, interruptFile), options.startTimeoutMs);
  if (!dropPrivileges) return started;
  return started.catch((error: unknown) => {
    if (error instanceof Error) {
      error.message +=
        " (the sandbox runs as the unprivileged user nobody because the host runs as root: Node, " +
        "@dana-gateway/core and @dana-gateway/lang must be readable by that user)";
    }
    throw error;
  });
}

class ProcessPort implements SandboxPort {
  readonly kind = "process";
  readonly sandboxId: number;
  private listener: (message: unknown) => void = () => {};
  private readonly exitListeners: ((exit: SandboxExit) => void)[] = [];
  private readonly stderr = new StderrTail();
  private exit: SandboxExit | null = null;
  private readonly exited: Promise<SandboxExit>;
  private interruptCount = 0;

  constructor(
    private readonly child: ChildProcess,
    workingDirectory: string,
    private readonly interruptFile: number,
  ) {
    this.sandboxId = child.pid ?? -1;
    child.on("message", (message) => this.listener(message));
    child.stderr?.on("data", (chunk: Buffer) => this.stderr.append(chunk));
    // A send on a channel the child already closed reports here; the exit that follows tells the story.
    child.on("error", (error) => this.stderr.append(`\n${error.message}`));
    this.exited = new Promise((resolve) => {
      // 'close' (not 'exit') so that stderr has been read to the end before the cause is judged.
      child.once("close", (exitCode: number | null, signal: NodeJS.Signals | null) => {
        const exit: SandboxExit = {
          exitCode,
          signal,
          outOfMemory: this.stderr.reportsOutOfMemory(),
          detail: this.stderr.toString(),
        };
        this.exit = exit;
        closeSync(interruptFile);
        rm(workingDirectory, { recursive: true, force: true }).then(
          () => {},
          () => {},
        );
        for (const listener of this.exitListeners.splice(0)) listener(exit);
        resolve(exit);
      });
    });
  }

  get alive(): boolean {
    return this.exit === null;
  }

  keepAlive(keep: boolean): void {
    if (this.exit !== null) return;
    // The process handle, its IPC channel and the stderr pipe each hold the event loop on their own.
    const handles = [this.child, this.child.channel, this.child.stderr] as (
      | { ref?(): void; unref?(): void }
      | null
      | undefined
    )[];
    for (const handle of handles) {
      if (keep) handle?.ref?.();
      else handle?.unref?.();
    }
  }

  interrupt(): void {
    if (this.exit !== null) return;
    const counter = Buffer.alloc(4);
    counter.writeInt32LE(++this.interruptCount, 0);
    writeSync(this.interruptFile, counter, 0, 4, 0);
  }

  post(message: unknown): void {
    // The advanced serialisation copies buffers across the pipe; there is nothing to transfer between processes.
    if (this.child.connected) this.child.send(message as object);
  }

  setMessageListener(listener: (message: unknown) => void): void {
    this.listener = listener;
  }

  onExit(listener: (exit: SandboxExit) => void): void {
    if (this.exit !== null) listener(this.exit);
    else this.exitListeners.push(listener);
  }

  async terminate(): Promise<SandboxExit> {
    if (this.exit === null) {
      // Someone is waiting for this end: hold the event loop until it comes.
      this.keepAlive(true);
      this.child.kill("SIGKILL");
    }
    return this.exited;
  }
}
