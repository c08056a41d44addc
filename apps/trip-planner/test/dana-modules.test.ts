/**
 * The planning modules (`dana/*.na`) called through the gateway, one function at a time. A worker context, as
 * in the app, so these also prove the modules load and run isolated.
 */
import { type DanaContext, type DanaModule, DanaRuntime } from "@dana-gateway/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCityGuides } from "../src/dataset/city-guide.js";
import { danaModulesDirectory } from "../src/paths.js";

let runtime: DanaRuntime;
let context: DanaContext;
let budget: DanaModule;
let allocation: DanaModule;
let planner: DanaModule;
const lisbon = loadCityGuides().Lisbon!;
const weather = { rain: false };

beforeAll(async () => {
  runtime = await DanaRuntime.create();
  context = runtime.createContext({
    isolation: "worker",
    modulePaths: [danaModulesDirectory],
    hostFunctions: {
      weather_for: (city: string, date: string) => ({
        city,
        date,
        condition: weather.rain ? "rain" : "sunny",
        high_c: 30,
        low_c: 20,
        synthetic: true,
      }),
    },
  });
  budget = await context.importModule("budget");
  allocation = await context.importModule("allocation");
  planner = await context.importModule("planner");
});

afterAll(async () => {
  await runtime?.close();
});

describe("budget.na", () => {
  it("costs a day for the whole party: lodging per room, meals and transport per person, tickets per adult", async () => {
    // moderate: room 160, lunch 25, dinner 45, transport 20; a family is 4 people, 1.5 rooms, tickets ×3.
    expect(await budget.function("day_cost")("moderate", "family", [12, 8])).toEqual({
      lodging: 240,
      meals: 280,
      transport: 80,
      activities: 60,
      total: 660,
    });
    expect(await budget.function("day_cost")("budget", "solo", [])).toEqual({
      lodging: 70,
      meals: 32,
      transport: 8,
      activities: 0,
      total: 110,
    });
    expect(((await budget.function("day_cost")("luxury", "friends", [10.5])) as { total: number }).total).toBe(
      420 * 2 + 180 * 3 + 60 * 3 + 31.5,
    );
  });

  it("sums days into totals with per-person and per-day figures", async () => {
    const day = { lodging: 100, meals: 50, transport: 10, activities: 5.25, total: 165.25 };
    expect(await budget.function("trip_totals")("couple", [day, day, { ...day, activities: 0, total: 160 }])).toEqual({
      currency: "USD",
      lodging: 300,
      meals: 150,
      transport: 30,
      activities: 10.5,
      total: 490.5,
      per_person: 245.25,
      per_day: 163.5,
      travelers: 2,
    });
  });

  it("rejects a malformed rate through the struct's field types", async () => {
    await expect(context.eval('import budget\nbudget.Rates(lodging_per_room="a lot")')).rejects.toThrow();
  });
});

describe("allocation.na", () => {
  const attraction = (overrides: Record<string, unknown>) => ({
    name: "Place",
    interests: ["art"],
    open_hour: 9,
    close_hour: 18,
    duration_hours: 2,
    cost_usd: 10,
    indoor: true,
    closed_weekdays: [0],
    ...overrides,
  });

  it("scores ten points per shared interest and one for free entry", async () => {
    const score = allocation.function("interest_score");
    expect(await score(attraction({ interests: ["art", "food", "history"] }), ["food", "history"])).toBe(20);
    expect(await score(attraction({ cost_usd: 0 }), ["nature"])).toBe(1);
  });

  it("respects opening hours and closing days", async () => {
    const fits = allocation.function("fits_slot");
    expect(await fits(attraction({}), 1, 9, 3)).toBe(true);
    expect(await fits(attraction({}), 0, 9, 3)).toBe(false); // closed on Mondays
    expect(await fits(attraction({ open_hour: 17 }), 1, 14, 4)).toBe(false); // opens too late for the afternoon
    expect(await fits(attraction({ close_hour: 15, duration_hours: 2 }), 1, 14, 4)).toBe(false); // closes mid-visit
  });

  it("picks the best unused place, indoor only when asked", async () => {
    const places = [
      attraction({ name: "Outdoor favourite", interests: ["art", "food"], indoor: false }),
      attraction({ name: "Indoor", interests: ["art"] }),
      attraction({ name: "Used", interests: ["art", "food", "history"] }),
    ];
    const pick = allocation.function("pick_best");
    expect(((await pick(places, ["art", "food", "history"], ["Used"], 1, 9, 3, false)) as { name: string }).name).toBe(
      "Outdoor favourite",
    );
    expect(((await pick(places, ["art", "food"], ["Used"], 1, 9, 3, true)) as { name: string }).name).toBe("Indoor");
    expect(await pick(places, ["art"], ["Used", "Indoor", "Outdoor favourite"], 1, 9, 3, false)).toBeNull();
  });
});

describe("planner.na", () => {
  const request = {
    destination: "Lisbon",
    duration_days: 2,
    traveler_type: "couple",
    budget_range: "budget",
    interests: ["history", "architecture"],
  };

  it("plans a day from the interests, within the budget's restaurants, without repeating places", async () => {
    weather.rain = false;
    const first = (await planner.function("plan_day")(
      request,
      { index: 0, date: "2026-05-05", weekday: 1 },
      lisbon,
      [],
    )) as {
      plan: Record<string, { name: string; kind: string; cost: number }> & { what_to_wear: string[] };
      used: string[];
    };
    expect(first.plan.morning!.name).toBe("Jerónimos Monastery");
    expect(first.used).toContain("Jerónimos Monastery");
    expect(first.plan.lunch!.cost).toBe(24); // budget lunch, 12 per person
    expect(first.plan.what_to_wear).toContain("light, breathable clothes, a sun hat and sunscreen");
    const second = (await planner.function("plan_day")(
      request,
      { index: 1, date: "2026-05-06", weekday: 2 },
      lisbon,
      first.used,
    )) as { plan: Record<string, { name: string }> };
    expect(first.used).not.toContain(second.plan.morning!.name);
  });

  it("moves the day indoors when the weather is bad", async () => {
    weather.rain = true;
    const rainy = (await planner.function("plan_day")(
      request,
      { index: 0, date: "2026-05-05", weekday: 1 },
      lisbon,
      [],
    )) as {
      plan: Record<string, { indoor: boolean }> & { what_to_wear: string[] };
    };
    expect(rainy.plan.morning!.indoor).toBe(true);
    expect(rainy.plan.afternoon!.indoor).toBe(true);
    expect(rainy.plan.what_to_wear).toContain("a waterproof jacket and a compact umbrella");
  });

  it("builds the narrative prompt from values: a hostile interest string stays text", async () => {
    const prompt = await planner.function("narrative_prompt")(
      { ...request, interests: ['"""\nprint("injected")'] },
      [],
      { total: 1 },
    );
    expect(prompt).toContain('"""\nprint("injected")');
  });
});
