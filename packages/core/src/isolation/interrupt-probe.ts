/**
 * Cancelling a sandbox that is busy in synchronous Dana code.
 *
 * A worker thread or child process running a pure loop never returns to its event loop, so it cannot read the
 * host's `cancel` notice until the loop ends by itself. The interpreter does read its clock every few thousand
 * steps, though; the entry scripts hook that read to look at a counter the host increments when it cancels:
 * shared memory for a worker, a 4-byte file in the sandbox's working directory for a child process (read with
 * `pread`, at most every few milliseconds, so the pure-computation path stays a memory read).
 *
 * Each host cancellation increments the counter once *and* sends one `cancel` notice; whichever the sandbox sees
 * first cancels the running program, and the other is then ignored, so one cancellation never leaks into a later
 * request.
 */
import { openSync, readSync } from "node:fs";

export const interruptFileName = ".dana-interrupt";

/** How often a child process re-reads its interrupt file while computing. */
const fileProbeIntervalMs = 5;

export interface InterruptProbe {
  /** True once per new host cancellation (from the clock hook, while busy). */
  poll(): boolean;
  /** A `cancel` notice arrived: true when it is news (forward it), false when `poll` already acted on it. */
  acknowledge(): boolean;
}

abstract class CountingProbe implements InterruptProbe {
  /** Host cancellations acted on so far (by either path). */
  private handled = 0;
  /** `cancel` notices received so far; notice k pairs with the k-th increment. */
  private notices = 0;

  protected abstract requested(): number;

  poll(): boolean {
    const requested = this.requested();
    if (requested === this.handled) return false;
    this.handled = requested;
    return true;
  }

  acknowledge(): boolean {
    this.notices++;
    if (this.notices <= this.handled) return false;
    this.handled = Math.max(this.notices, this.requested());
    return true;
  }
}

/** Worker threads: an Int32Array over a SharedArrayBuffer the host increments with `Atomics.add`. */
export class SharedMemoryProbe extends CountingProbe {
  private readonly counter: Int32Array;
  constructor(buffer: SharedArrayBuffer) {
    super();
    this.counter = new Int32Array(buffer);
  }
  protected requested(): number {
    return Atomics.load(this.counter, 0);
  }
}

/** Child processes: a file the host rewrites; read with a positioned read (no seek, never blocks). */
export class FileProbe extends CountingProbe {
  private readonly descriptor: number;
  private readonly buffer = Buffer.alloc(4);
  private lastRead = -Infinity;
  private lastValue = 0;

  constructor(path: string) {
    super();
    this.descriptor = openSync(path, "r");
  }

  protected requested(): number {
    const now = performance.now();
    if (now - this.lastRead >= fileProbeIntervalMs) {
      this.lastRead = now;
      if (readSync(this.descriptor, this.buffer, 0, 4, 0) === 4) this.lastValue = this.buffer.readInt32LE(0);
    }
    return this.lastValue;
  }
}
