/**
 * Column aggregations. Null cells are skipped (as pandas and SQL do); NaN is an ordinary float, so it
 * propagates through `sum` and `mean` and wins `min`/`max` (as in NumPy). An empty (or all-null) column sums to
 * 0 and has no mean, min or max (None).
 */
import { compareStrings, DanaException, DanaFloat, normalizeInt, type Value } from "@dana-gateway/lang";
import type { TableColumn } from "./column.js";

export type AggregationName = "sum" | "mean" | "min" | "max" | "count";
export const aggregationNames: readonly AggregationName[] = ["sum", "mean", "min", "max", "count"];

export function aggregate(column: TableColumn, name: AggregationName): Value {
  switch (name) {
    case "sum":
      return sum(column);
    case "mean":
      return mean(column);
    case "min":
      return extreme(column, -1);
    case "max":
      return extreme(column, 1);
    case "count":
      return count(column);
  }
}

function requireNumeric(column: TableColumn, operation: string): void {
  if (column.kind !== "int" && column.kind !== "float" && column.kind !== "bool" && column.kind !== "none") {
    throw new DanaException("TypeError", `cannot ${operation} column '${column.name}' of type ${column.kind}`);
  }
}

export function sum(column: TableColumn): Value {
  requireNumeric(column, "sum");
  if (column.kind === "float") {
    let total = 0;
    for (let row = 0; row < column.length; row++) {
      const cell = column.numberAt(row);
      if (cell !== null) total += Number(cell);
    }
    return new DanaFloat(total);
  }
  // Ints stay exact: the running total switches to bigint when it leaves the safe range.
  let total = 0;
  let big: bigint | null = null;
  for (let row = 0; row < column.length; row++) {
    const cell = column.numberAt(row);
    if (cell === null) continue;
    if (big === null && typeof cell === "number") {
      const next = total + cell;
      if (Number.isSafeInteger(next)) {
        total = next;
        continue;
      }
      big = BigInt(total);
    }
    big = (big ?? BigInt(total)) + BigInt(cell);
  }
  return big === null ? total : normalizeInt(big);
}

export function mean(column: TableColumn): Value {
  requireNumeric(column, "average");
  let total = 0;
  let cells = 0;
  for (let row = 0; row < column.length; row++) {
    const cell = column.numberAt(row);
    if (cell === null) continue;
    total += Number(cell);
    cells++;
  }
  return cells === 0 ? null : new DanaFloat(total / cells);
}

export function count(column: TableColumn): number {
  let cells = 0;
  for (let row = 0; row < column.length; row++) if (column.value(row) !== null) cells++;
  return cells;
}

/** `direction` -1 for the minimum, 1 for the maximum. */
function extreme(column: TableColumn, direction: -1 | 1): Value {
  const textual = column.kind === "str" || column.kind === "date" || column.kind === "timestamp";
  if (!textual) requireNumeric(column, direction < 0 ? "take the minimum of" : "take the maximum of");
  let best = -1;
  let bestNumber: number | bigint = 0;
  let bestText = "";
  for (let row = 0; row < column.length; row++) {
    if (textual) {
      const cell = column.value(row);
      if (typeof cell !== "string") continue;
      if (best < 0 || compareStrings(cell, bestText) * direction > 0) {
        best = row;
        bestText = cell;
      }
      continue;
    }
    const cell = column.numberAt(row);
    if (cell === null) continue;
    if (typeof cell === "number" && Number.isNaN(cell)) return column.value(row);
    if (best < 0 || (direction < 0 ? cell < bestNumber : cell > bestNumber)) {
      best = row;
      bestNumber = cell;
    }
  }
  return best < 0 ? null : column.value(best);
}
