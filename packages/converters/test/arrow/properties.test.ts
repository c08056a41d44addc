/**
 * Property tests: random schemas and values (NaN, -0, ±Infinity, empty strings, unicode, nulls, 64-bit ints,
 * nanosecond timestamps, nested lists and structs) come back exactly — after every cell went through Dana
 * (a derived table is rebuilt from Dana values) and after crossing the wire as IPC bytes.
 */
import {
  Bool,
  type DataType,
  DateDay,
  Dictionary,
  Field,
  Float64,
  Int32,
  Int64,
  List,
  makeData,
  makeVector,
  RecordBatch,
  Schema,
  Struct,
  Table,
  TimestampNanosecond,
  Type,
  Utf8,
  type Vector,
  vectorFromArray,
} from "apache-arrow";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromArrow } from "../../src/arrow/from-arrow.js";
import { toArrow } from "../../src/arrow/to-arrow.js";
import { rebuiltThroughDana, throughWire } from "../support/arrow-helpers.js";

interface ColumnSpec {
  readonly type: DataType;
  readonly values: unknown[];
}

const text = fc.string({ unit: "grapheme", maxLength: 6 });
const nullable = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null, freq: 5 });

/** A column type and a generator of its cells (as `vectorFromArray` takes them, except timestamps). */
const columnKinds: readonly [() => DataType, fc.Arbitrary<unknown>][] = [
  [() => new Int32(), fc.integer()],
  [() => new Int64(), fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })],
  [() => new Float64(), fc.double()],
  [() => new Bool(), fc.boolean()],
  [() => new Utf8(), text],
  [() => new Dictionary(new Utf8(), new Int32()), fc.constantFrom("", "α", "β", "ünï", "🙂")],
  [() => new DateDay(), fc.integer({ min: -100_000, max: 100_000 }).map((day) => new Date(day * 86_400_000))],
  [() => new TimestampNanosecond(), fc.bigInt({ min: -(2n ** 62n), max: 2n ** 62n })],
  [() => new List(new Field("item", new Int32(), true)), fc.array(nullable(fc.integer()), { maxLength: 4 })],
  [
    () => new Struct([new Field("f", new Float64(), true), new Field("s", new Utf8(), true)]),
    fc.record({ f: nullable(fc.double()), s: nullable(text) }),
  ],
];

const columnSpec = (rows: number): fc.Arbitrary<ColumnSpec> =>
  fc
    .integer({ min: 0, max: columnKinds.length - 1 })
    .chain((kind) =>
      fc
        .array(nullable(columnKinds[kind]![1]), { minLength: rows, maxLength: rows })
        .map((values) => ({ type: columnKinds[kind]![0](), values })),
    );

const tables = fc
  .integer({ min: 0, max: 12 })
  .chain((rows) =>
    fc
      .uniqueArray(fc.string({ unit: "grapheme", maxLength: 5 }), { minLength: 1, maxLength: 4 })
      .chain((names) =>
        fc.tuple(...names.map(() => columnSpec(rows))).map((columns) => buildTable(names, columns, rows)),
      ),
  );

function buildVector({ type, values }: ColumnSpec): Vector {
  if (type.typeId !== Type.Timestamp) return vectorFromArray(values, type);
  const data = new BigInt64Array(values.length);
  const validity = new Uint8Array(Math.ceil(values.length / 8) || 1);
  let nullCount = 0;
  values.forEach((value, row) => {
    if (value === null) nullCount++;
    else {
      data[row] = value as bigint;
      validity[row >> 3]! |= 1 << (row & 7);
    }
  });
  return makeVector(makeData({ type, length: values.length, nullCount, nullBitmap: validity, data } as never));
}

function buildTable(names: string[], columns: ColumnSpec[], rows: number): Table {
  const vectors = columns.map(buildVector);
  const fields = names.map((name, index) => new Field(name, columns[index]!.type, true));
  const schema = new Schema(fields);
  const data = makeData({
    type: new Struct(fields),
    length: rows,
    nullCount: 0,
    children: vectors.map((vector) => vector.data[0]!),
  });
  return new Table(schema, [new RecordBatch(schema, data)]);
}

/** A comparable form of a cell that tells -0 from 0 and NaN from null, and reads timestamps exactly. */
function canonical(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : Number.isNaN(value) ? "NaN" : value;
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "object" && "toArray" in value && typeof value.toArray === "function" && "type" in value) {
    return [...(value as unknown as Iterable<unknown>)].map(canonical);
  }
  if (typeof value === "object" && "toJSON" in value && typeof value.toJSON === "function") {
    const record = value.toJSON() as Record<string, unknown>;
    return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, canonical(item)]));
  }
  return value;
}

function cells(table: Table): unknown[][] {
  return table.schema.fields.map((field, index) => {
    const vector = table.getChildAt(index)!;
    return Array.from({ length: table.numRows }, (_, row) => {
      if (field.type.typeId === Type.Timestamp && vector.isValid(row)) {
        return `${(vector.data[0]!.values as BigInt64Array)[row]}ns`;
      }
      return canonical(vector.get(row));
    });
  });
}

function expectSameTable(actual: Table, expected: Table): void {
  expect(actual.schema.fields.map((field) => `${field.name}:${field.type}`)).toEqual(
    expected.schema.fields.map((field) => `${field.name}:${field.type}`),
  );
  expect(cells(actual)).toEqual(cells(expected));
}

describe("Arrow round trips (fast-check)", () => {
  it("every cell comes back exactly after going through Dana values", () => {
    fc.assert(
      fc.property(tables, (table) => expectSameTable(rebuiltThroughDana(table), table)),
      { numRuns: 150 },
    );
  });

  it("every cell comes back exactly after crossing the wire as IPC bytes and back", () => {
    fc.assert(
      fc.property(tables, (table) => {
        const received = throughWire(fromArrow(table));
        const derivedThere = received.callMethod("head", [table.numRows], new Map());
        expectSameTable(toArrow(throughWire(derivedThere as typeof received)) as Table, table);
      }),
      { numRuns: 100 },
    );
  });
});
