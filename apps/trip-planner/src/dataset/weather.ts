/**
 * `weather_for(city, date)`, the host function the app grants to Dana. There is no internet here, so the
 * weather is SYNTHETIC: each city's monthly climate normals (`data/weather.json`) plus a deterministic hash of
 * (city, date) deciding whether that day is rainy, cloudy or sunny and nudging the temperatures. The same
 * city and date always give the same weather, which keeps plans and tests reproducible.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { dataDirectory } from "../paths.js";

export interface MonthlyClimate {
  month: number;
  high_c: number;
  low_c: number;
  rainy_days: number;
}

export interface DailyWeather {
  city: string;
  date: string;
  condition: "sunny" | "cloudy" | "rain";
  high_c: number;
  low_c: number;
  synthetic: true;
}

export type WeatherFor = (city: string, date: string) => DailyWeather;

/** FNV-1a: a small, stable hash; only determinism matters here. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

export function loadClimate(file = join(dataDirectory, "weather.json")): Record<string, MonthlyClimate[]> {
  return (JSON.parse(readFileSync(file, "utf8")) as { cities: Record<string, MonthlyClimate[]> }).cities;
}

export function createWeatherFor(climate: Record<string, MonthlyClimate[]>): WeatherFor {
  return (city, date) => {
    // Dana passes whatever it computed; anything unexpected is a planning bug, reported back to Dana as HostError.
    if (typeof city !== "string" || typeof date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      throw new TypeError(`weather_for(city, date) expects a city name and a YYYY-MM-DD date`);
    }
    const normals = climate[city];
    if (normals === undefined) throw new RangeError(`no climate data for ${city}`);
    const month = Number(date.slice(5, 7));
    const normal = normals[month - 1];
    if (normal === undefined) throw new RangeError(`invalid month in ${date}`);
    const roll = hash(`${city}|${date}`);
    const rainy = roll % 30 < normal.rainy_days;
    const cloudy = !rainy && (roll >>> 8) % 3 === 0;
    const swing = ((roll >>> 16) % 5) - 2; // -2 … +2 °C around the normal
    return {
      city,
      date,
      condition: rainy ? "rain" : cloudy ? "cloudy" : "sunny",
      high_c: normal.high_c + swing - (rainy ? 2 : 0),
      low_c: normal.low_c + swing,
      synthetic: true,
    };
  };
}
