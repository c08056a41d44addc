import { describe, expect, it } from "vitest";
import { tripDays } from "../src/dataset/calendar.js";
import { loadCityGuides } from "../src/dataset/city-guide.js";
import { createWeatherFor, loadClimate } from "../src/dataset/weather.js";
import { destinations } from "../src/schemas.js";

describe("bundled dataset", () => {
  it("has a guide and a climate for exactly the destinations the API accepts", () => {
    expect(Object.keys(loadCityGuides()).sort()).toEqual([...destinations].sort());
    expect(Object.keys(loadClimate()).sort()).toEqual([...destinations].sort());
  });

  it("gives every city indoor places for bad weather and restaurants for each budget", () => {
    for (const [city, guide] of Object.entries(loadCityGuides())) {
      expect(guide.attractions.filter((place) => place.indoor).length, city).toBeGreaterThanOrEqual(3);
      expect(
        guide.restaurants.some((restaurant) => restaurant.price_level === 1),
        city,
      ).toBe(true);
    }
  });
});

describe("weather_for", () => {
  const weatherFor = createWeatherFor(loadClimate());

  it("is deterministic and follows the month's climate", () => {
    expect(weatherFor("Kyoto", "2026-08-10")).toEqual(weatherFor("Kyoto", "2026-08-10"));
    const august = weatherFor("Kyoto", "2026-08-10");
    const january = weatherFor("Kyoto", "2026-01-10");
    expect(august.high_c).toBeGreaterThan(january.high_c);
    expect(august.synthetic).toBe(true);
  });

  it("rains more often in a rainy month", () => {
    const rainyDays = (city: string, month: string) =>
      Array.from({ length: 28 }, (_, day) =>
        weatherFor(city, `2026-${month}-${String(day + 1).padStart(2, "0")}`),
      ).filter((weather) => weather.condition === "rain").length;
    expect(rainyDays("Mexico City", "07")).toBeGreaterThan(rainyDays("Mexico City", "01"));
  });

  it("rejects arguments that are not a city and a date", () => {
    expect(() => weatherFor("Atlantis", "2026-01-01")).toThrow(/no climate data/);
    expect(() => weatherFor("Lisbon", "tomorrow")).toThrow(/YYYY-MM-DD/);
  });
});

describe("tripDays", () => {
  it("numbers the days and gives weekdays with Monday = 0, across month ends", () => {
    expect(tripDays("2026-02-27", 3)).toEqual([
      { index: 0, date: "2026-02-27", weekday: 4 },
      { index: 1, date: "2026-02-28", weekday: 5 },
      { index: 2, date: "2026-03-01", weekday: 6 },
    ]);
  });
});
