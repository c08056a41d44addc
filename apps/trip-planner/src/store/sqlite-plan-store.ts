/**
 * PlanStore on SQLite (better-sqlite3): one file, so plans survive a restart. WAL mode lets readers run while
 * a plan is written. Plans are stored as JSON: they are read back whole, never queried by field.
 */
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { appRoot } from "../paths.js";
import type { TripPlan } from "../schemas.js";
import type { PlanStore } from "./plan-store.js";

/** `TRIP_PLANNER_DB`, else `apps/trip-planner/data/plans.db` (gitignored). ":memory:" works too. */
export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.TRIP_PLANNER_DB || join(appRoot, "data", "plans.db");
}

export class SqlitePlanStore implements PlanStore {
  readonly #database: Database.Database;
  readonly #insert: Database.Statement<[string, string, string]>;
  readonly #select: Database.Statement<[string], { plan: string }>;
  #closed = false;

  constructor(path: string = defaultDatabasePath()) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.#database = new Database(path);
    this.#database.pragma("journal_mode = WAL");
    this.#database.exec(
      "CREATE TABLE IF NOT EXISTS plans (id TEXT PRIMARY KEY, created_at TEXT NOT NULL, plan TEXT NOT NULL)",
    );
    this.#insert = this.#database.prepare("INSERT INTO plans (id, created_at, plan) VALUES (?, ?, ?)");
    this.#select = this.#database.prepare("SELECT plan FROM plans WHERE id = ?");
  }

  async save(plan: TripPlan): Promise<void> {
    this.#insert.run(plan.id, plan.created_at, JSON.stringify(plan));
  }

  async get(id: string): Promise<TripPlan | null> {
    const row = this.#select.get(id);
    return row === undefined ? null : (JSON.parse(row.plan) as TripPlan);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#database.close();
  }
}
