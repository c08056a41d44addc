/** What a sandbox is started with; fixed for its lifetime, so pools keep one warm set per distinct value. */
export interface SandboxLaunchOptions {
  /** V8 old-generation heap limit of the sandbox, in bytes. */
  readonly heapLimitBytes: number;
  /** The only environment variables the sandbox sees (the host's environment is never inherited). */
  readonly environment: Readonly<Record<string, string>>;
  /** How long loading the entry script may take before the start counts as failed. */
  readonly startTimeoutMs: number;
}

/** Below this V8 cannot even load the interpreter; smaller requests are raised to it. */
export const minimumHeapLimitBytes = 16 * 1024 * 1024;

export const defaultStartTimeoutMs = 10_000;

/** Whole megabytes for V8 flags, never below the floor the interpreter needs to load. */
export function heapLimitMegabytes(heapLimitBytes: number): number {
  return Math.max(Math.ceil(heapLimitBytes / (1024 * 1024)), minimumHeapLimitBytes / (1024 * 1024));
}

/** A stable key: two launch options with the same key start interchangeable sandboxes. */
export function launchKey(kind: string, options: SandboxLaunchOptions): string {
  const environment = Object.entries(options.environment).sort(([left], [right]) => (left < right ? -1 : 1));
  return JSON.stringify([kind, heapLimitMegabytes(options.heapLimitBytes), environment]);
}
