import type { BatchTiming, BenchmarkTask } from "../harness/measure.js";
import { callMessage } from "./peer.js";

/** Either end of a message channel that echoes: a worker or a forked child. */
export interface EchoChannel {
  post(message: unknown): void;
  onReply(listener: () => void): void;
}

/**
 * Sends `count` call-sized messages and resolves when all replies are back. Only one exchange
 * is ever outstanding because tinybench runs iterations one after another.
 */
export function createExchange(channel: EchoChannel): (count: number) => Promise<void> {
  let remaining = 0;
  let settle: (() => void) | undefined;
  let nextId = 0;
  channel.onReply(() => {
    remaining--;
    if (remaining === 0) settle?.();
  });
  return (count) =>
    new Promise<void>((resolve) => {
      remaining = count;
      settle = resolve;
      for (let index = 0; index < count; index++) channel.post(callMessage(nextId++));
    });
}

export function singleRoundTripTask(name: string, exchange: (count: number) => Promise<void>): BenchmarkTask {
  return { name, fn: () => exchange(1), async: true };
}

/** Per-message cost with `inFlight` messages outstanding: what a batching caller pays. */
export function pipelinedRoundTripTask(
  name: string,
  exchange: (count: number) => Promise<void>,
  inFlight: number,
): BenchmarkTask {
  return {
    name,
    async: true,
    fn: async (): Promise<BatchTiming> => {
      const start = performance.now();
      await exchange(inFlight);
      const elapsed = performance.now() - start;
      return { overriddenDuration: elapsed / inFlight, overriddenIterationCost: elapsed };
    },
  };
}
