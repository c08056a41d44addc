/** Empty tables, tables without columns, chunked Arrow columns, and Dana method names that must find nothing. */

import { DanaList } from "@dana-gateway/lang";
import { Float64, Int32, Schema, Table, tableFromIPC, tableToIPC, Utf8, vectorFromArray } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { fromArrow } from "../../src/arrow/from-arrow.js";
import { toArrow } from "../../src/arrow/to-arrow.js";
import type { DanaTable } from "../../src/table/index.js";
import { rebuiltThroughDana, throughWire } from "../support/arrow-helpers.js";

describe("edge cases", () => {
  it("handles tables without rows, in Dana, back to Arrow and across the wire", () => {
    const empty = new Table({ a: vectorFromArray([], new Int32()), b: vectorFromArray([], new Utf8()) });
    const table = fromArrow(empty);
    expect(table.length()).toBe(0);
    expect(table.callMethod("rows", [], new Map())).toEqual(new DanaList([]));
    expect(table.callMethod("sum", ["a"], new Map())).toBe(0);
    const back = rebuiltThroughDana(empty);
    expect(back.numRows).toBe(0);
    expect(back.schema.fields.map((field) => String(field.type))).toEqual(["Int32", "Utf8"]);
    expect(throughWire(table).rowCount).toBe(0);
  });

  it("handles a table without columns", () => {
    const table = fromArrow(new Table(new Schema([])));
    expect(table.columns).toHaveLength(0);
    expect((toArrow(table.callMethod("head", [1], new Map()) as DanaTable) as Table).numCols).toBe(0);
  });

  it("reads columns split over several record batches, in any order", () => {
    const first = new Table({ x: vectorFromArray([1.5, 2.5], new Float64()) });
    const second = new Table({ x: vectorFromArray([3.5], new Float64()) });
    const chunked = first.concat(second);
    expect(chunked.batches).toHaveLength(2);
    const table = fromArrow(chunked);
    const column = table.columns[0]!;
    expect([column.numberAt(2), column.numberAt(0), column.numberAt(1)]).toEqual([3.5, 1.5, 2.5]);
    expect(table.callMethod("sum", ["x"], new Map())).toEqual(expect.objectContaining({ value: 7.5 }));
    const back = tableFromIPC(tableToIPC(rebuiltThroughDana(chunked)));
    expect([...back.getChild("x")!]).toEqual([1.5, 2.5, 3.5]);
  });

  it("finds no method or attribute through JavaScript names", () => {
    const table = fromArrow(new Table({ a: vectorFromArray([1], new Int32()) }));
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty", "columnsByName", "original"]) {
      expect(table.callMethod(name, [], new Map())).toBeUndefined();
      expect(table.getAttribute(name)).toBeUndefined();
    }
  });
});
