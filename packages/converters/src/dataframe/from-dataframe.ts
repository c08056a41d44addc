/**
 * A danfojs DataFrame → a Dana table, reading danfojs's column-major data in place (no copy). dtypes map to
 * column types: int32 → int, float32 → float, string → str, boolean → bool; the index is kept as row labels.
 */
import { DanaTable, PlainColumn, type PlainKind, type PlainScalar } from "../table/index.js";
import type { DanfoDataFrame } from "./danfo.js";

export const dataFramePlugin = "dataframe";

const kindsByDtype: Readonly<Record<string, PlainKind>> = Object.assign(Object.create(null), {
  int32: "int",
  float32: "float",
  string: "str",
  boolean: "bool",
});

export class UnsupportedDtypeError extends Error {
  override readonly name = "UnsupportedDtypeError";
}

export function fromDataFrame(frame: DanfoDataFrame): DanaTable {
  const names = frame.columns;
  const dtypes = frame.dtypes;
  const rowCount = frame.shape[0] ?? 0;
  const data = names.length === 0 ? [] : frame.getColumnData;
  const columns = names.map((name, index) => {
    const dtype = dtypes[index] as string;
    const kind = kindsByDtype[dtype];
    if (kind === undefined) {
      throw new UnsupportedDtypeError(`column '${name}' has the dtype '${dtype}', which has no Dana equivalent`);
    }
    return new PlainColumn(name, kind, data[index] as PlainScalar[], dtype);
  });
  const labels = frame.index as PlainScalar[];
  const index = new PlainColumn("index", labelKind(labels), labels);
  return new DanaTable(columns, rowCount, { plugin: dataFramePlugin }, index, frame);
}

function labelKind(labels: readonly PlainScalar[]): PlainKind {
  if (labels.every((label) => typeof label === "number" && Number.isInteger(label))) return "int";
  if (labels.every((label) => typeof label === "number")) return "float";
  return "str";
}
