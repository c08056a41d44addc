import type { BenchmarkTask } from "../harness/measure.js";

/** A baseline that owns resources (a worker, a child process, a QuickJS context) for the duration of a suite. */
export interface Peer {
  tasks: BenchmarkTask[];
  close(): Promise<void>;
}

/** The message a gateway call would send: small, like most real calls. */
export function callMessage(id: number): { id: number; name: string; args: number[] } {
  return { id, name: "add", args: [1, 2] };
}

/** Task names shared by every suite that measures against the peers, so ratios read the same everywhere. */
export const peerTaskNames = {
  plainCall: "plain JS call",
  quickjsCall: "quickjs-emscripten call",
  workerRoundTrip: "worker postMessage round trip",
  workerPipelined: "worker postMessage, 100 in flight (per message)",
  childAdvancedRoundTrip: "child IPC round trip (advanced)",
  childJsonRoundTrip: "child IPC round trip (json)",
  cloneOptions: "structuredClone of an options object",
  cloneIntegers: "structuredClone of 1,000 ints",
} as const;

/** Opens peers one by one and closes the ones already open when a later one fails. */
export async function openPeers(openers: ReadonlyArray<() => Promise<Peer>>): Promise<Peer> {
  const opened: Peer[] = [];
  const close = async () => {
    for (const peer of opened.reverse()) await peer.close();
  };
  try {
    for (const open of openers) opened.push(await open());
  } catch (error) {
    await close();
    throw error;
  }
  return { tasks: opened.flatMap((peer) => peer.tasks), close };
}
