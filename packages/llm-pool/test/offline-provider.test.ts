import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  createOffline,
  LLMAbortError,
  offlineLabel,
  placeholderFor,
  type StreamPart,
  toJSONSchema,
  validateAgainstSchema,
} from "../src/index.js";

const offline = createOffline();

describe("offline provider", () => {
  it("answers deterministically and labels its text", async () => {
    const first = await offline.generate({ prompt: "Plan three days in Kyoto" });
    const second = await offline.generate({ prompt: "Plan three days in Kyoto" });
    expect(first).toEqual(second);
    expect(first.text.startsWith(offlineLabel)).toBe(true);
    expect(first.text).toContain("Plan three days in Kyoto");
    expect(first.model).toBe("offline:default");
    expect(first.usage.inputTokens).toBeGreaterThan(0);
    expect(first.usage.outputTokens).toBeGreaterThan(0);
  });

  it("gives different answers to different prompts", async () => {
    const kyoto = await offline.generate({ prompt: "Kyoto" });
    const lisbon = await offline.generate({ prompt: "Lisbon" });
    expect(kyoto.text).not.toBe(lisbon.text);
  });

  it('honours format: "json" without a schema', async () => {
    const result = await offline.generate({ prompt: "Anything", format: "json" });
    expect(JSON.parse(result.text)).toEqual(result.value);
    expect(result.value).toMatchObject({ offline: true });
  });

  it("returns schema-valid placeholder data for a zod schema, typed through safeParse", async () => {
    const schema = z.object({
      city: z.string().min(2),
      days: z.number().int().min(1).max(14),
      budget: z.enum(["low", "medium", "high"]),
      stops: z.array(z.object({ name: z.string(), nights: z.number().positive() })).min(2),
      notes: z.string().optional(),
      contact: z.email(),
    });
    const result = await offline.generate({ prompt: "Plan", schema });
    expect(schema.safeParse(result.value).success).toBe(true);
    expect((result.value as { city: string }).city).toBe(offlineLabel);
  });

  it("returns schema-valid placeholder data for a JSON Schema", async () => {
    const schema = {
      type: "object",
      properties: {
        name: { type: "string", maxLength: 4 },
        count: { type: "integer", exclusiveMinimum: 5, multipleOf: 3 },
        tags: { type: "array", items: { type: "string" }, minItems: 1 },
        kind: { const: "trip" },
      },
      required: ["name", "count", "tags", "kind"],
      additionalProperties: false,
    };
    const result = await offline.generate({ prompt: "x", schema });
    expect(result.value).toEqual({ name: "[off", count: 6, tags: ["[offline]"], kind: "trip" });
    expect(validateAgainstSchema(result.value, schema)).toEqual({ success: true, value: result.value });
  });

  it("streams the same text in pieces, then text-end and usage", async () => {
    const parts: StreamPart[] = [];
    for await (const part of offline.stream({ prompt: "Kyoto" })) parts.push(part);
    const generated = await offline.generate({ prompt: "Kyoto" });
    const deltas = parts.filter((part) => part.type === "text-delta").map((part) => part.text);
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join("")).toBe(generated.text);
    expect(parts.at(-2)).toEqual({ type: "text-end", text: generated.text });
    expect(parts.at(-1)).toEqual({ type: "usage", usage: generated.usage });
  });

  it("still honours an already aborted signal", async () => {
    const error = await offline
      .generate({ prompt: "x", signal: AbortSignal.abort() })
      .catch((caught: unknown) => caught);
    expect(LLMAbortError.isInstance(error)).toBe(true);
  });

  it("produces schema-valid output for any zod object of primitives, arrays, enums and optionals", async () => {
    const primitive = fc.oneof(
      fc.constant(z.string()),
      fc.constant(z.boolean()),
      fc.constant(z.number()),
      fc.constant(z.null()),
      fc.tuple(fc.nat(20), fc.nat(20)).map(([low, extra]) =>
        z
          .string()
          .min(low)
          .max(low + extra),
      ),
      fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.nat(1000)).map(([low, extra]) =>
        z
          .number()
          .int()
          .min(low)
          .max(low + extra),
      ),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((low) => z.number().gt(low)),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((high) => z.number().lt(high)),
      fc.integer({ min: 1, max: 50 }).map((step) => z.number().int().positive().multipleOf(step)),
      fc
        .uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 5 })
        .map((values) => z.enum(values as [string, ...string[]])),
      fc.constant(z.email()),
      fc.constant(z.uuid()),
      fc.constant(z.iso.datetime()),
      fc.constant(z.url()),
      fc.string({ maxLength: 10 }).map((value) => z.literal(value)),
    );
    const field = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        primitive,
        tie("value").map((inner) => (inner as z.ZodType).optional()),
        tie("value").map((inner) => (inner as z.ZodType).nullable()),
        fc.tuple(tie("value"), fc.nat(3), fc.nat(3)).map(([inner, minimum, extra]) =>
          z
            .array(inner as z.ZodType)
            .min(minimum)
            .max(minimum + extra),
        ),
        fc
          .dictionary(fc.string({ minLength: 1, maxLength: 6 }), tie("value"), { maxKeys: 4 })
          .map((shape) => z.object(shape as Record<string, z.ZodType>)),
      ),
    })).value;
    const objectSchema = fc
      .dictionary(fc.string({ minLength: 1, maxLength: 8 }), field, { minKeys: 1, maxKeys: 6 })
      .map((shape) => z.object(shape as Record<string, z.ZodType>));

    await fc.assert(
      fc.asyncProperty(objectSchema, async (schema) => {
        const result = await offline.generate({ prompt: "p", schema });
        expect(schema.safeParse(JSON.parse(result.text)).success).toBe(true);
        expect(schema.safeParse(result.value).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("generates from the zod schema's JSON Schema, cached per schema", () => {
    const schema = z.object({ when: z.iso.date(), score: z.number().min(10) });
    const jsonSchema = toJSONSchema(schema);
    expect(toJSONSchema(schema)).toBe(jsonSchema);
    expect(placeholderFor(jsonSchema)).toEqual({ when: "2000-01-01", score: 10 });
  });
});
