/**
 * Worker and child-process sandboxes for one `DanaRuntime`: warm pools (one per distinct launch configuration,
 * since a heap limit or an environment is fixed when a sandbox starts) and the `SandboxBackendFactory` the gateway
 * calls in `createContext`.
 */
import { defaultLimits } from "@dana-gateway/lang";
import { DanaCrashedError } from "../errors/classes.js";
import { DanaError } from "../errors/dana-error.js";
import type { SandboxBackend, SandboxBackendEvents, SandboxBackendFactory } from "../protocol/backend.js";
import type { SandboxInit } from "../protocol/messages.js";
import { checkCount, checkDuration } from "./deadline.js";
import { IsolatedBackend } from "./isolated-backend.js";
import { defaultStartTimeoutMs, launchKey, type SandboxLaunchOptions } from "./launch-options.js";
import { launchProcess } from "./process-launcher.js";
import { SandboxPool, type SandboxPoolOptions } from "./sandbox-pool.js";
import type { SandboxPort } from "./sandbox-port.js";
import { launchWorker } from "./worker-launcher.js";

export type IsolatedMode = "worker" | "process";

export interface IsolationOptions {
  /** Warm pool sizes and acquire timeout, per launch configuration. */
  readonly pool?: SandboxPoolOptions;
  /** Added to `timeoutMs` before the host watchdog terminates a sandbox that stopped answering. Default 250 ms. */
  readonly watchdogGraceMs?: number;
  /** How long a cancelled call may take to stop before its sandbox is terminated. Default 500 ms. */
  readonly cancelGraceMs?: number;
  /** Longest start of one sandbox (loading the interpreter). Default 10 000 ms. */
  readonly startTimeoutMs?: number;
  /** Requests in flight per sandbox before further ones queue on the host. Default 1024. */
  readonly maxInFlight?: number;
  /** The only environment variables sandboxes see; the host's own environment is never passed. Default none. */
  readonly environment?: Readonly<Record<string, string>>;
  /**
   * Distinct configurations (mode and heap limit) kept warm at once. Using another one closes the idle sandboxes
   * of the least recently used, so contexts with many different `maxMemoryBytes` do not pile up idle sandboxes.
   * Default 4.
   */
  readonly maxWarmConfigurations?: number;
}

/** What a context asks of its sandbox; contexts asking the same share a warm pool. */
export interface SandboxRequirements {
  /** The interpreter's per-value budget; the sandbox heap is this plus `baselineHeapBytes`. */
  readonly maxMemoryBytes?: number;
}

/** Heap the interpreter, its compiled code and the protocol need beside the program's own values. */
export const baselineHeapBytes = 32 * 1024 * 1024;

export const defaultWatchdogGraceMs = 250;
export const defaultCancelGraceMs = 500;

export class IsolatedSandboxes {
  private readonly pools = new Map<string, SandboxPool<SandboxPort>>();
  private readonly watchdogGraceMs: number;
  private readonly cancelGraceMs: number;
  private readonly startTimeoutMs: number;
  private readonly maxInFlight: number;
  private readonly maxWarmConfigurations: number;
  private closed = false;

  constructor(private readonly options: IsolationOptions = {}) {
    this.watchdogGraceMs = checkDuration(options.watchdogGraceMs, "watchdogGraceMs") ?? defaultWatchdogGraceMs;
    this.cancelGraceMs = checkDuration(options.cancelGraceMs, "cancelGraceMs") ?? defaultCancelGraceMs;
    this.startTimeoutMs = checkDuration(options.startTimeoutMs, "startTimeoutMs") ?? defaultStartTimeoutMs;
    this.maxInFlight = checkCount(options.maxInFlight ?? 1024, "maxInFlight", 1);
    this.maxWarmConfigurations = checkCount(options.maxWarmConfigurations ?? 4, "maxWarmConfigurations", 1);
  }

  /** The factory `createContext` uses for worker or process contexts (the heap follows `maxMemoryBytes`). */
  backendFactory(mode: IsolatedMode): SandboxBackendFactory {
    return (init, events) => this.createBackend(mode, init, events);
  }

  /** Takes a warm sandbox for a context and initialises it; the sandbox is terminated when the backend ends. */
  async createBackend(mode: IsolatedMode, init: SandboxInit, events: SandboxBackendEvents): Promise<SandboxBackend> {
    const pool = this.pool(mode, { maxMemoryBytes: init.limits.maxMemoryBytes });
    const port = await pool.acquire();
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      void pool.release(port);
    };
    try {
      return IsolatedBackend.connect(port, init, events, {
        watchdogGraceMs: this.watchdogGraceMs,
        cancelGraceMs: this.cancelGraceMs,
        initTimeoutMs: this.startTimeoutMs,
        maxInFlight: this.maxInFlight,
        onEnded: release,
      });
    } catch (error) {
      release();
      throw error;
    }
  }

  /** Starts the pool for these requirements now and waits until its idle sandboxes are ready. */
  async prewarm(mode: IsolatedMode, requirements: SandboxRequirements = {}): Promise<void> {
    await this.pool(mode, requirements).warm();
  }

  /** Rejects further contexts and terminates idle sandboxes; sandboxes in use end with their contexts. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.pools.values()].map((pool) => pool.close()));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  private pool(mode: IsolatedMode, requirements: SandboxRequirements): SandboxPool<SandboxPort> {
    const launch: SandboxLaunchOptions = {
      heapLimitBytes: (requirements.maxMemoryBytes ?? defaultLimits.maxMemoryBytes) + baselineHeapBytes,
      environment: this.options.environment ?? {},
      startTimeoutMs: this.startTimeoutMs,
    };
    const key = launchKey(mode, launch);
    let pool = this.pools.get(key);
    if (pool !== undefined) {
      // Map order is use order: the first entry is the least recently used.
      this.pools.delete(key);
      this.pools.set(key, pool);
    } else {
      if (this.pools.size >= this.maxWarmConfigurations) {
        const [oldestKey, oldest] = this.pools.entries().next().value!;
        this.pools.delete(oldestKey);
        // Sandboxes it lent out stay with their contexts and are terminated when those end.
        void oldest.close();
      }
      const launchOne = mode === "worker" ? () => launchWorker(launch) : () => launchProcess(launch);
      const start = () => launchOne().catch((error: unknown) => Promise.reject(startFailure(mode, error)));
      pool = new SandboxPool(mode, start, this.options.pool);
      // A closed owner still hands out a pool, which rejects every acquire with its "closed" error.
      if (this.closed) void pool.close();
      this.pools.set(key, pool);
    }
    return pool;
  }
}

/** Whatever stopped a start (a missing build, no file descriptors left, a failed fork) reaches callers as a crash. */
function startFailure(mode: IsolatedMode, error: unknown): DanaError {
  if (DanaError.isInstance(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new DanaCrashedError(`the ${mode} sandbox could not start: ${message}`, {}, { cause: error });
}
