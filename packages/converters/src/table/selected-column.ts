/**
 * Some rows of another column, in a given order (`head`, `where`, `filter`, `sort_by`): a view over the row
 * numbers, so selecting from a million-row Arrow table copies row numbers, not cells.
 */
import type { Value } from "@dana-gateway/lang";
import type { TableColumn } from "./column.js";

export type RowSelection = Int32Array | { readonly start: number; readonly length: number };

export class SelectedColumn implements TableColumn {
  private constructor(
    readonly base: TableColumn,
    /** The base rows, in order. */
    readonly rows: RowSelection,
  ) {}

  /** Selects rows of `base`; a selection of a selection maps straight to the underlying column. */
  static of(base: TableColumn, rows: RowSelection): TableColumn {
    if (base instanceof SelectedColumn) return new SelectedColumn(base.base, composeSelections(base.rows, rows));
    return new SelectedColumn(base, rows);
  }

  get name(): string {
    return this.base.name;
  }
  get kind() {
    return this.base.kind;
  }
  get source(): unknown {
    return this.base.source;
  }
  get length(): number {
    return this.rows.length;
  }

  /** The base row behind `row` of this view. */
  baseRow(row: number): number {
    return this.rows instanceof Int32Array ? (this.rows[row] as number) : this.rows.start + row;
  }

  value(row: number): Value {
    return this.base.value(this.baseRow(row));
  }

  numberAt(row: number): number | bigint | null {
    return this.base.numberAt(this.baseRow(row));
  }
}

/** The rows `inner` picks out of the rows `outer` picked. */
export function composeSelections(outer: RowSelection, inner: RowSelection): RowSelection {
  if (!(outer instanceof Int32Array) && !(inner instanceof Int32Array)) {
    return { start: outer.start + inner.start, length: inner.length };
  }
  const rows = new Int32Array(inner.length);
  for (let index = 0; index < inner.length; index++) {
    const middle = inner instanceof Int32Array ? (inner[index] as number) : inner.start + index;
    rows[index] = outer instanceof Int32Array ? (outer[middle] as number) : outer.start + middle;
  }
  return rows;
}
