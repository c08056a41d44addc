/**
 * DataFrames (danfojs) into Dana and back: the same columns in order, the same dtypes, the same index — for
 * the unchanged frame (the very object), for frames derived in Dana, and after crossing the wire as plain
 * columns. Property tests cover NaN, -0, empty strings, unicode and nulls.
 */
import { DanaRuntime, TypeConversionError, TypeConverterRegistry } from "@dana-gateway/core";
import { DanaDict, DanaList } from "@dana-gateway/lang";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { type DanfoDataFrame, type DanfoModule, loadDanfo } from "../../src/dataframe/danfo.js";
import { fromDataFrame } from "../../src/dataframe/from-dataframe.js";
import { registerDataFrame } from "../../src/dataframe/index.js";
import { toDataFrame } from "../../src/dataframe/to-dataframe.js";
import type { DanaTable } from "../../src/table/index.js";
import { columnTableCodec } from "../../src/table/wire-codec.js";

let danfo: DanfoModule;
beforeAll(async () => {
  danfo = await loadDanfo();
}, 60_000);

function everyRow(table: DanaTable): DanaTable {
  const mask = new DanaList(Array.from({ length: table.rowCount }, () => true));
  return table.callMethod("where", [mask], new Map()) as DanaTable;
}

function throughWire(table: DanaTable): DanaTable {
  return columnTableCodec.decode(structuredClone(columnTableCodec.encode(table))) as DanaTable;
}

/** Columns, dtypes, index and cells, with -0 and NaN told apart. */
function describeFrame(frame: DanfoDataFrame) {
  const mark = (value: unknown) =>
    typeof value === "number" && Object.is(value, -0) ? "-0" : Number.isNaN(value) ? "NaN" : value;
  return {
    columns: frame.columns,
    dtypes: frame.dtypes,
    index: frame.index,
    cells: frame.columns.length === 0 ? [] : frame.getColumnData.map((column) => column.map(mark)),
  };
}

describe("DataFrame ↔ Dana table", () => {
  it("returns the unchanged frame itself", () => {
    const frame = new danfo.DataFrame({ a: [1, 2] });
    expect(toDataFrame(fromDataFrame(frame), danfo)).toBe(frame);
  });

  it("keeps columns, dtypes and index through a table derived in Dana and across the wire", () => {
    const frame = new danfo.DataFrame(
      { score: [1.5, -0, Number.NaN], count: [1, 2, 3], name: ["", "ünï", "🙂"], ok: [true, false, true] },
      { index: ["x", "y", "z"] },
    );
    const expected = describeFrame(frame);
    expect(expected.dtypes).toEqual(["float32", "int32", "string", "boolean"]);
    expect(describeFrame(toDataFrame(everyRow(fromDataFrame(frame)), danfo))).toEqual(expected);
    expect(describeFrame(toDataFrame(throughWire(everyRow(fromDataFrame(frame))), danfo))).toEqual(expected);
  });

  it("carries the index through selections, and starts a fresh one for group_by", () => {
    const frame = new danfo.DataFrame({ city: ["a", "b", "a"], n: [1, 2, 3] }, { index: [10, 20, 30] });
    const table = fromDataFrame(frame);
    const tail = toDataFrame(table.callMethod("tail", [2], new Map()) as DanaTable, danfo);
    expect(tail.index).toEqual([20, 30]);
    const aggregations = new Map([["n", "sum"]] as const);
    const grouped = table.callMethod("group_by", ["city", dictOf(aggregations)], new Map()) as DanaTable;
    const back = toDataFrame(grouped, danfo);
    expect(describeFrame(back)).toEqual({
      columns: ["city", "n"],
      dtypes: ["string", "int32"],
      index: [0, 1],
      cells: [
        ["a", "b"],
        [4, 2],
      ],
    });
  });

  it("rejects a column Dana filled with lists, naming it", async () => {
    const registry = new TypeConverterRegistry();
    await registerDataFrame(registry, { danfo });
    await using runtime = await DanaRuntime.create({ typeConverters: registry, env: {} });
    await using ctx = runtime.createContext();
    const frame = new danfo.DataFrame({ a: [1, 2] });
    const attempt = ctx.eval('d.with_column("pairs", [[1], [2]])', { inputs: { d: frame } });
    await expect(attempt).rejects.toThrow(TypeConversionError);
    await expect(ctx.eval('d.with_column("pairs", [[1], [2]])', { inputs: { d: frame } })).rejects.toThrow(
      /column 'pairs' of type list cannot be a DataFrame column/,
    );
  });

  it("round-trips random frames exactly (fast-check)", () => {
    const text = fc.string({ unit: "grapheme", maxLength: 5 });
    const orNull = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null, freq: 5 });
    const kinds = [
      ["float32", orNull(fc.double())],
      ["int32", orNull(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }))],
      ["string", orNull(text)],
      ["boolean", orNull(fc.boolean())],
    ] as const;
    const frames = fc.integer({ min: 1, max: 8 }).chain((rows) =>
      fc
        .uniqueArray(fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 4 }), {
          minLength: 1,
          maxLength: 4,
        })
        .chain((names) =>
          fc.tuple(
            fc.constant(names),
            fc.tuple(
              ...names.map(() =>
                fc
                  .integer({ min: 0, max: kinds.length - 1 })
                  .chain((kind) =>
                    fc.tuple(
                      fc.constant(kinds[kind]![0]),
                      fc.array(kinds[kind]![1] as fc.Arbitrary<unknown>, { minLength: rows, maxLength: rows }),
                    ),
                  ),
              ),
            ),
          ),
        ),
    );
    fc.assert(
      fc.property(frames, ([names, columns]) => {
        // Rows, not an object of columns: JavaScript would put integer-like names ("7") first.
        const rows = columns[0]![1].map((_, row) => columns.map(([, values]) => values[row]));
        const frame = new danfo.DataFrame(rows, { columns: names, dtypes: columns.map(([dtype]) => dtype) });
        const expected = describeFrame(frame);
        expect(describeFrame(toDataFrame(everyRow(fromDataFrame(frame)), danfo))).toEqual(expected);
        expect(describeFrame(toDataFrame(throughWire(everyRow(fromDataFrame(frame))), danfo))).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});

function dictOf(entries: ReadonlyMap<string, string>): DanaDict {
  const dict = new DanaDict();
  for (const [key, value] of entries) dict.set(key, value);
  return dict;
}
