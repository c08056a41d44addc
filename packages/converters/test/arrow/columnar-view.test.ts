/** An Arrow table enters Dana as a view over its vectors: no row is read until Dana reads it. */

import { DanaRuntime, TypeConverterRegistry } from "@dana-gateway/core";
import { Float64, type RecordBatch, Table, vectorFromArray } from "apache-arrow";
import { afterEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { ArrowColumn } from "../../src/arrow/arrow-column.js";
import { arrowConverter } from "../../src/arrow/converter.js";

afterEach(() => vi.restoreAllMocks());

/** A registry whose Arrow converter spies on `Vector.get` of every column it creates (an own property). */
function spyingRegistry(spies: MockInstance[]): TypeConverterRegistry {
  const registry = new TypeConverterRegistry();
  registry.register({
    ...arrowConverter,
    toDana(value: Table | RecordBatch, scope) {
      const table = arrowConverter.toDana(value, scope);
      for (const column of (table as unknown as { columns: ArrowColumn[] }).columns) {
        expect(column).toBeInstanceOf(ArrowColumn);
        spies.push(vi.spyOn(column.vector, "get"));
      }
      return table;
    },
  });
  return registry;
}

const calls = (spies: MockInstance[]) => spies.reduce((total, spy) => total + spy.mock.calls.length, 0);

describe("the columnar view", () => {
  it("reads no cell to convert, count or describe a table, and only the cells a program touches", async () => {
    const rows = 200_000;
    const table = new Table({
      a: vectorFromArray(Float64Array.from({ length: rows }, (_, index) => index)),
      b: vectorFromArray(Array.from({ length: rows }, (_, index) => `row ${index % 7}`)),
    });
    const spies: MockInstance[] = [];
    await using runtime = await DanaRuntime.create({ typeConverters: spyingRegistry(spies), env: {} });
    await using ctx = runtime.createContext();
    const { value } = await ctx.eval('[len(t), t.columns, t.dtypes["b"], t["b"][5]]', { inputs: { t: table } });
    expect(value).toEqual([rows, ["a", "b"], "str", "row 5"]);
    expect(spies).toHaveLength(2);
    // One read: the single string cell asked for.
    expect(calls(spies)).toBe(1);
  });

  it("sums a float column from its buffer, without reading cells through Vector.get", async () => {
    const table = new Table({ a: vectorFromArray([0.5, 1.5, 2], new Float64()) });
    const spies: MockInstance[] = [];
    await using runtime = await DanaRuntime.create({ typeConverters: spyingRegistry(spies), env: {} });
    await using ctx = runtime.createContext();
    expect((await ctx.eval("[t.sum('a'), t['a'][1]]", { inputs: { t: table } })).value).toEqual([4, 1.5]);
    expect(spies).toHaveLength(1);
    expect(calls(spies)).toBe(0);
  });
});
