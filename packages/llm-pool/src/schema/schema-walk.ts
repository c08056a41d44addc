import type { JSONSchema } from "../types.js";

/** Shared by the placeholder generator and the validator: tiny helpers over JSON Schema nodes. */

export function asSchema(value: unknown): JSONSchema | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JSONSchema) : undefined;
}

export function schemaList(value: unknown): JSONSchema[] {
  return Array.isArray(value) ? value.map(asSchema).filter((schema) => schema !== undefined) : [];
}

export function numberField(schema: JSONSchema, name: string): number | undefined {
  const value = schema[name];
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** `"#"`, `"#/$defs/Name"`, `"#/definitions/Name"`: the local references zod and most tools emit. */
export function resolveReference(root: JSONSchema, reference: string): JSONSchema | undefined {
  if (!reference.startsWith("#")) return undefined;
  const path = reference
    .slice(1)
    .split("/")
    .filter((segment) => segment !== "")
    .map((segment) => decodeURIComponent(segment).replaceAll("~1", "/").replaceAll("~0", "~"));
  let node: unknown = root;
  for (const segment of path) {
    node = asSchema(node)?.[segment];
  }
  return asSchema(node);
}

/** The declared types of a node, inferring object/array from `properties`/`items` when `type` is absent. */
export function declaredTypes(schema: JSONSchema): string[] {
  const type = schema.type;
  if (typeof type === "string") return [type];
  if (Array.isArray(type)) return type.filter((entry): entry is string => typeof entry === "string");
  if (schema.properties !== undefined || schema.required !== undefined) return ["object"];
  if (schema.items !== undefined || schema.prefixItems !== undefined) return ["array"];
  return [];
}

export function typeOfValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

export function stringLength(value: string): number {
  let length = 0;
  for (const _ of value) length++;
  return length;
}
