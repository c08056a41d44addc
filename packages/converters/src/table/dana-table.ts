/**
 * The Dana table: a first-class, read-only value over columns (Arrow vectors or plain arrays), reachable from
 * Dana only through the members below — never by JavaScript property lookup. See the package README for the
 * API in spec form. Methods that change shape return a new table whose columns are views where possible.
 */
import {
  DanaDict,
  DanaException,
  DanaList,
  DanaNativeObject,
  DanaTuple,
  type KeywordArguments,
  repr,
  type Value,
} from "@dana-gateway/lang";
import type { TableColumn } from "./column.js";
import { columnValues, DanaColumn } from "./dana-column.js";
import { rowNumber } from "./row-number.js";
import { callTableMethod } from "./table-methods.js";

/** Which plugin made a table; its converter turns the table, and every table derived from it, back. */
export interface TableOrigin {
  readonly plugin: string;
  /** Plugin data carried to derived tables (e.g. Arrow schema metadata); must survive `structuredClone`. */
  readonly metadata?: unknown;
}

export class DanaTable extends DanaNativeObject {
  readonly typeName = "Table";
  private byName: Map<string, TableColumn> | null = null;

  constructor(
    readonly columns: readonly TableColumn[],
    readonly rowCount: number,
    readonly origin: TableOrigin,
    /** Row labels (a DataFrame's index); null means 0 … rowCount-1. */
    readonly index: TableColumn | null = null,
    /** The JavaScript object this table was made from, returned as is when the table comes back unchanged. */
    readonly original: object | null = null,
  ) {
    super();
    for (const column of columns) {
      if (column.length !== rowCount) {
        throw new DanaException(
          "ValueError",
          `column '${column.name}' has ${column.length} rows, expected ${rowCount}`,
        );
      }
    }
  }

  /** The first column with this name. */
  column(name: string): TableColumn | undefined {
    if (this.byName === null) {
      this.byName = new Map();
      for (const column of this.columns) if (!this.byName.has(column.name)) this.byName.set(column.name, column);
    }
    return this.byName.get(name);
  }

  /** The column, or a Dana KeyError naming the columns there are. */
  requireColumn(name: string): TableColumn {
    const column = this.column(name);
    if (column === undefined) {
      throw new DanaException(
        "KeyError",
        `${repr(name)} (columns: ${this.columns.map((item) => item.name).join(", ")})`,
      );
    }
    return column;
  }

  /** Row `row` as a dict of column name → value. */
  row(row: number): DanaDict {
    const dict = new DanaDict();
    for (const column of this.columns) if (!dict.has(column.name)) dict.set(column.name, column.value(row));
    return dict;
  }

  getAttribute(name: string): Value | undefined {
    switch (name) {
      case "columns":
        return new DanaList(this.columns.map((column) => column.name));
      case "dtypes": {
        const dict = new DanaDict();
        for (const column of this.columns) if (!dict.has(column.name)) dict.set(column.name, column.kind);
        return dict;
      }
      case "shape":
        return new DanaTuple([this.rowCount, this.columns.length]);
      case "index":
        if (this.index !== null) return new DanaList(columnValues(this.index));
        return new DanaList(Array.from({ length: this.rowCount }, (_, row) => row));
    }
    return undefined;
  }

  callMethod(name: string, positional: readonly Value[], keywords: KeywordArguments): Value | undefined {
    return callTableMethod(this, name, positional, keywords);
  }

  override getItem(key: Value): Value | undefined {
    if (typeof key === "string") return new DanaColumn(this.requireColumn(key));
    if (typeof key === "number") return this.row(rowNumber(key, this.rowCount, "table"));
    return undefined;
  }

  override length(): number {
    return this.rowCount;
  }

  override iterate(): Iterator<Value> {
    return rowIterator(this);
  }

  repr(): string {
    const columns = this.columns.map((column) => `${column.name}: ${column.kind}`).join(", ");
    return `Table(${this.rowCount} rows × ${this.columns.length} columns: ${columns})`;
  }
}

function* rowIterator(table: DanaTable): Generator<Value> {
  for (let row = 0; row < table.rowCount; row++) yield table.row(row);
}
