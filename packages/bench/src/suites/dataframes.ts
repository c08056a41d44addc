import { coreAvailability, gatewayFunction, loadCore, openContext } from "../adapters/core.js";
import { importOptional, isFunction } from "../adapters/optional-import.js";
import { measureSettings, measureTasks } from "../harness/measure.js";
import { buildSuiteResult } from "../harness/suite-result.js";
import type { RatioDefinition, SuiteDefinition } from "../harness/types.js";

const name = "dataframes";
const description =
  "A 10,000-row Arrow table and danfo.js DataFrame passed through an in-process Dana echo call, against Arrow IPC and danfo column-copy round trips.";

const rowCount = 10_000;
const task = {
  arrowEcho: "gateway echo of an Arrow table",
  arrowIpc: "Arrow IPC round trip (tableToIPC + tableFromIPC)",
  frameEcho: "gateway echo of a danfo DataFrame",
  frameCopy: "danfo DataFrame column copy",
};

const ratios: RatioDefinition[] = [
  { id: "arrow-echo-over-ipc", numerator: task.arrowEcho, denominator: task.arrowIpc },
  { id: "dataframe-echo-over-copy", numerator: task.frameEcho, denominator: task.frameCopy },
];

/** The converters are optional subpath exports; the suite waits until they hold more than their name. */
async function convertersAvailability(): Promise<string | true> {
  for (const specifier of ["@dana-gateway/converters/arrow", "@dana-gateway/converters/dataframe"]) {
    const module = await importOptional(specifier);
    if (typeof module === "string") return module;
    if (!Object.values(module).some(isFunction)) return `${specifier} exports no converter function yet`;
  }
  return true;
}

function columns() {
  const ids = Int32Array.from({ length: rowCount }, (_, index) => index);
  const scores = Float64Array.from({ length: rowCount }, (_, index) => index / 3);
  const names = Array.from({ length: rowCount }, (_, index) => `row-${index % 100}`);
  return { ids, scores, names };
}

export const suite: SuiteDefinition = {
  name,
  description,
  available: async () => {
    const core = await coreAvailability();
    return core === true ? convertersAvailability() : core;
  },
  async run({ quick }) {
    const startedAt = performance.now();
    const core = await loadCore();
    if (typeof core === "string") throw new Error(core);
    const arrow = await import("apache-arrow");
    // danfo.js ships a CommonJS browser bundle as "main"; its namespace arrives as the default export.
    const danfoModule = (await import("danfojs")) as unknown as { default?: typeof import("danfojs") };
    const danfo = danfoModule.default ?? (danfoModule as unknown as typeof import("danfojs"));
    const { ids, scores, names } = columns();
    const table = arrow.tableFromArrays({ id: ids, score: scores, name: names });
    const frame = new danfo.DataFrame({ id: Array.from(ids), score: Array.from(scores), name: names });
    const gateway = await openContext(core, "inprocess");
    try {
      const echo = await gatewayFunction(gateway.context, "def echo(value):\n    return value\n", "echo");
      const tasks = await measureTasks(
        [
          { name: task.arrowEcho, fn: () => echo(table), async: true },
          { name: task.arrowIpc, fn: () => arrow.tableFromIPC(arrow.tableToIPC(table)) },
          { name: task.frameEcho, fn: () => echo(frame), async: true },
          {
            name: task.frameCopy,
            fn: () =>
              new danfo.DataFrame(Object.fromEntries(frame.columns.map((column) => [column, frame[column].values]))),
          },
        ],
        measureSettings(quick, quick ? { timeMs: 200, iterations: 8 } : {}),
      );
      return buildSuiteResult({ suite: name, description, tasks, ratios, startedAt });
    } finally {
      await gateway.close();
    }
  },
};
