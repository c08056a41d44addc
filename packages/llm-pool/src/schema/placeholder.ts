import type { JSONSchema } from "../types.js";
import { asSchema, declaredTypes, numberField, resolveReference, schemaList, stringLength } from "./schema-walk.js";

/**
 * Deterministic, schema-valid placeholder data for the offline provider.
 * Strings say "[offline]" wherever their constraints allow, so placeholder
 * data is recognisable in any output it reaches.
 *
 * Limits: a `pattern` is honoured only if one of a few candidate strings
 * matches it; `uniqueItems`, `not` and `if/then/else` are ignored. The caller
 * validates the result, so an unsatisfied constraint surfaces as an error
 * instead of as silently invalid data.
 */
export function placeholderFor(schema: JSONSchema): unknown {
  return generate(schema, schema, 0);
}

const maximumDepth = 24;
/** Below this depth optional parts (optional properties, a first array element) are left out, so recursive schemas end. */
const optionalPartsDepth = 4;

const formatExamples: Record<string, string> = {
  email: "offline@example.com",
  uuid: "00000000-0000-4000-8000-000000000000",
  "date-time": "2000-01-01T00:00:00Z",
  date: "2000-01-01",
  time: "00:00:00",
  duration: "P1D",
  uri: "https://example.com/offline",
  url: "https://example.com/offline",
  "uri-reference": "https://example.com/offline",
  hostname: "example.com",
  ipv4: "127.0.0.1",
  ipv6: "::1",
};

function generate(schema: JSONSchema, root: JSONSchema, depth: number): unknown {
  if (depth > maximumDepth) return null;
  if (typeof schema.$ref === "string") {
    const target = resolveReference(root, schema.$ref);
    return target ? generate(target, root, depth + 1) : null;
  }
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  const choices = [...schemaList(schema.anyOf), ...schemaList(schema.oneOf)];
  if (choices.length > 0) {
    // A non-null branch gives more useful placeholder data than `null`.
    const preferred = choices.find((choice) => choice.type !== "null") ?? choices[0]!;
    return generate({ ...withoutKeys(schema, ["anyOf", "oneOf"]), ...preferred }, root, depth + 1);
  }
  const parts = schemaList(schema.allOf);
  if (parts.length > 0) return generate(mergeAll(withoutKeys(schema, ["allOf"]), parts), root, depth + 1);

  const types = declaredTypes(schema);
  const type = types.find((candidate) => candidate !== "null") ?? types[0];
  switch (type) {
    case "string":
      return placeholderString(schema);
    case "integer":
      return placeholderNumber(schema, true);
    case "number":
      return placeholderNumber(schema, false);
    case "boolean":
      return false;
    case "array":
      return placeholderArray(schema, root, depth);
    case "object":
      return placeholderObject(schema, root, depth);
    default:
      return null;
  }
}

function withoutKeys(schema: JSONSchema, keys: string[]): JSONSchema {
  const copy: JSONSchema = { ...schema };
  for (const key of keys) delete copy[key];
  return copy;
}

function mergeAll(base: JSONSchema, parts: JSONSchema[]): JSONSchema {
  const merged: JSONSchema = { ...base };
  for (const part of parts) {
    const properties = { ...(asSchema(merged.properties) ?? {}), ...(asSchema(part.properties) ?? {}) };
    const required = [
      ...(Array.isArray(merged.required) ? merged.required : []),
      ...(Array.isArray(part.required) ? part.required : []),
    ];
    Object.assign(merged, part, { properties, required });
  }
  return merged;
}

function placeholderString(schema: JSONSchema): string {
  const format = typeof schema.format === "string" ? formatExamples[schema.format] : undefined;
  const minimumLength = numberField(schema, "minLength") ?? 0;
  const maximumLength = numberField(schema, "maxLength") ?? Number.POSITIVE_INFINITY;
  const pattern = typeof schema.pattern === "string" ? compilePattern(schema.pattern) : undefined;
  const candidates = [format, "[offline]", "offline", "x", "a", "A", "0", "", "-", "a0"].filter(
    (candidate): candidate is string => candidate !== undefined,
  );
  const fitted = candidates.map((candidate) => fitLength(candidate, minimumLength, maximumLength));
  return fitted.find((candidate) => pattern === undefined || pattern.test(candidate)) ?? fitted[0]!;
}

function fitLength(text: string, minimumLength: number, maximumLength: number): string {
  const characters = [...text];
  if (characters.length > maximumLength) return characters.slice(0, maximumLength).join("");
  if (stringLength(text) < minimumLength) return text + "x".repeat(minimumLength - characters.length);
  return text;
}

function compilePattern(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, "u");
  } catch {
    return undefined;
  }
}

function placeholderNumber(schema: JSONSchema, integer: boolean): number {
  const minimum = numberField(schema, "minimum");
  const maximum = numberField(schema, "maximum");
  const exclusiveMinimum = numberField(schema, "exclusiveMinimum");
  const exclusiveMaximum = numberField(schema, "exclusiveMaximum");
  const step = numberField(schema, "multipleOf") ?? (integer ? 1 : undefined);
  const fits = (value: number) =>
    (minimum === undefined || value >= minimum) &&
    (maximum === undefined || value <= maximum) &&
    (exclusiveMinimum === undefined || value > exclusiveMinimum) &&
    (exclusiveMaximum === undefined || value < exclusiveMaximum);
  if (fits(0)) return 0;
  const lower = Math.max(minimum ?? Number.NEGATIVE_INFINITY, exclusiveMinimum ?? Number.NEGATIVE_INFINITY);
  const upper = Math.min(maximum ?? Number.POSITIVE_INFINITY, exclusiveMaximum ?? Number.POSITIVE_INFINITY);
  if (step !== undefined && step > 0) {
    // Smallest multiple at or above the lower bound (0 is outside, so a bound exists on one side).
    const fromBelow = Number.isFinite(lower) ? Math.ceil(lower / step) * step : Math.floor(upper / step) * step;
    for (const candidate of [fromBelow, fromBelow + step, fromBelow - step]) {
      if (fits(candidate)) return candidate;
    }
    return fromBelow;
  }
  if (Number.isFinite(lower) && Number.isFinite(upper)) return (lower + upper) / 2;
  if (Number.isFinite(lower)) return minimum !== undefined && minimum >= lower ? minimum : lower + 1;
  return maximum !== undefined && maximum <= upper ? maximum : upper - 1;
}

function placeholderArray(schema: JSONSchema, root: JSONSchema, depth: number): unknown[] {
  const prefix = schemaList(schema.prefixItems);
  const items = schema.items === false ? undefined : asSchema(schema.items);
  const minimumItems = numberField(schema, "minItems") ?? 0;
  const maximumItems = numberField(schema, "maxItems") ?? Number.POSITIVE_INFINITY;
  // One element when allowed: an empty list hides the element shape from whoever reads the placeholder.
  const wanted = Math.max(minimumItems, prefix.length, items && depth < optionalPartsDepth ? 1 : 0);
  const count = Math.min(wanted, maximumItems);
  const result: unknown[] = [];
  for (let index = 0; index < count; index++) {
    const itemSchema = prefix[index] ?? items ?? {};
    result.push(generate(itemSchema, root, depth + 1));
  }
  return result;
}

function placeholderObject(schema: JSONSchema, root: JSONSchema, depth: number): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const properties = asSchema(schema.properties) ?? {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  for (const [name, propertySchema] of Object.entries(properties)) {
    const child = asSchema(propertySchema);
    // Optional properties are filled too near the top, where they show the full shape.
    if (child === undefined) continue;
    if (!required.has(name) && depth >= optionalPartsDepth) continue;
    result[name] = generate(child, root, depth + 1);
  }
  for (const name of required) {
    if (!(name in result)) result[name] = null;
  }
  return result;
}
