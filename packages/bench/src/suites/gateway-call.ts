import { coreAvailability, gatewayFunction, type IsolationMode, loadCore, openContext } from "../adapters/core.js";
import { type BenchmarkTask, measureSettings, measureTasks, repeatAsync } from "../harness/measure.js";
import { buildSuiteResult } from "../harness/suite-result.js";
import type { RatioDefinition, SuiteDefinition } from "../harness/types.js";
import { openChildProcessPeer } from "../peers/child-process.js";
import { openPlainCallPeer } from "../peers/in-process.js";
import { openPeers, type Peer, peerTaskNames } from "../peers/peer.js";
import { openQuickJsPeer } from "../peers/quickjs.js";
import { openWorkerPeer } from "../peers/worker.js";

export const addSource = "def add(a, b):\n    return a + b\n";

/** The raw transport each mode is built on: the gateway's overhead is measured against it. */
const transportOf: Record<IsolationMode, { open?: () => Promise<Peer>; task?: string }> = {
  inprocess: {},
  worker: { open: openWorkerPeer, task: peerTaskNames.workerRoundTrip },
  process: { open: openChildProcessPeer, task: peerTaskNames.childAdvancedRoundTrip },
};

/**
 * One suite per isolation mode, each in its own process, so a worker pool or child process left
 * by one mode cannot slow another. The peers are measured in the same process, in the same run.
 */
export function gatewayCallSuite(mode: IsolationMode): SuiteDefinition {
  const name = `gateway-call-${mode}`;
  const description = `A gateway call add(1, 2) into Dana in ${mode} mode, against a plain JS call, a quickjs-emscripten call${transportOf[mode].task ? ` and a raw ${transportOf[mode].task}` : ""}.`;
  const gatewayTask = `gateway call (${mode})`;
  // Out of process, a call is a cross-thread round trip whose latency depends on whether the other
  // core is asleep (see the peers suite): against in-thread work it is reported, not gated;
  // against the raw transport, which wakes the same way, it is gated with the default tolerance.
  const loose = mode === "inprocess" ? {} : { gated: false };
  const ratios: RatioDefinition[] = [
    { id: "gateway-over-plain", numerator: gatewayTask, denominator: peerTaskNames.plainCall, ...loose },
    { id: "gateway-over-quickjs", numerator: gatewayTask, denominator: peerTaskNames.quickjsCall, ...loose },
  ];
  const transportTask = transportOf[mode].task;
  if (transportTask) ratios.push({ id: "gateway-over-transport", numerator: gatewayTask, denominator: transportTask });

  return {
    name,
    description,
    available: coreAvailability,
    async run({ quick }) {
      const startedAt = performance.now();
      const core = await loadCore();
      if (typeof core === "string") throw new Error(core);
      const transport = transportOf[mode].open;
      const peers = await openPeers([openPlainCallPeer, openQuickJsPeer, ...(transport ? [transport] : [])]);
      try {
        const gateway = await openContext(core, mode);
        try {
          const add = await gatewayFunction(gateway.context, addSource, "add");
          const probe = await add(1, 2);
          if (Number(probe) !== 3) throw new Error(`gateway add(1, 2) returned ${String(probe)}, expected 3`);
          // In-process calls take microseconds: batch them like the plain call so the clock does not dominate.
          const gatewayCall: BenchmarkTask =
            mode === "inprocess"
              ? { name: gatewayTask, fn: repeatAsync(() => add(1, 2), 100), async: true }
              : { name: gatewayTask, fn: () => add(1, 2), async: true };
          const tasks = await measureTasks([gatewayCall, ...peers.tasks], measureSettings(quick));
          return buildSuiteResult({
            suite: name,
            description,
            tasks,
            ratios,
            targets: [
              {
                id: "call-under-1ms",
                task: gatewayTask,
                statistic: "median",
                maximumMs: 1,
                description: `reference target: one call in ${mode} mode takes < 1 ms`,
              },
            ],
            startedAt,
          });
        } finally {
          await gateway.close();
        }
      } finally {
        await peers.close();
      }
    },
  };
}
