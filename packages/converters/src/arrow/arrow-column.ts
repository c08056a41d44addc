/**
 * A table column over an Arrow vector, read in place: no row is materialised when a table enters Dana, and
 * each cell becomes a Dana value only when Dana reads it. Numbers and temporal values are read straight from
 * the chunk's buffers (already sliced to the chunk's rows; exact 64-bit timestamps); other types through
 * `Vector.get`.
 */

import { normalizeInt, type Value } from "@dana-gateway/lang";
import { type Data, type DataType, type Field, Type, type Vector } from "apache-arrow";
import type { ColumnKind, TableColumn } from "../table/index.js";
import { arrowToDana } from "./arrow-cells.js";
import { formatDate, formatTimestamp, type TimeUnitIndex } from "./temporal.js";

/** Reads a fixed-width chunk's buffer directly (Float16 is stored as raw bits, so it is not one of these). */
function directlyReadable(type: DataType): boolean {
  if (type.typeId === Type.Int) return true;
  if (type.typeId === Type.Float) return (type as DataType & { precision: number }).precision !== 0;
  return false;
}

export class ArrowColumn implements TableColumn {
  readonly name: string;
  readonly length: number;
  private readonly chunks: readonly Data[];
  /** First row of each chunk, plus the total at the end. */
  private readonly starts: Int32Array | number[];
  private readonly direct: boolean;
  private chunkIndex = 0;

  constructor(
    readonly field: Field,
    readonly vector: Vector,
    readonly kind: ColumnKind,
  ) {
    this.name = field.name;
    this.length = vector.length;
    this.chunks = vector.data;
    const starts = [0];
    for (const chunk of this.chunks) starts.push((starts.at(-1) as number) + chunk.length);
    this.starts = starts;
    this.direct = directlyReadable(field.type);
  }

  get source(): Field {
    return this.field;
  }

  /** The chunk holding `row`, and the row inside it (the last chunk found is tried first: scans are sequential). */
  private locate(row: number): Data {
    let index = this.chunkIndex;
    const starts = this.starts;
    if (row < (starts[index] as number) || row >= (starts[index + 1] as number)) {
      let low = 0;
      let high = this.chunks.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if ((starts[middle] as number) <= row) low = middle;
        else high = middle - 1;
      }
      index = low;
      this.chunkIndex = index;
    }
    return this.chunks[index] as Data;
  }

  private isNull(chunk: Data, local: number): boolean {
    return chunk.nullCount > 0 && !chunk.getValid(local);
  }

  value(row: number): Value {
    const chunk = this.locate(row);
    const local = row - (this.starts[this.chunkIndex] as number);
    if (this.isNull(chunk, local)) return null;
    const type = this.field.type;
    switch (type.typeId) {
      case Type.Timestamp: {
        // Arrow 17 and older keep 64-bit values as pairs of 32-bit words: read those through Vector.get.
        if (!(chunk.values instanceof BigInt64Array)) break;
        const raw = chunk.values[local] as bigint;
        return formatTimestamp(raw, (type as DataType & { unit: TimeUnitIndex }).unit);
      }
      case Type.Date: {
        const dayUnit = (type as DataType & { unit: number }).unit === 0;
        if (!dayUnit && !(chunk.values instanceof BigInt64Array)) break;
        const raw = (chunk.values as Int32Array | BigInt64Array)[local] as number | bigint;
        return formatDate(dayUnit ? Number(raw) * 86_400_000 : Number(raw));
      }
    }
    if (this.direct) {
      const raw = (chunk.values as ArrayLike<number | bigint>)[local] as number | bigint;
      return arrowToDana(type, raw);
    }
    return arrowToDana(type, this.vector.get(row));
  }

  numberAt(row: number): number | bigint | null {
    const chunk = this.locate(row);
    const local = row - (this.starts[this.chunkIndex] as number);
    if (this.isNull(chunk, local)) return null;
    if (this.direct) {
      const raw = (chunk.values as ArrayLike<number | bigint>)[local] as number | bigint;
      return typeof raw === "bigint" ? normalizeInt(raw) : raw;
    }
    const raw = this.vector.get(row) as unknown;
    if (typeof raw === "boolean") return raw ? 1 : 0;
    return typeof raw === "number" || typeof raw === "bigint" ? raw : null;
  }
}
