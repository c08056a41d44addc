/**
 * Which Arrow types have a Dana equivalent, and as which column kind. Everything else (decimals, binary,
 * intervals, durations, times of day, maps, unions) is rejected when the table enters Dana, naming the column.
 */
import { type DataType, Type } from "apache-arrow";
import type { ColumnKind } from "../table/index.js";

export function columnKindOf(type: DataType): ColumnKind | undefined {
  switch (type.typeId) {
    case Type.Null:
      return "none";
    case Type.Int:
      return "int";
    case Type.Float:
      return "float";
    case Type.Bool:
      return "bool";
    case Type.Utf8:
    case Type.LargeUtf8:
      return "str";
    case Type.Date:
      return "date";
    case Type.Timestamp:
      return "timestamp";
    case Type.List:
    case Type.FixedSizeList:
      return childrenSupported(type) ? "list" : undefined;
    case Type.Struct:
      return childrenSupported(type) ? "dict" : undefined;
    case Type.Dictionary: {
      const values = (type as DataType & { dictionary: DataType }).dictionary;
      const kind = columnKindOf(values);
      return kind === "str" || kind === "int" || kind === "float" ? kind : undefined;
    }
  }
  if ((Type as unknown as Record<string, number>).LargeList === type.typeId) {
    return childrenSupported(type) ? "list" : undefined;
  }
  return undefined;
}

function childrenSupported(type: DataType): boolean {
  return (type.children ?? []).every((child) => columnKindOf(child.type) !== undefined);
}
