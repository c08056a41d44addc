import { once } from "node:events";
import { Worker } from "node:worker_threads";
import { gatewayFunction, loadCore, openContext } from "../adapters/core.js";
import { importOptional, isFunction } from "../adapters/optional-import.js";
import { measureSettings, measureTasks } from "../harness/measure.js";
import { buildSuiteResult } from "../harness/suite-result.js";
import type { AbsoluteTargetDefinition, RatioDefinition, SuiteDefinition } from "../harness/types.js";

const name = "dataframes";
const description =
  "Tables into Dana (issue 7): a 10,000×5 danfo DataFrame in and a column sum back; a 10,000-row Arrow table into an in-process and a worker context, against the raw transfer of its IPC bytes to a worker.";

const rowCount = 10_000;
const task = {
  frameSum: "10,000×5 DataFrame into Dana + column sum back (in-process)",
  arrowInProcess: "10,000-row Arrow table into an in-process context",
  arrowWorker: "10,000-row Arrow table into a worker context",
  arrowRawTransfer: "raw Arrow IPC transfer to a worker (tableToIPC + transfer + tableFromIPC)",
};

const ratios: RatioDefinition[] = [
  {
    id: "arrow-worker-over-raw-transfer",
    numerator: task.arrowWorker,
    denominator: task.arrowRawTransfer,
    description: "a table into a worker context costs at most 2x the raw transfer of its IPC bytes",
    targetMaximum: 2,
  },
];

const targets: AbsoluteTargetDefinition[] = [
  {
    id: "dataframe-into-dana-and-sum",
    task: task.frameSum,
    statistic: "median",
    maximumMs: 2,
    description: "the reference design's conversion target: a 10,000×5 DataFrame in and a column sum back ≤ 2 ms",
  },
  {
    id: "arrow-into-inprocess",
    task: task.arrowInProcess,
    statistic: "median",
    maximumMs: 0.1,
    description: "a 10,000-row Arrow table enters an in-process context as a view: ≤ 0.1 ms",
  },
];

/** The converters are optional subpath exports that must offer their register functions. */
async function convertersAvailability(): Promise<string | true> {
  const arrow = await importOptional("@dana-gateway/converters/arrow");
  if (typeof arrow === "string") return arrow;
  if (!isFunction(arrow.registerArrow)) return "@dana-gateway/converters/arrow has no registerArrow";
  const dataframe = await importOptional("@dana-gateway/converters/dataframe");
  if (typeof dataframe === "string") return dataframe;
  if (!isFunction(dataframe.registerDataFrame)) return "@dana-gateway/converters/dataframe has no registerDataFrame";
  return true;
}

export const suite: SuiteDefinition = {
  name,
  description,
  available: async () => {
    const core = await loadCore();
    return typeof core === "string" ? core : convertersAvailability();
  },
  async run({ quick }) {
    const startedAt = performance.now();
    const core = await loadCore();
    if (typeof core === "string") throw new Error(core);
    const arrow = await import("apache-arrow");
    const { registerArrow } = await import("@dana-gateway/converters/arrow");
    const { registerDataFrame } = await import("@dana-gateway/converters/dataframe");
    // Registered in the shared registry before any runtime exists, as the converters README says.
    registerArrow();
    await registerDataFrame();
    // danfo.js ships a CommonJS browser bundle as "main"; its namespace arrives as the default export.
    const danfoModule = (await import("danfojs")) as unknown as { default?: typeof import("danfojs") };
    const danfo = danfoModule.default ?? (danfoModule as unknown as typeof import("danfojs"));

    const ids = Int32Array.from({ length: rowCount }, (_, index) => index);
    const scores = Float64Array.from({ length: rowCount }, (_, index) => index / 3);
    const names = Array.from({ length: rowCount }, (_, index) => `row-${index % 100}`);
    const table = arrow.tableFromArrays({ id: ids, score: scores, name: names });
    const frame = new danfo.DataFrame({
      id: Array.from(ids),
      score: Array.from(scores),
      name: names,
      price: Array.from(scores, (score) => score * 2),
      units: Array.from(ids, (id) => id % 7),
    });

    const inProcess = await openContext(core, "inprocess");
    const worker = await openContext(core, "worker");
    const rawWorker = new Worker(new URL("../peers/arrow-ipc-worker.js", import.meta.url));
    await once(rawWorker, "online");
    let reply: ((rows: number) => void) | undefined;
    rawWorker.on("message", (rows: number) => reply?.(rows));
    const rawTransfer = () =>
      new Promise<number>((resolve) => {
        reply = resolve;
        const bytes = arrow.tableToIPC(table);
        rawWorker.postMessage(bytes, [bytes.buffer as ArrayBuffer]);
      });
    try {
      const columnSum = await gatewayFunction(
        inProcess.context,
        'def column_sum(t):\n    return t["price"].sum()\n',
        "column_sum",
      );
      const countInProcess = await gatewayFunction(inProcess.context, "def count(t):\n    return len(t)\n", "count");
      const countInWorker = await gatewayFunction(worker.context, "def count(t):\n    return len(t)\n", "count");
      // Answers are checked once before timing, so a broken path cannot look fast.
      if ((await countInProcess(table)) !== rowCount || (await countInWorker(table)) !== rowCount) {
        throw new Error("a table did not arrive with all its rows");
      }
      if ((await rawTransfer()) !== rowCount) throw new Error("the raw transfer lost rows");
      if (typeof (await columnSum(frame)) !== "number") throw new Error("the column sum is not a number");
      // Arrow's IPC reader and writer need about a thousand calls before V8 has optimised them; both sides of
      // the worker ratio get the same warm-up so the ratio compares steady states.
      for (let round = 0; round < 1_000; round++) {
        await countInWorker(table);
        await rawTransfer();
      }
      const tasks = await measureTasks(
        [
          { name: task.frameSum, fn: () => columnSum(frame), async: true },
          { name: task.arrowInProcess, fn: () => countInProcess(table), async: true },
          { name: task.arrowWorker, fn: () => countInWorker(table), async: true },
          { name: task.arrowRawTransfer, fn: rawTransfer, async: true },
        ],
        measureSettings(quick, quick ? { timeMs: 300, iterations: 50 } : {}),
      );
      return buildSuiteResult({ suite: name, description, tasks, ratios, targets, startedAt });
    } finally {
      await rawWorker.terminate();
      await worker.close();
      await inProcess.close();
    }
  },
};
