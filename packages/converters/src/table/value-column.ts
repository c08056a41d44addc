/** A column of Dana values computed by a table method (`group_by`, `with_column`) or decoded from the wire. */
import { DanaFloat, type Value } from "@dana-gateway/lang";
import type { ColumnKind, TableColumn } from "./column.js";

export class ValueColumn implements TableColumn {
  constructor(
    readonly name: string,
    readonly kind: ColumnKind,
    private readonly values: readonly Value[],
    readonly source: unknown = null,
  ) {}

  get length(): number {
    return this.values.length;
  }

  value(row: number): Value {
    return this.values[row] ?? null;
  }

  numberAt(row: number): number | bigint | null {
    const value = this.values[row] ?? null;
    if (value instanceof DanaFloat) return value.value;
    if (typeof value === "number" || typeof value === "bigint") return value;
    if (typeof value === "boolean") return value ? 1 : 0;
    return null;
  }
}

/** The narrowest kind that describes every value (ints widen to float; anything mixed is `any`). */
export function inferKind(values: readonly Value[]): ColumnKind {
  let kind: ColumnKind = "none";
  for (const value of values) {
    const next = kindOf(value);
    if (next === "none" || next === kind) continue;
    if (kind === "none") kind = next;
    else if ((kind === "int" && next === "float") || (kind === "float" && next === "int")) kind = "float";
    else return "any";
  }
  return kind;
}

function kindOf(value: Value): ColumnKind {
  switch (typeof value) {
    case "number":
    case "bigint":
      return "int";
    case "boolean":
      return "bool";
    case "string":
      return "str";
  }
  if (value === null) return "none";
  if (value instanceof DanaFloat) return "float";
  if (value.kind === "list") return "list";
  if (value.kind === "dict") return "dict";
  return "any";
}
