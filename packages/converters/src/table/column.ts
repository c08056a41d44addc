/**
 * One column of a Dana table, as the table's methods see it: a length and the Dana value at each row. Sources
 * differ (Arrow vectors, plain arrays from a DataFrame, values computed in Dana, a selection of another
 * column's rows); none of them copies rows until a method has to.
 */
import type { Value } from "@dana-gateway/lang";

/** The Dana-level type of a column's cells (`t.dtypes`); `None` may appear in any of them. */
export type ColumnKind = "int" | "float" | "bool" | "str" | "date" | "timestamp" | "list" | "dict" | "none" | "any";

export interface TableColumn {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly length: number;
  /** The Dana value at `row` (0 ≤ row < length); `None` for a null cell. */
  value(row: number): Value;
  /**
   * The cell as a JavaScript number for aggregations (`null` for a null cell); only for int and float
   * columns. Int64 cells beyond the safe range come back as `bigint`.
   */
  numberAt(row: number): number | bigint | null;
  /**
   * What the column came from, so the plugin that made it can rebuild the same type on the way out (an Arrow
   * `Field`, a danfojs dtype). Carried through selections; `null` for columns computed in Dana.
   */
  readonly source: unknown;
}
