import { measureSettings, measureTasks } from "../harness/measure.js";
import { buildSuiteResult } from "../harness/suite-result.js";
import type { RatioDefinition, SuiteDefinition } from "../harness/types.js";
import { openChildProcessPeer } from "../peers/child-process.js";
import { openPlainCallPeer, openStructuredClonePeer } from "../peers/in-process.js";
import { openPeers, peerTaskNames } from "../peers/peer.js";
import { openQuickJsPeer } from "../peers/quickjs.js";
import { openWorkerPeer } from "../peers/worker.js";

const name = "peers";
const description =
  "The baselines on their own: a plain JS call, a quickjs-emscripten call, raw worker and child-process round trips, structuredClone.";

/**
 * These ratios describe the platform, not our code; the gated ones are there so that a Node or
 * quickjs-emscripten upgrade that moves the floor is noticed before it is mistaken for a gateway
 * change. A cross-thread round trip depends on the machine's state (about 70 µs when the other
 * core is idle and must wake, about 16 µs when it is busy), while in-thread work does not, so the
 * ratios that compare the two are reported but not gated. The gateway suites gate the gateway
 * against the same transport, where both sides see the same wake-ups.
 */
const ratios: RatioDefinition[] = [
  {
    id: "quickjs-over-plain",
    numerator: peerTaskNames.quickjsCall,
    denominator: peerTaskNames.plainCall,
    tolerance: 0.5,
  },
  {
    id: "worker-over-quickjs",
    numerator: peerTaskNames.workerRoundTrip,
    denominator: peerTaskNames.quickjsCall,
    gated: false,
  },
  {
    id: "worker-pipelined-over-single",
    numerator: peerTaskNames.workerPipelined,
    denominator: peerTaskNames.workerRoundTrip,
    gated: false,
  },
  {
    id: "child-advanced-over-worker",
    numerator: peerTaskNames.childAdvancedRoundTrip,
    denominator: peerTaskNames.workerRoundTrip,
    tolerance: 1,
  },
  {
    id: "child-json-over-advanced",
    numerator: peerTaskNames.childJsonRoundTrip,
    denominator: peerTaskNames.childAdvancedRoundTrip,
    tolerance: 1,
  },
  {
    id: "clone-integers-over-options",
    numerator: peerTaskNames.cloneIntegers,
    denominator: peerTaskNames.cloneOptions,
    tolerance: 0.5,
  },
];

export const suite: SuiteDefinition = {
  name,
  description,
  available: async () => true,
  async run({ quick }) {
    const startedAt = performance.now();
    const peers = await openPeers([
      openPlainCallPeer,
      openQuickJsPeer,
      openWorkerPeer,
      openChildProcessPeer,
      openStructuredClonePeer,
    ]);
    try {
      const tasks = await measureTasks(peers.tasks, measureSettings(quick));
      return buildSuiteResult({ suite: name, description, tasks, ratios, startedAt });
    } finally {
      await peers.close();
    }
  },
};
