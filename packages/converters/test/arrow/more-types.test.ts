/** The remaining rows of the Arrow round-trip table: other widths, large and fixed-size variants, Null, zones. */

import { DanaFloat, DanaList } from "@dana-gateway/lang";
import {
  DateMillisecond,
  Dictionary,
  Field,
  FixedSizeList,
  Float16,
  Float32,
  Int16,
  Int32,
  LargeUtf8,
  Null,
  Table,
  TimestampMillisecond,
  Uint8,
  vectorFromArray,
} from "apache-arrow";
import { describe, expect, it } from "vitest";
import { danaCells, rebuiltThroughDana } from "../support/arrow-helpers.js";

function single(type: ConstructorParameters<typeof Field>[1], values: unknown[]): Table {
  return new Table({ value: vectorFromArray(values, type) });
}

function roundTrip(table: Table): { type: string; cells: unknown[] } {
  const back = rebuiltThroughDana(table);
  const vector = back.getChildAt(0)!;
  return {
    type: String(back.schema.fields[0]!.type),
    cells: Array.from({ length: back.numRows }, (_, row) => vector.get(row)),
  };
}

describe("more Arrow types", () => {
  it("Uint8 and Int16 are ints of their width", () => {
    expect(danaCells(single(new Uint8(), [0, 255]))).toEqual([0, 255]);
    expect(roundTrip(single(new Uint8(), [0, 255]))).toEqual({ type: "Uint8", cells: [0, 255] });
    expect(roundTrip(single(new Int16(), [-32768, null]))).toEqual({ type: "Int16", cells: [-32768, null] });
  });

  it("Float32 and Float16 are floats, rounded to their precision", () => {
    const float32 = single(new Float32(), [0.1, -0]);
    expect((danaCells(float32)[0] as DanaFloat).value).toBe(Math.fround(0.1));
    const back = roundTrip(float32);
    expect(back.type).toBe("Float32");
    expect(back.cells[0]).toBe(Math.fround(0.1));
    expect(Object.is(back.cells[1], -0)).toBe(true);
    expect(danaCells(single(new Float16(), [1.5]))).toEqual([new DanaFloat(1.5)]);
    expect(roundTrip(single(new Float16(), [1.5, null]))).toEqual({ type: "Float16", cells: [1.5, null] });
  });

  it("LargeUtf8 is str; a dictionary of ints is int", () => {
    expect(roundTrip(single(new LargeUtf8(), ["", "ü"]))).toEqual({ type: "LargeUtf8", cells: ["", "ü"] });
    const codes = single(new Dictionary(new Int32(), new Int32()), [7, 7, 9]);
    expect(danaCells(codes)).toEqual([7, 7, 9]);
    expect(roundTrip(codes)).toEqual({ type: "Dictionary<Int32, Int32>", cells: [7, 7, 9] });
  });

  it("FixedSizeList is a list; Null is None", () => {
    const pairs = single(new FixedSizeList(2, new Field("item", new Int32(), true)), [
      [1, 2],
      [3, null],
    ]);
    expect(danaCells(pairs)).toEqual([new DanaList([1, 2]), new DanaList([3, null])]);
    const back = roundTrip(pairs);
    expect(back.type).toMatch(/^FixedSizeList\[2\]/);
    expect(back.cells.map((cell) => [...(cell as Iterable<unknown>)])).toEqual([
      [1, 2],
      [3, null],
    ]);
    expect(roundTrip(single(new Null(), [null, null]))).toEqual({ type: "Null", cells: [null, null] });
  });

  it("a DateMillisecond off midnight reads as a timestamp; a timestamp keeps its zone", () => {
    const offMidnight = single(new DateMillisecond(), [new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6))]);
    expect(danaCells(offMidnight)).toEqual(["2024-01-02T03:04:05.006Z"]);
    expect(roundTrip(offMidnight).cells).toEqual([Date.UTC(2024, 0, 2, 3, 4, 5, 6)]);
    const zoned = single(new TimestampMillisecond("Europe/Lisbon"), [Date.UTC(2024, 6, 1, 12)]);
    expect(danaCells(zoned)).toEqual(["2024-07-01T12:00:00.000Z"]);
    const back = rebuiltThroughDana(zoned);
    expect((back.schema.fields[0]!.type as TimestampMillisecond).timezone).toBe("Europe/Lisbon");
  });
});
