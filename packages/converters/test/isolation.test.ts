/**
 * The acceptance: a TypeScript caller passes a danfojs DataFrame or an Arrow Table to a Dana function,
 * computes on it in Dana, and gets a DataFrame / Table back — in all three isolation modes. In worker and
 * process modes Arrow tables cross as IPC bytes (the codec runs), DataFrames as plain columns.
 * Worker and process sandboxes run the built dist/ (build first).
 */

import { type DanaFunction, TypeConverterRegistry } from "@dana-gateway/core";
import { type Table, tableFromArrays } from "apache-arrow";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { arrowTableCodec, batchesOf, reduceBatches, registerArrow, streamBatches } from "../src/arrow/index.js";
import { type DanfoDataFrame, type DanfoModule, loadDanfo } from "../src/dataframe/danfo.js";
import { registerDataFrame } from "../src/dataframe/index.js";
import { columnTableCodec } from "../src/table/wire-codec.js";
import { createTestRuntime, isolationModes } from "./support/isolation.js";

const program = `
def summarise(t):
    return t.filter("units", ">", 1).group_by("city", {"units": "sum", "price": "mean"})

def total(t, column):
    return t.sum(column)

def step(state, batch):
    return {"rows": state["rows"] + len(batch), "units": state["units"] + batch.sum("units")}

[summarise, total, step]
`;

let danfo: DanfoModule;
const registry = new TypeConverterRegistry();
beforeAll(async () => {
  danfo = await loadDanfo();
  registerArrow(registry);
  await registerDataFrame(registry, { danfo });
}, 60_000);
afterEach(() => vi.restoreAllMocks());

const data = { city: ["Lisbon", "Porto", "Lisbon", "Faro"], units: [3, 1, 5, 2], price: [2.5, 3, 3.5, 4] };

describe.each(isolationModes)("tables in %s mode", (isolation) => {
  async function functions() {
    const runtime = await createTestRuntime(registry);
    const context = runtime.createContext({ isolation });
    const { value } = await context.eval(program);
    const [summarise, total, step] = value as DanaFunction[];
    return { runtime, context, summarise: summarise!, total: total!, step: step! };
  }

  it("Arrow Table in, computed in Dana, Arrow Table out", async () => {
    const encode = vi.spyOn(arrowTableCodec, "encode");
    const { runtime, summarise, total } = await functions();
    try {
      const table = tableFromArrays({
        city: data.city,
        units: Int32Array.from(data.units),
        price: Float64Array.from(data.price),
      });
      const result = (await summarise(table)) as Table;
      expect(result.schema.fields.map((field) => `${field.name}:${field.type}`)).toEqual([
        "city:Dictionary<Int32, Utf8>",
        "units:Int64",
        "price:Float64",
      ]);
      expect(result.toArray().map((row) => row.toJSON())).toEqual([
        { city: "Lisbon", units: 8n, price: 3 },
        { city: "Faro", units: 2n, price: 4 },
      ]);
      expect(await total(table, "price")).toBe(13);
      // In isolated modes the table crossed as IPC bytes: encoded on the host (and in the sandbox for the answer).
      if (isolation === "inprocess") expect(encode).not.toHaveBeenCalled();
      else expect(encode).toHaveBeenCalled();
    } finally {
      await runtime.close();
    }
  }, 60_000);

  it("DataFrame in, computed in Dana, DataFrame out", async () => {
    const encode = vi.spyOn(columnTableCodec, "encode");
    const { runtime, summarise, total } = await functions();
    try {
      const frame = new danfo.DataFrame(data, { index: ["a", "b", "c", "d"] });
      const result = (await summarise(frame)) as DanfoDataFrame;
      expect(result).toBeInstanceOf(danfo.DataFrame);
      expect(result.columns).toEqual(["city", "units", "price"]);
      expect(result.dtypes).toEqual(["string", "int32", "float32"]);
      expect(result.getColumnData).toEqual([
        ["Lisbon", "Faro"],
        [8, 2],
        [3, 4],
      ]);
      expect(await total(frame, "units")).toBe(11);
      if (isolation === "inprocess") expect(encode).not.toHaveBeenCalled();
      else expect(encode).toHaveBeenCalled();
    } finally {
      await runtime.close();
    }
  }, 60_000);

  it("hands a table returned by a host function to Dana, before any table crossed", async () => {
    const runtime = await createTestRuntime(registry);
    try {
      const table = tableFromArrays({ units: Int32Array.from(data.units) });
      const context = runtime.createContext({ isolation, hostFunctions: { load_sales: () => table } });
      const { value } = await context.eval('t = load_sales()\n[len(t), t.sum("units")]');
      expect(value).toEqual([4, 11]);
    } finally {
      await runtime.close();
    }
  }, 60_000);

  it("streams record batches through a Dana function one at a time", async () => {
    const { runtime, step, total } = await functions();
    try {
      const rows = 1_000;
      const table = tableFromArrays({ units: Int32Array.from({ length: rows }, (_, index) => index % 10) });
      const state = await reduceBatches<unknown>((current, batch) => step(current, batch), batchesOf(table, 128), {
        rows: 0,
        units: 0,
      });
      expect(state).toEqual({ rows, units: 4_500 });
      const sums: unknown[] = [];
      for await (const sum of streamBatches((batch) => total(batch, "units"), batchesOf(table, 400))) sums.push(sum);
      expect(sums).toEqual([1_800, 1_800, 900]);
    } finally {
      await runtime.close();
    }
  }, 60_000);
});
