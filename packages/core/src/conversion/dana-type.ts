/** The Dana types a JavaScript value can become, used by converters and in messages. */
import { DanaFloat, type Value } from "@dana-gateway/lang";

export enum DanaType {
  None = "None",
  Bool = "bool",
  Int = "int",
  Float = "float",
  Str = "str",
  List = "list",
  Tuple = "tuple",
  Dict = "dict",
  Set = "set",
  Struct = "struct",
  Function = "function",
  Module = "module",
  /** A host-provided value type (`DanaNativeObject`), e.g. the converters package's tables. */
  Native = "native",
}

export function danaTypeOf(value: Value): DanaType | string {
  switch (typeof value) {
    case "boolean":
      return DanaType.Bool;
    case "number":
    case "bigint":
      return DanaType.Int;
    case "string":
      return DanaType.Str;
  }
  if (value === null) return DanaType.None;
  if (value instanceof DanaFloat) return DanaType.Float;
  switch (value.kind) {
    case "list":
      return DanaType.List;
    case "tuple":
      return DanaType.Tuple;
    case "dict":
      return DanaType.Dict;
    case "set":
      return DanaType.Set;
    case "struct":
      return DanaType.Struct;
    case "module":
      return DanaType.Module;
    case "native":
      return DanaType.Native;
    default:
      return "parameterNames" in value ? DanaType.Function : value.kind;
  }
}
