/** The Dana table value and its columns, shared by the Arrow and DataFrame plugins. */
export { type AggregationName, aggregate, aggregationNames } from "./aggregate.js";
export type { ColumnKind, TableColumn } from "./column.js";
export { columnValues, DanaColumn } from "./dana-column.js";
export { DanaTable, type TableOrigin } from "./dana-table.js";
export { PlainColumn, type PlainKind, type PlainScalar } from "./plain-column.js";
export { type RowSelection, SelectedColumn } from "./selected-column.js";
export { inferKind, ValueColumn } from "./value-column.js";
