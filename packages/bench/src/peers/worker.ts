import { once } from "node:events";
import { Worker } from "node:worker_threads";
import { type Peer, peerTaskNames } from "./peer.js";
import { createExchange, pipelinedRoundTripTask, singleRoundTripTask } from "./round-trip.js";

export const echoWorkerUrl = new URL("./echo-worker.js", import.meta.url);

/** The raw cost the worker isolation mode builds on: `postMessage` there and back, nothing else. */
export async function openWorkerPeer(): Promise<Peer> {
  const worker = new Worker(echoWorkerUrl);
  await once(worker, "online");
  const exchange = createExchange({
    post: (message) => worker.postMessage(message),
    onReply: (listener) => worker.on("message", listener),
  });
  await exchange(1);
  return {
    tasks: [
      singleRoundTripTask(peerTaskNames.workerRoundTrip, exchange),
      pipelinedRoundTripTask(peerTaskNames.workerPipelined, exchange, 100),
    ],
    close: async () => {
      await worker.terminate();
    },
  };
}
