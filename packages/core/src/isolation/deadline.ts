/**
 * Monotonic deadlines for the isolation layer.
 *
 * `setTimeout` silently fires at once for delays beyond a signed 32-bit millisecond count, which would turn a
 * long `timeoutMs` into an immediate kill; long waits are therefore split into supported intervals.
 */

/** The largest delay `setTimeout` honours. */
const maximumTimerDelayMs = 0x7fffffff;

export interface DeadlineTimer {
  cancel(): void;
}

/** Calls `expired` once, `delayMs` from now, unless cancelled. Never keeps the process alive on its own. */
export function startDeadline(delayMs: number, expired: () => void): DeadlineTimer {
  const deadline = performance.now() + delayMs;
  let timer: ReturnType<typeof setTimeout>;
  const tick = () => {
    const remaining = deadline - performance.now();
    if (remaining <= 0) expired();
    else arm(remaining);
  };
  const arm = (remaining: number) => {
    timer = setTimeout(tick, Math.min(remaining, maximumTimerDelayMs));
    timer.unref?.();
  };
  arm(delayMs);
  return { cancel: () => clearTimeout(timer) };
}

/** Rejects a negative, NaN or infinite duration instead of silently disabling the wait it bounds. */
export function checkDuration(value: number | undefined, name: string): number | undefined {
  if (value !== undefined && (!Number.isFinite(value) || value < 0)) {
    throw new TypeError(`${name} must be a finite number of milliseconds >= 0, got ${String(value)}`);
  }
  return value;
}

/** Rejects a count that is not a whole number at least `minimum`. */
export function checkCount(value: number, name: string, minimum: number): number {
  if (!Number.isSafeInteger(value) || value < minimum) {
    throw new TypeError(`${name} must be a whole number >= ${minimum}, got ${String(value)}`);
  }
  return value;
}
