import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isZodSchema, placeholderFor, toJSONSchema, validateAgainstSchema } from "../src/index.js";

const tripSchema = {
  type: "object",
  properties: {
    city: { type: "string", minLength: 2, pattern: "^[A-Z]" },
    days: { type: "integer", minimum: 1, maximum: 14 },
    budget: { enum: ["low", "high"] },
    stops: { type: "array", items: { $ref: "#/$defs/stop" }, maxItems: 2 },
    note: { anyOf: [{ type: "string" }, { type: "null" }] },
  },
  required: ["city", "days"],
  additionalProperties: false,
  $defs: { stop: { type: "object", properties: { name: { type: "string" } }, required: ["name"] } },
};

describe("JSON Schema validation (the subset documented in the README)", () => {
  it.each([
    [{ city: "Kyoto", days: 3 }, true],
    [{ city: "Kyoto", days: 3, budget: "low", stops: [{ name: "Gion" }], note: null }, true],
    [{ city: "Kyoto" }, false],
    [{ city: "kyoto", days: 3 }, false],
    [{ city: "K", days: 3 }, false],
    [{ city: "Kyoto", days: 2.5 }, false],
    [{ city: "Kyoto", days: 15 }, false],
    [{ city: "Kyoto", days: 3, budget: "medium" }, false],
    [{ city: "Kyoto", days: 3, stops: [{}] }, false],
    [{ city: "Kyoto", days: 3, stops: [{ name: "a" }, { name: "b" }, { name: "c" }] }, false],
    [{ city: "Kyoto", days: 3, note: 4 }, false],
    [{ city: "Kyoto", days: 3, extra: true }, false],
    [[], false],
    [null, false],
  ])("%j is valid: %s", (value, valid) => {
    const result = validateAgainstSchema(value, tripSchema);
    expect(result.success).toBe(valid);
    if (!result.success) expect(result.message).toMatch(/^\$/);
  });

  it("says where the problem is", () => {
    const result = validateAgainstSchema({ city: "Kyoto", days: 3, stops: [{}] }, tripSchema);
    expect(result).toEqual({ success: false, message: '$.stops[0]: missing required property "name"' });
  });

  it("checks oneOf, allOf, const, multipleOf and tuples", () => {
    const oneOf = { oneOf: [{ type: "integer" }, { type: "number", minimum: 0 }] };
    expect(validateAgainstSchema(-1, oneOf).success).toBe(true);
    expect(validateAgainstSchema(1, oneOf).success).toBe(false);
    const allOf = { allOf: [{ type: "number", minimum: 0 }, { multipleOf: 5 }] };
    expect(validateAgainstSchema(10, allOf).success).toBe(true);
    expect(validateAgainstSchema(12, allOf).success).toBe(false);
    expect(validateAgainstSchema("x", { const: "x" }).success).toBe(true);
    expect(validateAgainstSchema("y", { const: "x" }).success).toBe(false);
    const tuple = { type: "array", prefixItems: [{ type: "string" }, { type: "number" }], items: false };
    expect(validateAgainstSchema(["a", 1], tuple).success).toBe(true);
    expect(validateAgainstSchema(["a", 1, 2], tuple).success).toBe(false);
    expect(validateAgainstSchema([1, "a"], tuple).success).toBe(false);
  });

  it("uses zod for zod schemas and returns zod's output (defaults applied)", () => {
    const schema = z.object({ city: z.string(), days: z.number().default(2) });
    expect(isZodSchema(schema)).toBe(true);
    expect(isZodSchema(tripSchema)).toBe(false);
    expect(validateAgainstSchema({ city: "Kyoto" }, schema)).toEqual({
      success: true,
      value: { city: "Kyoto", days: 2 },
    });
    const failure = validateAgainstSchema({ city: 1 }, schema);
    expect(failure.success).toBe(false);
    expect(!failure.success && failure.message).toMatch(/^\$\.city: /);
  });
});

describe("placeholders", () => {
  it("are valid for the trip schema, with recursion cut short", () => {
    const placeholder = placeholderFor(tripSchema);
    expect(validateAgainstSchema(placeholder, tripSchema).success).toBe(true);
    const tree = {
      $ref: "#/$defs/node",
      $defs: {
        node: {
          type: "object",
          properties: { name: { type: "string" }, children: { type: "array", items: { $ref: "#/$defs/node" } } },
          required: ["name", "children"],
        },
      },
    };
    expect(validateAgainstSchema(placeholderFor(tree), tree).success).toBe(true);
  });

  it("come from the input side of a zod schema, so defaults may be left to zod", () => {
    const schema = z.object({ city: z.string(), days: z.number().default(2) });
    const jsonSchema = toJSONSchema(schema);
    expect(jsonSchema.required).toEqual(["city"]);
    expect(schema.safeParse(placeholderFor(jsonSchema)).success).toBe(true);
  });
});
