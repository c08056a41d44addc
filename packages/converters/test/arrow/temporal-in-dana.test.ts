/** Dates and timestamps as Dana sees them: ISO strings that filter, sort and aggregate in time order, and go back exactly. */

import { DanaRuntime, TypeConverterRegistry } from "@dana-gateway/core";
import {
  DateDay,
  TimestampMicrosecond as Micro,
  makeData,
  makeVector,
  Table,
  type TimestampMicrosecond,
  vectorFromArray,
} from "apache-arrow";
import { describe, expect, it } from "vitest";
import { registerArrow } from "../../src/arrow/index.js";

const micros = [1_704_164_645_123_456n, 1_704_067_200_000_001n, 1_706_745_600_999_999n];
const events = new Table({
  day: vectorFromArray(
    [new Date(Date.UTC(2024, 0, 2)), new Date(Date.UTC(2024, 0, 1)), new Date(Date.UTC(2024, 1, 1))],
    new DateDay(),
  ),
  at: makeVector(makeData({ type: new Micro(), length: 3, nullCount: 0, data: BigInt64Array.from(micros) })),
});

describe("dates and timestamps in Dana", () => {
  it("filter, sort and aggregate in time order, and come back with their exact values", async () => {
    const registry = new TypeConverterRegistry();
    registerArrow(registry);
    await using runtime = await DanaRuntime.create({ typeConverters: registry, env: {} });
    await using ctx = runtime.createContext();
    const { value, stdout } = await ctx.eval(
      [
        'print(t.min("day"), t.max("at"))',
        'print(t.filter("day", ">=", "2024-01-02")["day"].to_list())',
        'print(t.sort_by("at")["at"][0])',
        't.sort_by("day", descending=True)',
      ].join("\n"),
      { inputs: { t: events } },
    );
    expect(stdout).toBe(
      "2024-01-01 2024-02-01T00:00:00.999999Z\n['2024-01-02', '2024-02-01']\n2024-01-01T00:00:00.000001Z\n",
    );
    const sorted = value as Table;
    expect(sorted.schema.fields.map((field) => String(field.type))).toEqual(["Date32<DAY>", "Timestamp<MICROSECOND>"]);
    const at = sorted.getChild("at")!.data[0]!.values as BigInt64Array;
    expect([...at]).toEqual([micros[2], micros[0], micros[1]]);
    expect((sorted.schema.fields[1]!.type as TimestampMicrosecond).unit).toBe(2);
  });
});
