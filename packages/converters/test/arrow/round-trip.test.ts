/**
 * Each rule of the Arrow round-trip table (README), both ways: Arrow → Dana values, and Dana values → Arrow
 * (a table derived in Dana, so every cell is rebuilt from its Dana value) — plus the same through the IPC codec.
 */

import { type DanaDict, DanaFloat, DanaList } from "@dana-gateway/lang";
import {
  Bool,
  DateDay,
  DateMillisecond,
  Decimal,
  Dictionary,
  Field,
  Float64,
  Int8,
  Int32,
  Int64,
  List,
  makeData,
  makeVector,
  RecordBatch,
  Schema,
  Struct,
  Table,
  TimestampMicrosecond,
  TimestampNanosecond,
  TimestampSecond,
  Type,
  Uint64,
  Utf8,
  vectorFromArray,
} from "apache-arrow";
import { describe, expect, it } from "vitest";
import { CellConversionError, danaToArrow } from "../../src/arrow/arrow-cells.js";
import { fromArrow, UnsupportedArrowTypeError } from "../../src/arrow/from-arrow.js";
import { toArrow } from "../../src/arrow/to-arrow.js";
import type { DanaTable } from "../../src/table/index.js";
import { danaCells, rebuiltThroughDana, throughWire } from "../support/arrow-helpers.js";

function single(type: ConstructorParameters<typeof Field>[1], values: unknown[], name = "value"): Table {
  return new Table({ [name]: vectorFromArray(values, type) });
}

function cellsOf(table: Table): unknown[] {
  const vector = table.getChildAt(0)!;
  return Array.from({ length: table.numRows }, (_, row) => vector.get(row));
}

describe("Arrow → Dana → Arrow, rule by rule", () => {
  it("narrow ints are Dana ints and come back with their own width", () => {
    const table = single(new Int8(), [-128, 0, 127, null]);
    expect(danaCells(table)).toEqual([-128, 0, 127, null]);
    const back = rebuiltThroughDana(table);
    expect(back.schema.fields[0]!.type).toBeInstanceOf(Int8);
    expect(cellsOf(back)).toEqual([-128, 0, 127, null]);
  });

  it("never wraps a Dana int that does not fit its Arrow type", () => {
    expect(() => danaToArrow(new Int8(), 300)).toThrow(CellConversionError);
    expect(() => danaToArrow(new Uint64(), -1)).toThrow(/out of range/);
    expect(danaToArrow(new Int64(), 2n ** 63n - 1n)).toBe(2n ** 63n - 1n);
  });

  it("Int64 and Uint64 are ints: numbers in the safe range, bigints beyond, exact both ways", () => {
    const big = 2n ** 60n + 1n;
    const table = single(new Int64(), [1n, -big, big, null]);
    expect(danaCells(table)).toEqual([1, -big, big, null]);
    const back = rebuiltThroughDana(table);
    expect(back.schema.fields[0]!.type.typeId).toBe(Type.Int);
    expect(cellsOf(back)).toEqual([1n, -big, big, null]);
    const unsigned = single(new Uint64(), [2n ** 64n - 1n]);
    expect(danaCells(unsigned)).toEqual([2n ** 64n - 1n]);
    expect(cellsOf(rebuiltThroughDana(unsigned))).toEqual([2n ** 64n - 1n]);
  });

  it("floats are Dana floats (an integral float stays a float); NaN, -0 and ±Infinity are kept", () => {
    const table = single(new Float64(), [1, Number.NaN, -0, Number.POSITIVE_INFINITY, null]);
    const cells = danaCells(table);
    expect(cells[0]).toEqual(new DanaFloat(1));
    expect((cells[1] as DanaFloat).value).toBeNaN();
    expect(Object.is((cells[2] as DanaFloat).value, -0)).toBe(true);
    expect(cells[4]).toBeNull();
    const back = cellsOf(rebuiltThroughDana(table));
    expect(back[1]).toBeNaN();
    expect(Object.is(back[2], -0)).toBe(true);
    expect(back[3]).toBe(Number.POSITIVE_INFINITY);
    expect(back[4]).toBeNull();
  });

  it("bools are bools; utf8 is str, empty strings and unicode included", () => {
    expect(danaCells(single(new Bool(), [true, false, null]))).toEqual([true, false, null]);
    const text = single(new Utf8(), ["", "naïve", "𝄞 clef", "日本", null]);
    expect(danaCells(text)).toEqual(["", "naïve", "𝄞 clef", "日本", null]);
    expect(cellsOf(rebuiltThroughDana(text))).toEqual(["", "naïve", "𝄞 clef", "日本", null]);
  });

  it("dictionary-encoded strings are plain str in Dana and dictionary-encoded again on the way back", () => {
    const table = single(new Dictionary(new Utf8(), new Int32()), ["red", "blue", "red", null]);
    expect(danaCells(table)).toEqual(["red", "blue", "red", null]);
    const back = rebuiltThroughDana(table);
    expect(back.schema.fields[0]!.type).toBeInstanceOf(Dictionary);
    expect(cellsOf(back)).toEqual(["red", "blue", "red", null]);
  });

  it("dates are 'YYYY-MM-DD' strings; both date units come back with their unit and value", () => {
    const days = single(new DateDay(), [new Date(Date.UTC(2024, 1, 29)), new Date(Date.UTC(1969, 11, 31)), null]);
    expect(danaCells(days)).toEqual(["2024-02-29", "1969-12-31", null]);
    const back = rebuiltThroughDana(days);
    expect(back.schema.fields[0]!.type).toBeInstanceOf(DateDay);
    expect(cellsOf(back)).toEqual(cellsOf(days));
    const milliseconds = single(new DateMillisecond(), [new Date(Date.UTC(2000, 0, 1))]);
    expect(danaCells(milliseconds)).toEqual(["2000-01-01"]);
    expect(cellsOf(rebuiltThroughDana(milliseconds))).toEqual(cellsOf(milliseconds));
  });

  it("timestamps are ISO 8601 UTC strings at their unit's precision, exact to the nanosecond both ways", () => {
    const nanoseconds = new Table({
      value: makeVector(
        makeData({
          type: new TimestampNanosecond(),
          length: 3,
          nullCount: 1,
          nullBitmap: Uint8Array.of(0b011),
          data: BigInt64Array.of(1_704_164_645_123_456_789n, -1n, 0n),
        }),
      ),
    });
    expect(danaCells(nanoseconds)).toEqual(["2024-01-02T03:04:05.123456789Z", "1969-12-31T23:59:59.999999999Z", null]);
    const back = rebuiltThroughDana(nanoseconds);
    expect(back.schema.fields[0]!.type).toBeInstanceOf(TimestampNanosecond);
    const raw = back.getChildAt(0)!.data[0]!.values as BigInt64Array;
    expect([raw[0], raw[1]]).toEqual([1_704_164_645_123_456_789n, -1n]);
    expect(back.getChildAt(0)!.get(2)).toBeNull();
    expect(danaCells(single(new TimestampSecond(), [new Date(Date.UTC(2020, 5, 1, 12))]))).toEqual([
      "2020-06-01T12:00:00Z",
    ]);
    expect(danaCells(single(new TimestampMicrosecond(), [new Date(5)]))).toEqual(["1970-01-01T00:00:00.005000Z"]);
  });

  it("lists are Dana lists and structs are dicts, nested, nulls included", () => {
    const lists = single(new List(new Field("item", new Int32(), true)), [[1, 2], [], null, [null, 3]]);
    expect(danaCells(lists)).toEqual([new DanaList([1, 2]), new DanaList([]), null, new DanaList([null, 3])]);
    expect(
      cellsOf(rebuiltThroughDana(lists)).map((cell) => (cell === null ? null : [...(cell as Iterable<unknown>)])),
    ).toEqual([[1, 2], [], null, [null, 3]]);
    const structType = new Struct([
      new Field("x", new Float64(), true),
      new Field("tags", new List(new Field("item", new Utf8(), true)), true),
    ]);
    const structs = single(structType, [{ x: 1.5, tags: ["a"] }, null, { x: null, tags: [] }]);
    const [first, second, third] = danaCells(structs) as [DanaDict, null, DanaDict];
    expect(first.get("x")).toEqual(new DanaFloat(1.5));
    expect(first.get("tags")).toEqual(new DanaList(["a"]));
    expect(second).toBeNull();
    expect(third.get("x")).toBeNull();
    const back = rebuiltThroughDana(structs).getChildAt(0)!;
    expect(back.get(0)!.toJSON()).toMatchObject({ x: 1.5 });
    expect([...back.get(0)!.toJSON().tags]).toEqual(["a"]);
    expect(back.get(1)).toBeNull();
  });

  it("rejects types without a Dana equivalent, naming the column", () => {
    const decimal = new Table({
      amount: makeVector(makeData({ type: new Decimal(2, 10, 128), length: 1, data: new Uint32Array(4) })),
    });
    expect(() => fromArrow(decimal)).toThrow(UnsupportedArrowTypeError);
    expect(() => fromArrow(decimal)).toThrow(/column 'amount' has the Arrow type Decimal/);
  });

  it("keeps field names, nullability, field and schema metadata on derived tables", () => {
    const field = new Field("score", new Float64(), false, new Map([["unit", "points"]]));
    const schema = new Schema([field], new Map([["source", "test"]]));
    const table = new Table(schema, [
      new RecordBatch(
        schema,
        makeData({
          type: new Struct([field]),
          length: 2,
          nullCount: 0,
          children: [vectorFromArray([1.5, 2.5], new Float64()).data[0]!],
        }),
      ),
    ]);
    const back = rebuiltThroughDana(table);
    expect(back.schema.metadata.get("source")).toBe("test");
    expect(back.schema.fields[0]!.nullable).toBe(false);
    expect(back.schema.fields[0]!.metadata.get("unit")).toBe("points");
  });

  it("returns an unchanged table (or record batch) as the very object that came in", () => {
    const table = single(new Int32(), [1, 2, 3]);
    expect(toArrow(fromArrow(table))).toBe(table);
    const batch = table.batches[0]!;
    expect(toArrow(fromArrow(batch))).toBe(batch);
  });

  it("slices row ranges (head, tail) without copying cells", () => {
    const table = single(new Int32(), [1, 2, 3, 4]);
    const head = fromArrow(table).callMethod("tail", [2], new Map()) as DanaTable;
    const back = toArrow(head) as Table;
    expect(back.getChildAt(0)!.data[0]!.values.buffer).toBe(table.getChildAt(0)!.data[0]!.values.buffer);
    expect([...back.getChildAt(0)!]).toEqual([3, 4]);
  });

  it("gives columns computed in Dana the natural Arrow type", () => {
    const table = fromArrow(single(new Int32(), [1, 2]));
    const computed = [
      ["ints", new DanaList([1, 3])],
      ["floats", new DanaList([new DanaFloat(0.5), 1])],
      ["words", new DanaList(["a", null])],
      ["flags", new DanaList([true, false])],
      ["nothing", new DanaList([null, null])],
    ] as const;
    let derived = table;
    for (const [name, values] of computed)
      derived = derived.callMethod("with_column", [name, values], new Map()) as DanaTable;
    const back = toArrow(derived) as Table;
    expect(back.schema.fields.map((field) => String(field.type))).toEqual([
      "Int32",
      "Int64",
      "Float64",
      "Utf8",
      "Bool",
      "Null",
    ]);
    expect([...back.getChild("floats")!]).toEqual([0.5, 1]);
  });
});

describe("through the IPC codec (what crosses to a worker or process)", () => {
  it("keeps every rule: values, types, nulls and metadata", () => {
    const table = new Table({
      big: vectorFromArray([2n ** 62n, null], new Int64()),
      word: vectorFromArray(["é", null], new Dictionary(new Utf8(), new Int32())),
      when: vectorFromArray([new Date(Date.UTC(2024, 0, 1)), null], new DateDay()),
      score: vectorFromArray([-0, Number.NaN], new Float64()),
    });
    const received = throughWire(fromArrow(table));
    expect(received.row(0).get("big")).toBe(2n ** 62n);
    expect(received.row(0).get("word")).toBe("é");
    expect(received.row(0).get("when")).toBe("2024-01-01");
    expect(Object.is((received.row(0).get("score") as DanaFloat).value, -0)).toBe(true);
    expect((received.row(1).get("score") as DanaFloat).value).toBeNaN();
    expect(received.row(1).get("big")).toBeNull();
    const back = toArrow(received) as Table;
    expect(back.schema.fields.map((field) => String(field.type))).toEqual(
      table.schema.fields.map((field) => String(field.type)),
    );
  });
});
