/**
 * Request and response schemas (zod 4). The handlers validate with them and `openapi.ts` documents them,
 * so the API and its documentation cannot drift apart.
 */
import { z } from "zod";
import "zod-openapi";

/** Cities in the bundled dataset (`data/attractions.json`; a test keeps the two in step). */
export const destinations = [
  "Lisbon",
  "Paris",
  "Rome",
  "Barcelona",
  "Kyoto",
  "New York",
  "Mexico City",
  "Cape Town",
] as const;
export const travelerTypes = ["solo", "couple", "family", "friends", "business"] as const;
export const budgetRanges = ["budget", "moderate", "luxury"] as const;
export const interestTags = [
  "history",
  "culture",
  "art",
  "architecture",
  "food",
  "nature",
  "adventure",
  "relaxation",
  "beach",
  "shopping",
  "nightlife",
  "music",
  "photography",
  "family",
] as const;

export const TripRequestSchema = z
  .object({
    destination: z.enum(destinations).meta({ description: "A city of the bundled dataset", example: "Lisbon" }),
    start_date: z.iso.date().meta({ description: "First day of the trip (ISO 8601 date)", example: "2026-05-04" }),
    duration_days: z.number().int().min(1).max(30).meta({ description: "Number of days, 1 to 30", example: 3 }),
    traveler_type: z.enum(travelerTypes).meta({ example: "couple" }),
    budget_range: z.enum(budgetRanges).meta({ example: "moderate" }),
    interests: z
      .array(z.enum(interestTags))
      .min(1)
      .max(8)
      .transform((tags) => [...new Set(tags)])
      .meta({ description: "What the travellers enjoy (duplicates are dropped)", example: ["history", "food"] }),
  })
  .meta({ id: "TripRequest" });
export type TripRequest = z.output<typeof TripRequestSchema>;

export const ActivitySchema = z
  .object({
    name: z.string(),
    start: z.string().meta({ description: "Local start time, HH:MM", example: "09:00" }),
    kind: z.enum(["attraction", "restaurant", "free"]),
    indoor: z.boolean(),
    cost: z.number().meta({ description: "Estimated cost for the whole party, USD" }),
  })
  .meta({ id: "Activity" });

export const WeatherSchema = z
  .object({
    city: z.string(),
    date: z.string(),
    condition: z.enum(["sunny", "cloudy", "rain"]),
    high_c: z.number(),
    low_c: z.number(),
    synthetic: z.boolean().meta({ description: "Always true: derived from climate normals, not a forecast" }),
  })
  .meta({ id: "Weather" });

export const CostSchema = z
  .object({
    lodging: z.number(),
    meals: z.number(),
    transport: z.number(),
    activities: z.number(),
    total: z.number(),
  })
  .meta({ id: "DayCost" });

export const DayPlanSchema = z
  .object({
    day: z.number().int(),
    date: z.string(),
    weather: WeatherSchema,
    morning: ActivitySchema,
    lunch: ActivitySchema,
    afternoon: ActivitySchema,
    dinner: ActivitySchema,
    evening: ActivitySchema.nullable().meta({ description: "Only for nightlife or music lovers" }),
    bad_weather_backup: ActivitySchema.meta({ description: "An indoor alternative if the weather turns" }),
    what_to_wear: z.array(z.string()),
    estimated_cost: CostSchema,
  })
  .meta({ id: "DayPlan" });
export type DayPlan = z.output<typeof DayPlanSchema>;

export const TotalsSchema = z
  .object({
    currency: z.literal("USD"),
    lodging: z.number(),
    meals: z.number(),
    transport: z.number(),
    activities: z.number(),
    total: z.number(),
    per_person: z.number(),
    per_day: z.number(),
    travelers: z.number().int(),
  })
  .meta({ id: "Totals" });
export type Totals = z.output<typeof TotalsSchema>;

/** What the model writes. Also handed to Dana's reason() as JSON Schema, so the model is asked for exactly this. */
export const NarrativeSchema = z
  .object({
    title: z.string(),
    summary: z.string(),
    day_tips: z.array(z.string()),
  })
  .meta({ id: "Narrative" });
export type Narrative = z.output<typeof NarrativeSchema>;

export const TripPlanSchema = z
  .object({
    id: z.string().meta({ description: "Identifier for GET /trips/{id}" }),
    created_at: z.string().meta({ description: "ISO 8601 timestamp" }),
    model: z.string().meta({ description: "The model that wrote the narrative", example: "offline:default" }),
    request: TripRequestSchema,
    days: z.array(DayPlanSchema),
    totals: TotalsSchema,
    narrative: NarrativeSchema,
  })
  .meta({ id: "TripPlan" });
export type TripPlan = z.output<typeof TripPlanSchema>;

export const ValidationErrorSchema = z
  .object({
    loc: z.array(z.union([z.string(), z.number()])),
    msg: z.string(),
    type: z.string(),
  })
  .meta({ id: "ValidationError" });

export const HTTPValidationErrorSchema = z
  .object({ detail: z.array(ValidationErrorSchema) })
  .meta({ id: "HTTPValidationError" });

export const ErrorResponseSchema = z.object({ detail: z.string() }).meta({ id: "ErrorResponse" });

export const HealthSchema = z
  .object({
    status: z.literal("ok"),
    model: z.string(),
    contexts: z.object({ idle: z.number().int(), busy: z.number().int(), waiting: z.number().int() }),
  })
  .meta({ id: "Health" });
export type Health = z.output<typeof HealthSchema>;

export const TripIdParametersSchema = z.object({
  id: z.string().meta({ description: "The plan's id, as returned by POST /trips/plan" }),
});
