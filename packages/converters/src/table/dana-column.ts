/**
 * `t["price"]` in Dana: a read-only, list-like view of one column. `len(c)`, `c[i]` (negative from the end),
 * `for x in c`, `x in c`, and `c.sum()`, `c.mean()`, `c.min()`, `c.max()`, `c.count()`, `c.unique()`,
 * `c.to_list()`; attributes `c.name`, `c.dtype`. Nothing is copied until `to_list()` or `unique()`.
 */
import { DanaList, DanaNativeObject, DanaSet, type KeywordArguments, repr, type Value } from "@dana-gateway/lang";
import { type AggregationName, aggregate, aggregationNames } from "./aggregate.js";
import { MethodArguments } from "./arguments.js";
import type { TableColumn } from "./column.js";
import { rowNumber } from "./row-number.js";

const previewCells = 5;

export class DanaColumn extends DanaNativeObject {
  readonly typeName = "Column";

  constructor(readonly column: TableColumn) {
    super();
  }

  getAttribute(name: string): Value | undefined {
    if (name === "name") return this.column.name;
    if (name === "dtype") return this.column.kind;
    return undefined;
  }

  callMethod(name: string, positional: readonly Value[], keywords: KeywordArguments): Value | undefined {
    if ((aggregationNames as readonly string[]).includes(name)) {
      new MethodArguments(`Column.${name}`, positional, keywords, []);
      return aggregate(this.column, name as AggregationName);
    }
    if (name === "to_list") {
      new MethodArguments("Column.to_list", positional, keywords, []);
      return new DanaList(columnValues(this.column));
    }
    if (name === "unique") {
      new MethodArguments("Column.unique", positional, keywords, []);
      const seen = new DanaSet();
      for (let row = 0; row < this.column.length; row++) seen.add(this.column.value(row));
      return new DanaList([...seen]);
    }
    return undefined;
  }

  override getItem(key: Value): Value | undefined {
    if (typeof key !== "number") return undefined;
    return this.column.value(rowNumber(key, this.column.length, "column"));
  }

  override length(): number {
    return this.column.length;
  }

  override iterate(): Iterator<Value> {
    return columnIterator(this.column);
  }

  repr(): string {
    const shown: string[] = [];
    for (let row = 0; row < Math.min(previewCells, this.column.length); row++) shown.push(repr(this.column.value(row)));
    if (this.column.length > previewCells) shown.push("…");
    return `Column(${repr(this.column.name)}, ${this.column.kind}, ${this.column.length} rows: [${shown.join(", ")}])`;
  }
}

export function columnValues(column: TableColumn): Value[] {
  const values: Value[] = new Array(column.length);
  for (let row = 0; row < column.length; row++) values[row] = column.value(row);
  return values;
}

function* columnIterator(column: TableColumn): Generator<Value> {
  for (let row = 0; row < column.length; row++) yield column.value(row);
}
