/**
 * Canonical JSON for cache keys: object keys sorted at every level, so `{a, b}` and `{b, a}` are one key.
 * Values JSON cannot hold exactly are spelled so they stay distinct: bigint as "123n", NaN/±Infinity and -0
 * as strings, Map/Set as tagged arrays, undefined members dropped (as JSON.stringify does).
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      if (Number.isFinite(value)) return Object.is(value, -0) ? '"-0"' : String(value);
      return JSON.stringify(String(value));
    case "boolean":
      return value ? "true" : "false";
    case "bigint":
      return JSON.stringify(`${value}n`);
    case "undefined":
    case "function":
    case "symbol":
      return "null";
  }
  if (value === null) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value instanceof Map) return `{"$map":${canonicalJson([...value])}}`;
  if (value instanceof Set) return `{"$set":${canonicalJson([...value])}}`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let text = "{";
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    if (text.length > 1) text += ",";
    text += `${JSON.stringify(key)}:${canonicalJson(item)}`;
  }
  return `${text}}`;
}
