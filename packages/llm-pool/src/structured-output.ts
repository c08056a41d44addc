import { validateAgainstSchema } from "./schema/validate.js";
import type { JSONSchema } from "./types.js";

/**
 * Both APIs are asked for JSON in words as well as by their JSON mode (where
 * there is one): OpenAI's `json_object` mode requires the word "JSON" in the
 * messages, and Anthropic and many local servers have no JSON mode at all.
 */
export function jsonInstructions(jsonSchema: JSONSchema | undefined): string {
  const base = "Respond with a single JSON value and nothing else: no prose, no Markdown code fences.";
  return jsonSchema === undefined
    ? base
    : `${base} The JSON must conform to this JSON Schema:\n${JSON.stringify(jsonSchema)}`;
}

export function repairInstructions(problem: string): string {
  return `Your previous answer was not valid: ${problem}\nReply again with only the corrected JSON value.`;
}

export type ParseOutcome = { success: true; value: unknown } | { success: false; problem: string };

/** Models wrap JSON in code fences or a sentence despite instructions; take the JSON out before judging it. */
function extractJSON(text: string): string {
  const trimmed = text.trim();
  const fenced = /^```(?:json)?\s*([\s\S]*?)\s*```$/i.exec(trimmed);
  if (fenced) return fenced[1]!;
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) return trimmed;
  const start = trimmed.search(/[[{]/);
  const end = Math.max(trimmed.lastIndexOf("}"), trimmed.lastIndexOf("]"));
  return start !== -1 && end > start ? trimmed.slice(start, end + 1) : trimmed;
}

/** Parses the answer as JSON and validates it against the schema (zod or JSON Schema) when there is one. */
export function parseStructuredOutput(text: string, schema: unknown): ParseOutcome {
  let parsed: unknown;
  try {
    parsed = JSON.parse(extractJSON(text));
  } catch (error) {
    return { success: false, problem: `it is not valid JSON (${(error as Error).message}).` };
  }
  if (schema === undefined) return { success: true, value: parsed };
  const validation = validateAgainstSchema(parsed, schema);
  return validation.success
    ? { success: true, value: validation.value }
    : { success: false, problem: `it does not match the schema (${validation.message}).` };
}
