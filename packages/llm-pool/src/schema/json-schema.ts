import { LLMConfigurationError } from "../errors.js";
import type { JSONSchema, ZodLikeSchema } from "../types.js";

/** Duck typing keeps zod an optional peer: no import unless the caller already passed a zod schema. */
export function isZodSchema(schema: unknown): schema is ZodLikeSchema {
  return (
    typeof schema === "object" && schema !== null && typeof (schema as { safeParse?: unknown }).safeParse === "function"
  );
}

interface ZodWithJSONSchema {
  toJSONSchema?: (parameters?: Record<string, unknown>) => unknown;
  "~standard"?: { jsonSchema?: { input?: (options: { target: string }) => unknown } };
}

/**
 * Parameters for zod's converter. `io: "input"` because the model produces the
 * *input* of `safeParse` (fields with defaults may be left out); `unrepresentable:
 * "any"` so a transform somewhere does not make the whole call fail.
 */
const zodParameters = { io: "input", unrepresentable: "any", target: "draft-2020-12" };

const cache = new WeakMap<object, JSONSchema>();

/**
 * JSON Schema for a zod 4 schema (or the JSON Schema itself, unchanged).
 * Uses the schema's own `toJSONSchema()` (zod >= 4.2) or its Standard JSON
 * Schema interface, so zod is never imported here.
 */
export function toJSONSchema(schema: ZodLikeSchema | JSONSchema | import("zod").ZodType): JSONSchema {
  if (!isZodSchema(schema)) return schema as JSONSchema;
  const cached = cache.get(schema);
  if (cached) return cached;
  const zod = schema as unknown as ZodWithJSONSchema;
  let converted: unknown;
  if (typeof zod.toJSONSchema === "function") {
    converted = zod.toJSONSchema(zodParameters);
  } else if (typeof zod["~standard"]?.jsonSchema?.input === "function") {
    converted = zod["~standard"].jsonSchema.input({ target: "draft-2020-12" });
  } else {
    throw new LLMConfigurationError({
      option: "schema",
      message:
        "This zod schema cannot be converted to JSON Schema (zod >= 4.2 is needed for schema.toJSONSchema()). Upgrade zod, or pass a JSON Schema object as `schema`.",
    });
  }
  const result = converted as JSONSchema;
  cache.set(schema, result);
  return result;
}

/** Like {@link toJSONSchema}, falling back to `z.toJSONSchema` from a lazily imported zod (zod 4.0 and 4.1). */
export async function resolveJSONSchema(schema: ZodLikeSchema | JSONSchema): Promise<JSONSchema> {
  try {
    return toJSONSchema(schema);
  } catch (error) {
    if (!isZodSchema(schema)) throw error;
    const zod = (await import("zod").catch(() => undefined)) as
      | { toJSONSchema?: (schema: unknown, parameters: unknown) => unknown }
      | undefined;
    if (typeof zod?.toJSONSchema !== "function") throw error;
    const converted = zod.toJSONSchema(schema, zodParameters) as JSONSchema;
    cache.set(schema, converted);
    return converted;
  }
}
