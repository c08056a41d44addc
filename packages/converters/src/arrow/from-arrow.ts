/**
 * An Arrow Table or RecordBatch → a Dana table: one `ArrowColumn` view per field, nothing copied (well under a
 * microsecond per column). Fields whose type has no Dana equivalent are rejected here, before Dana runs.
 */
import { type RecordBatch, Table } from "apache-arrow";
import { DanaTable, type TableOrigin } from "../table/index.js";
import { ArrowColumn } from "./arrow-column.js";
import { columnKindOf } from "./arrow-types.js";

export const arrowPlugin = "arrow";

export class UnsupportedArrowTypeError extends Error {
  override readonly name = "UnsupportedArrowTypeError";
  constructor(
    readonly column: string,
    readonly arrowType: string,
  ) {
    super(
      `column '${column}' has the Arrow type ${arrowType}, which has no Dana equivalent ` +
        "(supported: ints, floats, bool, utf8, dictionary of utf8/numbers, date, timestamp, list, struct, null)",
    );
  }
}

export function fromArrow(input: Table | RecordBatch): DanaTable {
  const table = input instanceof Table ? input : new Table(input);
  const fields = table.schema.fields;
  const columns = fields.map((field, index) => {
    const kind = columnKindOf(field.type);
    if (kind === undefined) throw new UnsupportedArrowTypeError(field.name, String(field.type));
    return new ArrowColumn(field, table.getChildAt(index)!, kind);
  });
  const origin: TableOrigin = { plugin: arrowPlugin, metadata: schemaMetadata(table) };
  return new DanaTable(columns, table.numRows, origin, null, input);
}

/** Schema metadata as entries (a plain, cloneable form), or undefined when there is none. */
function schemaMetadata(table: Table): readonly (readonly [string, string])[] | undefined {
  const metadata = table.schema.metadata;
  return metadata.size === 0 ? undefined : [...metadata];
}
