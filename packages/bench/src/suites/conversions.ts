import { coreAvailability, gatewayFunction, loadCore, openContext } from "../adapters/core.js";
import { measureSettings, measureTasks, repeatAsync, repeatSync } from "../harness/measure.js";
import { buildSuiteResult } from "../harness/suite-result.js";
import type { AbsoluteTargetDefinition, RatioDefinition, SuiteDefinition } from "../harness/types.js";
import { optionsObject, thousandIntegers } from "../peers/in-process.js";
import { peerTaskNames } from "../peers/peer.js";

const name = "conversions";
const description =
  "Common values converted JS → Dana → JS by an in-process echo call, against structuredClone of the same value.";

export const echoSource = "def echo(value):\n    return value\n";

/** A mixed record list: strings, floats, None, nested lists and dicts, the shape of typical tool results. */
export const records = Array.from({ length: 100 }, (_, index) => ({
  id: index,
  name: `item-${index}`,
  score: index / 7,
  active: index % 2 === 0,
  note: null,
  tags: ["a", "b", String(index)],
}));

const values = [
  { label: "an options object", value: optionsObject, clone: peerTaskNames.cloneOptions, batch: 100 },
  { label: "1,000 ints", value: thousandIntegers, clone: peerTaskNames.cloneIntegers, batch: 20 },
  { label: "100 records", value: records, clone: "structuredClone of 100 records", batch: 10 },
];

const echoTask = (label: string) => `gateway echo of ${label}`;

const ratios: RatioDefinition[] = values.map((entry) => ({
  id: `echo-over-clone-${entry.label.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "")}`,
  numerator: echoTask(entry.label),
  denominator: entry.clone,
}));

const targets: AbsoluteTargetDefinition[] = values.map((entry) => ({
  id: `conversion-under-2ms-${entry.label.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "")}`,
  task: echoTask(entry.label),
  statistic: "median",
  maximumMs: 2,
  description: `reference target: converting ${entry.label} takes < 2 ms (both directions, plus the call)`,
}));

export const suite: SuiteDefinition = {
  name,
  description,
  available: coreAvailability,
  async run({ quick }) {
    const startedAt = performance.now();
    const core = await loadCore();
    if (typeof core === "string") throw new Error(core);
    const gateway = await openContext(core, "inprocess");
    try {
      const echo = await gatewayFunction(gateway.context, echoSource, "echo");
      for (const entry of values) {
        const echoed = JSON.stringify(await echo(entry.value));
        if (echoed !== JSON.stringify(entry.value)) {
          throw new Error(`echo of ${entry.label} came back changed: ${echoed.slice(0, 200)}`);
        }
      }
      const tasks = await measureTasks(
        values.flatMap((entry) => [
          { name: echoTask(entry.label), fn: repeatAsync(() => echo(entry.value), entry.batch), async: true },
          { name: entry.clone, fn: repeatSync(() => structuredClone(entry.value), entry.batch) },
        ]),
        measureSettings(quick),
      );
      return buildSuiteResult({ suite: name, description, tasks, ratios, targets, startedAt });
    } finally {
      await gateway.close();
    }
  },
};
