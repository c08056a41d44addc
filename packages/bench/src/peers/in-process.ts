import { repeatSync } from "../harness/measure.js";
import { type Peer, peerTaskNames } from "./peer.js";

function add(left: number, right: number): number {
  return left + right;
}

/** The floor every call is compared with: an ordinary JS function call, batched so the clock does not dominate. */
export async function openPlainCallPeer(): Promise<Peer> {
  let counter = 0;
  return {
    tasks: [{ name: peerTaskNames.plainCall, fn: repeatSync(() => add(counter++, 2), 10_000) }],
    close: async () => {},
  };
}

/** A typical call-options object: what a host passes alongside a call. */
export const optionsObject = {
  timeoutMs: 5_000,
  isolation: "worker",
  retries: { count: 2, backoffMs: 100 },
  tags: ["bench", "gateway"],
  trace: false,
};

export const thousandIntegers = Array.from({ length: 1_000 }, (_, index) => index * 7);

/** Conversion is compared with `structuredClone`, the copy every worker message pays anyway. */
export async function openStructuredClonePeer(): Promise<Peer> {
  return {
    tasks: [
      { name: peerTaskNames.cloneOptions, fn: repeatSync(() => structuredClone(optionsObject), 100) },
      { name: peerTaskNames.cloneIntegers, fn: repeatSync(() => structuredClone(thousandIntegers), 20) },
    ],
    close: async () => {},
  };
}
