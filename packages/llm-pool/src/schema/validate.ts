import type { JSONSchema } from "../types.js";
import { isZodSchema } from "./json-schema.js";
import {
  asSchema,
  declaredTypes,
  numberField,
  resolveReference,
  schemaList,
  stringLength,
  typeOfValue,
} from "./schema-walk.js";

export type ValidationResult = { success: true; value: unknown } | { success: false; message: string };

/**
 * Validates with zod when given a zod schema (its parsed output is returned, so
 * defaults and transforms apply), else with a JSON Schema subset: type, enum,
 * const, properties, required, additionalProperties, items, prefixItems,
 * min/maxItems, min/maxLength, pattern, minimum/maximum (exclusive too),
 * multipleOf, anyOf, oneOf, allOf, local $ref. `format` is an annotation, as
 * the JSON Schema spec says by default.
 */
export function validateAgainstSchema(value: unknown, schema: unknown): ValidationResult {
  if (isZodSchema(schema)) {
    const result = schema.safeParse(value);
    if (result.success) return { success: true, value: result.data };
    return { success: false, message: describeZodError(result.error) };
  }
  const root = asSchema(schema) ?? {};
  const problem = check(value, root, root, "$", 0);
  return problem === undefined ? { success: true, value } : { success: false, message: problem };
}

function describeZodError(error: unknown): string {
  const issues = (error as { issues?: { path?: PropertyKey[]; message?: string }[] })?.issues;
  if (!Array.isArray(issues)) return String(error);
  return issues
    .slice(0, 10)
    .map((issue) => `${["$", ...(issue.path ?? []).map(String)].join(".")}: ${issue.message ?? "invalid"}`)
    .join("; ");
}

const maximumDepth = 64;

function typeMatches(value: unknown, type: string): boolean {
  const actual = typeOfValue(value);
  return actual === type || (type === "number" && actual === "integer");
}

/** Returns a message for the first problem found, or undefined when the value is valid. */
function check(value: unknown, schema: JSONSchema, root: JSONSchema, path: string, depth: number): string | undefined {
  if (depth > maximumDepth) return `${path}: schema nests too deeply to check`;
  if (typeof schema.$ref === "string") {
    const target = resolveReference(root, schema.$ref);
    if (!target) return `${path}: cannot resolve $ref ${schema.$ref}`;
    const problem = check(value, target, root, path, depth + 1);
    if (problem) return problem;
  }
  const types = Array.isArray(schema.type) || typeof schema.type === "string" ? declaredTypes(schema) : [];
  if (types.length > 0 && !types.some((type) => typeMatches(value, type))) {
    return `${path}: expected ${types.join(" or ")}, got ${typeOfValue(value)}`;
  }
  if ("const" in schema && JSON.stringify(schema.const) !== JSON.stringify(value)) {
    return `${path}: expected ${JSON.stringify(schema.const)}`;
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((entry) => JSON.stringify(entry) === JSON.stringify(value))) {
    return `${path}: expected one of ${JSON.stringify(schema.enum)}`;
  }
  for (const part of schemaList(schema.allOf)) {
    const problem = check(value, part, root, path, depth + 1);
    if (problem) return problem;
  }
  const anyOf = schemaList(schema.anyOf);
  if (anyOf.length > 0 && !anyOf.some((choice) => check(value, choice, root, path, depth + 1) === undefined)) {
    return `${path}: matches none of the anyOf choices`;
  }
  const oneOf = schemaList(schema.oneOf);
  if (oneOf.length > 0) {
    const matches = oneOf.filter((choice) => check(value, choice, root, path, depth + 1) === undefined).length;
    if (matches !== 1) return `${path}: matches ${matches} of the oneOf choices, expected exactly 1`;
  }
  if (typeof value === "string") return checkString(value, schema, path);
  if (typeof value === "number") return checkNumber(value, schema, path);
  if (Array.isArray(value)) return checkArray(value, schema, root, path, depth);
  if (typeof value === "object" && value !== null) {
    return checkObject(value as Record<string, unknown>, schema, root, path, depth);
  }
  return undefined;
}

function checkString(value: string, schema: JSONSchema, path: string): string | undefined {
  const length = stringLength(value);
  const minimumLength = numberField(schema, "minLength");
  const maximumLength = numberField(schema, "maxLength");
  if (minimumLength !== undefined && length < minimumLength) return `${path}: shorter than ${minimumLength}`;
  if (maximumLength !== undefined && length > maximumLength) return `${path}: longer than ${maximumLength}`;
  if (typeof schema.pattern === "string") {
    let pattern: RegExp | undefined;
    try {
      pattern = new RegExp(schema.pattern, "u");
    } catch {
      pattern = undefined;
    }
    if (pattern && !pattern.test(value)) return `${path}: does not match pattern ${schema.pattern}`;
  }
  return undefined;
}

function checkNumber(value: number, schema: JSONSchema, path: string): string | undefined {
  const minimum = numberField(schema, "minimum");
  const maximum = numberField(schema, "maximum");
  const exclusiveMinimum = numberField(schema, "exclusiveMinimum");
  const exclusiveMaximum = numberField(schema, "exclusiveMaximum");
  const multipleOf = numberField(schema, "multipleOf");
  if (minimum !== undefined && value < minimum) return `${path}: less than ${minimum}`;
  if (maximum !== undefined && value > maximum) return `${path}: greater than ${maximum}`;
  if (exclusiveMinimum !== undefined && value <= exclusiveMinimum)
    return `${path}: not greater than ${exclusiveMinimum}`;
  if (exclusiveMaximum !== undefined && value >= exclusiveMaximum) return `${path}: not less than ${exclusiveMaximum}`;
  if (multipleOf !== undefined && multipleOf > 0) {
    const quotient = value / multipleOf;
    if (Math.abs(quotient - Math.round(quotient)) > 1e-9) return `${path}: not a multiple of ${multipleOf}`;
  }
  return undefined;
}

function checkArray(
  value: unknown[],
  schema: JSONSchema,
  root: JSONSchema,
  path: string,
  depth: number,
): string | undefined {
  const minimumItems = numberField(schema, "minItems");
  const maximumItems = numberField(schema, "maxItems");
  if (minimumItems !== undefined && value.length < minimumItems) return `${path}: fewer than ${minimumItems} items`;
  if (maximumItems !== undefined && value.length > maximumItems) return `${path}: more than ${maximumItems} items`;
  const prefix = schemaList(schema.prefixItems);
  for (let index = 0; index < value.length; index++) {
    const itemPath = `${path}[${index}]`;
    if (index < prefix.length) {
      const problem = check(value[index], prefix[index]!, root, itemPath, depth + 1);
      if (problem) return problem;
      continue;
    }
    if (schema.items === false) return `${itemPath}: no items allowed beyond the first ${prefix.length}`;
    const items = asSchema(schema.items);
    if (items) {
      const problem = check(value[index], items, root, itemPath, depth + 1);
      if (problem) return problem;
    }
  }
  return undefined;
}

function checkObject(
  value: Record<string, unknown>,
  schema: JSONSchema,
  root: JSONSchema,
  path: string,
  depth: number,
): string | undefined {
  const properties = asSchema(schema.properties) ?? {};
  if (Array.isArray(schema.required)) {
    for (const name of schema.required) {
      if (!Object.hasOwn(value, String(name))) return `${path}: missing required property "${String(name)}"`;
    }
  }
  for (const [name, propertyValue] of Object.entries(value)) {
    const propertySchema = asSchema(properties[name]);
    const propertyPath = `${path}.${name}`;
    if (propertySchema) {
      const problem = check(propertyValue, propertySchema, root, propertyPath, depth + 1);
      if (problem) return problem;
    } else if (schema.additionalProperties === false) {
      return `${propertyPath}: property not allowed`;
    } else {
      const additional = asSchema(schema.additionalProperties);
      if (additional) {
        const problem = check(propertyValue, additional, root, propertyPath, depth + 1);
        if (problem) return problem;
      }
    }
  }
  return undefined;
}
