/**
 * The bundled city guide (`data/attractions.json`): attractions with interest tags, opening hours and prices,
 * and restaurants. Loaded once; handed to Dana as plain values.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { dataDirectory } from "../paths.js";

export interface Attraction {
  name: string;
  interests: string[];
  open_hour: number;
  close_hour: number;
  duration_hours: number;
  cost_usd: number;
  indoor: boolean;
  /** 0 = Monday … 6 = Sunday. */
  closed_weekdays: number[];
}

export interface Restaurant {
  name: string;
  cuisine: string;
  price_level: number;
  meals: string[];
}

export interface CityGuide {
  attractions: Attraction[];
  restaurants: Restaurant[];
}

export type CityGuides = Readonly<Record<string, CityGuide>>;

export function loadCityGuides(file = join(dataDirectory, "attractions.json")): CityGuides {
  const parsed = JSON.parse(readFileSync(file, "utf8")) as { cities: Record<string, CityGuide> };
  return parsed.cities;
}
