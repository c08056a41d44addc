/**
 * The danfojs `TypeConverter`: DataFrames enter Dana as table values (their columns read in place); tables made
 * from DataFrames come back as DataFrames (the same object when unchanged).
 */
import { DanaType, TypeConversionError, type TypeConverter } from "@dana-gateway/core";
import type { Value } from "@dana-gateway/lang";
import { DanaTable } from "../table/index.js";
import type { DanfoDataFrame, DanfoModule } from "./danfo.js";
import { dataFramePlugin, fromDataFrame, UnsupportedDtypeError } from "./from-dataframe.js";
import { DataFrameCellError, toDataFrame } from "./to-dataframe.js";

export const dataFrameConverterName = "@dana-gateway/converters/dataframe";

export function createDataFrameConverter(danfo: DanfoModule): TypeConverter<DanfoDataFrame> {
  return {
    name: dataFrameConverterName,
    danaType: DanaType.Native,
    matches: (value: unknown): value is DanfoDataFrame => value instanceof danfo.DataFrame,
    toDana(value, scope) {
      try {
        return fromDataFrame(value);
      } catch (error) {
        if (error instanceof UnsupportedDtypeError) throw new TypeConversionError(scope.path(), error.message);
        throw error;
      }
    },
    matchesDana: (value: Value) => value instanceof DanaTable && value.origin.plugin === dataFramePlugin,
    fromDana(value, scope) {
      try {
        return toDataFrame(value as DanaTable, danfo);
      } catch (error) {
        if (error instanceof DataFrameCellError) throw new TypeConversionError(scope.path(), error.message);
        throw error;
      }
    },
  };
}
