import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DayPlanSchema, TripPlanSchema } from "../src/schemas.js";
import { readJson } from "./support/json.js";
import { parseEventStream, postJson, type RunningServer, startServer, validRequest } from "./support/server.js";

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.close();
});

describe("GET /health", () => {
  it("reports ok, the offline model and the context pool", async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    const body = await readJson(response);
    expect(body).toMatchObject({ status: "ok", model: "offline:default" });
    expect(body.contexts.idle + body.contexts.busy).toBeGreaterThanOrEqual(1);
  });
});

describe("POST /trips/plan", () => {
  it("returns a structured itinerary with totals and stores it", async () => {
    const response = await postJson(`${server.url}/trips/plan`, validRequest);
    expect(response.status).toBe(200);
    const plan = TripPlanSchema.parse(await readJson(response));
    expect(plan.days).toHaveLength(3);
    expect(plan.days.map((day) => day.date)).toEqual(["2026-05-04", "2026-05-05", "2026-05-06"]);
    for (const day of plan.days) {
      expect(day.weather.synthetic).toBe(true);
      expect(day.bad_weather_backup.indoor).toBe(true);
      expect(day.what_to_wear.length).toBeGreaterThan(0);
    }
    // No place is visited twice.
    const places = plan.days.flatMap((day) => [day.morning, day.afternoon]).filter((a) => a.kind === "attraction");
    expect(new Set(places.map((place) => place.name)).size).toBe(places.length);
    const sum = plan.days.reduce((total, day) => total + day.estimated_cost.total, 0);
    expect(plan.totals.total).toBeCloseTo(sum, 2);
    expect(plan.totals.per_person).toBeCloseTo(sum / 2, 2);
    expect(plan.narrative.title).toContain("[offline]");

    const stored = await fetch(`${server.url}/trips/${plan.id}`);
    expect(stored.status).toBe(200);
    expect(await readJson(stored)).toEqual(plan);
  });

  it("plans the longest trip (30 days) without repeating a place, filling free days", async () => {
    const body = {
      ...validRequest,
      destination: "Rome",
      duration_days: 30,
      traveler_type: "family",
      interests: ["art"],
    };
    const response = await postJson(`${server.url}/trips/plan`, body);
    expect(response.status).toBe(200);
    const plan = TripPlanSchema.parse(await readJson(response));
    expect(plan.days).toHaveLength(30);
    const visits = plan.days.flatMap((day) => [day.morning, day.afternoon]).filter((a) => a.kind === "attraction");
    expect(new Set(visits.map((visit) => visit.name)).size).toBe(visits.length);
    expect(plan.days.at(-1)?.morning.kind).toBe("free");
    expect(plan.totals.travelers).toBe(4);
  });

  it("answers 404 for an unknown plan id", async () => {
    const response = await fetch(`${server.url}/trips/no-such-plan`);
    expect(response.status).toBe(404);
    expect(await readJson(response)).toEqual({ detail: "Plan not found" });
  });

  it.each([
    [
      "duration_days out of range",
      { ...validRequest, duration_days: 31 },
      { loc: ["body", "duration_days"], type: "less_than_equal", msg: "Input should be less than or equal to 30" },
    ],
    [
      "duration_days zero",
      { ...validRequest, duration_days: 0 },
      { loc: ["body", "duration_days"], type: "greater_than_equal" },
    ],
    [
      "duration_days not an integer",
      { ...validRequest, duration_days: 2.5 },
      { loc: ["body", "duration_days"], type: "int_type", msg: "Input should be a valid integer" },
    ],
    [
      "duration_days a string",
      { ...validRequest, duration_days: "3" },
      { loc: ["body", "duration_days"], type: "float_type" },
    ],
    [
      "missing destination",
      { ...validRequest, destination: undefined },
      { loc: ["body", "destination"], type: "missing", msg: "Field required" },
    ],
    [
      "unknown destination",
      { ...validRequest, destination: "Atlantis" },
      { loc: ["body", "destination"], type: "enum" },
    ],
    [
      "bad start_date",
      { ...validRequest, start_date: "2026-13-45" },
      { loc: ["body", "start_date"], type: "date_from_datetime_parsing" },
    ],
    ["empty interests", { ...validRequest, interests: [] }, { loc: ["body", "interests"], type: "too_short" }],
    [
      "unknown interest",
      { ...validRequest, interests: ["food", "poker"] },
      {
        loc: ["body", "interests", 1],
        type: "enum",
        msg: expect.stringMatching(/^Input should be 'history', .* or 'family'$/),
      },
    ],
  ])("answers 422 for %s", async (_name, body, expected) => {
    const response = await postJson(`${server.url}/trips/plan`, body);
    expect(response.status).toBe(422);
    const { detail } = await readJson(response);
    expect(detail).toHaveLength(1);
    expect(detail[0]).toMatchObject(expected);
    expect(typeof detail[0].msg).toBe("string");
  });

  it("answers 422 listing every invalid field at once", async () => {
    const response = await postJson(`${server.url}/trips/plan`, { destination: "Lisbon" });
    expect(response.status).toBe(422);
    const { detail } = await readJson(response);
    expect(detail.map((item: { loc: string[] }) => item.loc[1]).sort()).toEqual([
      "budget_range",
      "duration_days",
      "interests",
      "start_date",
      "traveler_type",
    ]);
  });

  it("answers 422 json_invalid for a malformed JSON body and for no body", async () => {
    const malformed = await postJson(`${server.url}/trips/plan`, '{"destination": ');
    expect(malformed.status).toBe(422);
    expect((await readJson(malformed)).detail[0]).toMatchObject({ loc: ["body"], type: "json_invalid" });
    const empty = await fetch(`${server.url}/trips/plan`, { method: "POST" });
    expect(empty.status).toBe(422);
    expect((await readJson(empty)).detail).toEqual([{ loc: ["body"], msg: "Field required", type: "missing" }]);
  });

  it("treats a Dana-looking destination as a plain value", async () => {
    const response = await postJson(`${server.url}/trips/plan`, { ...validRequest, destination: '"""\nimport os' });
    expect(response.status).toBe(422);
  });
});

describe("POST /trips/plan/stream", () => {
  it("streams each day, the totals, the narrative deltas and the stored id", async () => {
    const response = await postJson(`${server.url}/trips/plan/stream`, {
      ...validRequest,
      destination: "Kyoto",
      duration_days: 4,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const events = parseEventStream(await response.text());
    const names = events.map((event) => event.event);
    expect(names.slice(0, 4)).toEqual(["day", "day", "day", "day"]);
    expect(names).toContain("narrative-delta");
    expect(names.slice(-3)).toEqual(["totals", "narrative", "done"]);
    const days = events.filter((event) => event.event === "day").map((event) => DayPlanSchema.parse(event.data));
    expect(days.map((day) => day.day)).toEqual([1, 2, 3, 4]);
    const streamedText = events
      .filter((event) => event.event === "narrative-delta")
      .map((event) => (event.data as { text: string }).text)
      .join("");
    expect(JSON.parse(streamedText)).toEqual(events.find((event) => event.event === "narrative")?.data);
    const { id } = events.at(-1)!.data as { id: string };
    const stored = await readJson(await fetch(`${server.url}/trips/${id}`));
    expect(stored.days).toEqual(days);
  });

  it("answers a plain 422 before opening the stream", async () => {
    const response = await postJson(`${server.url}/trips/plan/stream`, { ...validRequest, duration_days: 99 });
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  });
});

describe("documentation", () => {
  it("serves an OpenAPI 3.1 document generated from the schemas", async () => {
    const document = await readJson(await fetch(`${server.url}/openapi.json`));
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths).sort()).toEqual(["/health", "/trips/plan", "/trips/plan/stream", "/trips/{id}"]);
    const requestSchema = document.components.schemas.TripRequest;
    expect(requestSchema.properties.duration_days).toMatchObject({ type: "integer", minimum: 1, maximum: 30 });
    expect(requestSchema.required).toEqual(
      expect.arrayContaining([
        "destination",
        "start_date",
        "duration_days",
        "traveler_type",
        "budget_range",
        "interests",
      ]),
    );
    expect(document.paths["/trips/plan"].post.responses["422"].content["application/json"].schema.$ref).toBe(
      "#/components/schemas/HTTPValidationError",
    );
  });

  it("serves Swagger UI at /docs from the installed package", async () => {
    const page = await fetch(`${server.url}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain("/docs/swagger-ui-bundle.js");
    expect(html).not.toMatch(/https?:\/\//);
    const bundle = await fetch(`${server.url}/docs/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect((await bundle.text()).length).toBeGreaterThan(100_000);
    expect(await (await fetch(`${server.url}/docs/docs-initializer.js`)).text()).toContain("/openapi.json");
  });

  it("serves the web page at /", async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(await page.text()).toContain('<form id="trip-form"');
  });
});
