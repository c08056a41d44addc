/** What a compromised sandbox might send instead of a table is rejected before it becomes one. */
import { Int32, Table, vectorFromArray } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { fromArrow } from "../../src/arrow/from-arrow.js";
import { arrowTableCodec } from "../../src/arrow/wire-codec.js";
import { columnTableCodec } from "../../src/table/wire-codec.js";

const column = (overrides: Record<string, unknown> = {}) => ({
  name: "a",
  kind: "int",
  values: [1, 2],
  source: null,
  ...overrides,
});
const table = (overrides: Record<string, unknown> = {}) => ({
  origin: { plugin: "dataframe" },
  rowCount: 2,
  columns: [column()],
  index: null,
  ...overrides,
});

describe("malformed wire data", () => {
  it("accepts a well-formed plain table", () => {
    expect(columnTableCodec.decode(table())).toMatchObject({ rowCount: 2 });
  });

  it.each([
    ["not an object", 42],
    ["no columns", table({ columns: "a" })],
    ["a negative row count", table({ rowCount: -1 })],
    ["an unknown column type", table({ columns: [column({ kind: "handle" })] })],
    ["a column of the wrong length", table({ columns: [column({ values: [1] })] })],
    ["a cell that is not a scalar", table({ columns: [column({ values: [1, { kind: "list" }] })] })],
    ["values that are not an array", table({ columns: [column({ values: { length: 2 } })] })],
  ])("rejects a plain table with %s", (_, data) => {
    expect(() => columnTableCodec.decode(data)).toThrow(/malformed table data/);
  });

  it("rejects Arrow data without IPC bytes or with names that do not match", () => {
    const bytes = arrowTableCodec.encode(fromArrow(new Table({ a: vectorFromArray([1], new Int32()) })), []);
    expect(arrowTableCodec.decode(bytes)).toMatchObject({ rowCount: 1 });
    expect(() => arrowTableCodec.decode({ bytes: "AAAA", names: [] })).toThrow(/expected Arrow IPC bytes/);
    expect(() => arrowTableCodec.decode({ ...bytes, names: ["a", "b"] })).toThrow(/field names do not match/);
  });
});
