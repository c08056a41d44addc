/**
 * The Arrow `TypeConverter`: Arrow Tables and RecordBatches enter Dana as table values (views, nothing
 * copied); tables made from Arrow data come back as Arrow Tables (the same object when unchanged).
 */

import { DanaType, TypeConversionError, type TypeConverter } from "@dana-gateway/core";
import type { Value } from "@dana-gateway/lang";
import { RecordBatch, Table } from "apache-arrow";
import { DanaTable } from "../table/index.js";
import { CellConversionError } from "./arrow-cells.js";
import { arrowPlugin, fromArrow, UnsupportedArrowTypeError } from "./from-arrow.js";
import { toArrow } from "./to-arrow.js";

export const arrowConverterName = "@dana-gateway/converters/arrow";

export const arrowConverter: TypeConverter<Table | RecordBatch> = {
  name: arrowConverterName,
  danaType: DanaType.Native,
  matches: (value: unknown): value is Table | RecordBatch => value instanceof Table || value instanceof RecordBatch,
  toDana(value, scope) {
    try {
      return fromArrow(value);
    } catch (error) {
      if (error instanceof UnsupportedArrowTypeError) throw new TypeConversionError(scope.path(), error.message);
      throw error;
    }
  },
  matchesDana: (value: Value) => value instanceof DanaTable && value.origin.plugin === arrowPlugin,
  fromDana(value, scope) {
    try {
      return toArrow(value as DanaTable);
    } catch (error) {
      if (error instanceof CellConversionError) throw new TypeConversionError(scope.path(), error.message);
      throw error;
    }
  },
};
