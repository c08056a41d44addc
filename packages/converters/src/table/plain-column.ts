/**
 * A column over a plain JavaScript array of scalars (a danfojs column, or a column decoded from the wire), read
 * in place: cells become Dana values only when Dana reads them.
 *
 * Cells: `null`/`undefined` are None; in int columns NaN is None too (danfojs marks missing ints with NaN); in
 * float columns NaN stays the float NaN. Ints are numbers (or bigints beyond the safe range).
 */
import { DanaFloat, normalizeInt, type Value } from "@dana-gateway/lang";
import type { ColumnKind, TableColumn } from "./column.js";

export type PlainScalar = number | bigint | string | boolean | null | undefined;
export type PlainKind = Extract<ColumnKind, "int" | "float" | "bool" | "str" | "none">;

export class PlainColumn implements TableColumn {
  constructor(
    readonly name: string,
    readonly kind: PlainKind,
    readonly values: ArrayLike<PlainScalar>,
    readonly source: unknown = null,
  ) {}

  get length(): number {
    return this.values.length;
  }

  value(row: number): Value {
    const cell = this.values[row];
    if (cell === null || cell === undefined) return null;
    switch (this.kind) {
      case "float":
        return new DanaFloat(Number(cell));
      case "int":
        if (typeof cell === "bigint") return normalizeInt(cell);
        return Number.isNaN(cell) ? null : (cell as number);
      default:
        return cell as Value;
    }
  }

  numberAt(row: number): number | bigint | null {
    const cell = this.values[row];
    if (cell === null || cell === undefined) return null;
    if (this.kind === "int" && typeof cell === "number" && Number.isNaN(cell)) return null;
    return typeof cell === "bigint" ? cell : Number(cell);
  }
}
