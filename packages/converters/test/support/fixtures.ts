/**
 * The tables the golden programs run against, each built both as an Arrow table and as a danfojs DataFrame with
 * the same columns and values, so every program checks that both become the same Dana table.
 *
 *   sales: 6 rows — city: str, product: str, price: float (one null), units: int
 */
import { Float64, Int64, Table, Utf8, vectorFromArray } from "apache-arrow";
import type { DanfoModule } from "../../src/dataframe/danfo.js";

export const sales = {
  city: ["Lisbon", "Porto", "Lisbon", "Faro", "Porto", "Lisbon"],
  product: ["tea", "tea", "cake", "tea", "cake", "tea"],
  price: [2.5, 3, 4.25, null, 5, 2.5],
  units: [10, 4, 2, 7, 1, 3],
};

export function salesArrow(): Table {
  return new Table({
    city: vectorFromArray(sales.city, new Utf8()),
    product: vectorFromArray(sales.product, new Utf8()),
    price: vectorFromArray(sales.price, new Float64()),
    units: vectorFromArray(sales.units.map(BigInt), new Int64()),
  });
}

export function salesDataFrame(danfo: DanfoModule) {
  return new danfo.DataFrame(
    { city: sales.city, product: sales.product, price: sales.price, units: sales.units },
    { dtypes: ["string", "string", "float32", "int32"] },
  );
}
