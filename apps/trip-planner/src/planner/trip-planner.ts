/**
 * The gateway wiring: runs the Dana planning modules (`dana/planner.na`) for one request in a leased context.
 *
 * Days are planned one call at a time so the stream can send each day as soon as Dana has produced it. Every
 * call goes through `ctx.eval` with a constant source and the request bound as *inputs* — values, never text
 * spliced into Dana source — because eval is the gateway call that takes a per-request `signal` and `timeoutMs`.
 */
import { availableParallelism } from "node:os";
import { DanaRuntime, DanaRuntimeError, type DanaRuntimeOptions, DanaTimeoutError } from "@dana-gateway/core";
import { z } from "zod";
import { tripDays } from "../dataset/calendar.js";
import { type CityGuide, type CityGuides, loadCityGuides } from "../dataset/city-guide.js";
import { createWeatherFor, loadClimate } from "../dataset/weather.js";
import { danaModulesDirectory } from "../paths.js";
import {
  type DayPlan,
  DayPlanSchema,
  type Narrative,
  NarrativeSchema,
  type Totals,
  TotalsSchema,
  type TripRequest,
} from "../schemas.js";
import { ContextPool, type ContextPoolStats } from "./context-pool.js";
import { NarrativeError, PlanTimeoutError } from "./errors.js";
import { streamNarrative } from "./narrative-stream.js";

export interface TripPlannerOptions {
  /** Passed to `DanaRuntime.create` (tests inject a slow or failing `model` here). */
  readonly runtimeOptions?: DanaRuntimeOptions;
  /** "worker" by default: each plan runs in a worker-thread sandbox with a hard heap limit. */
  readonly isolation?: "worker" | "process" | "inprocess";
  readonly warmContexts?: number;
  /**
   * Most contexts alive at once. Default: one per CPU core with the offline model (planning is then pure CPU,
   * and more worker threads than cores made throughput collapse in the load test), 6 with a networked model
   * (requests then mostly wait on the model, and each waiting request holds its context). Stay below the
   * gateway's own worker pool size (8), which also counts its pre-started spare.
   */
  readonly maxContexts?: number;
  readonly acquireTimeoutMs?: number;
  readonly maxRequestsPerContext?: number;
  /** Wall-clock budget of one plan, model included. */
  readonly requestTimeoutMs?: number;
  /** Interpreter time per Dana call (time waiting on the model or host does not count). */
  readonly danaTimeoutMs?: number;
  readonly maxMemoryBytes?: number;
  readonly guides?: CityGuides;
}

export interface PlanCallbacks {
  readonly signal?: AbortSignal;
  readonly onDay?: (day: DayPlan) => void;
  /** When set, the narrative is streamed from the model and each text delta is passed here. */
  readonly onNarrativeDelta?: (text: string) => void;
}

export interface PlanResult {
  model: string;
  days: DayPlan[];
  totals: Totals;
  narrative: Narrative;
}

const narrativeJsonSchema = z.toJSONSchema(NarrativeSchema, { io: "output" }) as Record<string, unknown>;
const narrativeSystemMessage = "You are a concise travel writer. Answer with JSON only.";

const planTripSource = "import planner\nplanner.plan_trip(request, days, guide, schema)";
const planDaySource = "import planner\nplanner.plan_day(request, day, guide, used)";
const summarizeSource = "import planner\nplanner.summarize(request, days)";
const narrateSource = "import planner\nplanner.narrate(request, days, totals, schema)";
const narrativePromptSource = "import planner\nplanner.narrative_prompt(request, days, totals)";

/**
 * `narrate` is the only Dana function that calls the model, so a host failure raised inside it is the model's.
 * Worker sandboxes deliver it as a `DanaRuntimeError` of type HostError without the LLM error as `cause`
 * (in-process keeps it), hence the check on the Dana type and traceback rather than on the cause chain.
 */
function asNarrativeError(error: unknown): never {
  if (
    DanaRuntimeError.isInstance(error) &&
    !DanaTimeoutError.isInstance(error) &&
    error.danaType === "HostError" &&
    error.frames.at(-1)?.function === "narrate"
  ) {
    throw new NarrativeError(error.danaMessage, { cause: error });
  }
  throw error;
}

export class TripPlanner implements AsyncDisposable {
  readonly #runtime: DanaRuntime;
  readonly #pool: ContextPool;
  readonly #guides: CityGuides;
  readonly #requestTimeoutMs: number;
  #closed = false;

  private constructor(runtime: DanaRuntime, pool: ContextPool, guides: CityGuides, requestTimeoutMs: number) {
    this.#runtime = runtime;
    this.#pool = pool;
    this.#guides = guides;
    this.#requestTimeoutMs = requestTimeoutMs;
  }

  static async create(options: TripPlannerOptions = {}): Promise<TripPlanner> {
    const runtime = await DanaRuntime.create(options.runtimeOptions);
    const offline = (await runtime.getLLM()).modelId.startsWith("offline:");
    const maxContexts = options.maxContexts ?? (offline ? Math.max(2, availableParallelism()) : 6);
    const weatherFor = createWeatherFor(loadClimate());
    const pool = new ContextPool({
      runtime,
      contextOptions: {
        isolation: options.isolation ?? "worker",
        modulePaths: [danaModulesDirectory],
        // The only things planning code may do beyond computing: ask the model and look up the weather.
        capabilities: ["llm"],
        hostFunctions: { weather_for: weatherFor },
        timeoutMs: options.danaTimeoutMs ?? 5_000,
        maxMemoryBytes: options.maxMemoryBytes ?? 64 * 1024 * 1024,
      },
      preloadModules: ["planner"],
      warmContexts: Math.min(options.warmContexts ?? 2, maxContexts),
      maxContexts,
      acquireTimeoutMs: options.acquireTimeoutMs ?? 15_000,
      maxRequestsPerContext: options.maxRequestsPerContext ?? 1_000,
    });
    const planner = new TripPlanner(
      runtime,
      pool,
      options.guides ?? loadCityGuides(),
      options.requestTimeoutMs ?? 60_000,
    );
    // Fail at start-up, not on the first request, when sandboxes cannot start (e.g. packages not built).
    try {
      (await pool.acquire()).release(true);
    } catch (error) {
      await planner.close();
      throw error;
    }
    return planner;
  }

  get runtime(): DanaRuntime {
    return this.#runtime;
  }

  stats(): ContextPoolStats {
    return this.#pool.stats();
  }

  /** The id of the model behind `reason()` ("offline:default" unless configured). */
  async modelId(): Promise<string> {
    return (await this.#runtime.getLLM()).modelId;
  }

  async plan(request: TripRequest, callbacks: PlanCallbacks = {}): Promise<PlanResult> {
    const guide = this.#guides[request.destination];
    if (guide === undefined) throw new RangeError(`no city guide for ${request.destination}`);
    const deadline = AbortSignal.timeout(this.#requestTimeoutMs);
    const signal = callbacks.signal === undefined ? deadline : AbortSignal.any([callbacks.signal, deadline]);
    try {
      return await this.#planInContext(request, guide, signal, callbacks);
    } catch (error) {
      // The deadline fired while waiting: report it as the timeout it is, not as an abort.
      if (deadline.aborted && !callbacks.signal?.aborted && !DanaTimeoutError.isInstance(error)) {
        throw new PlanTimeoutError(`planning took longer than ${this.#requestTimeoutMs} ms`, { cause: error });
      }
      throw error;
    }
  }

  async #planInContext(
    request: TripRequest,
    guide: CityGuide,
    signal: AbortSignal,
    callbacks: PlanCallbacks,
  ): Promise<PlanResult> {
    const lease = await this.#pool.acquire(signal);
    let healthy = false;
    const calendar = tripDays(request.start_date, request.duration_days);
    try {
      const run = async <T>(source: string, inputs: Record<string, unknown>, schema: z.ZodType<T>): Promise<T> => {
        const { value } = await lease.context.eval(source, { inputs, signal, file: "request.na" });
        return schema.parse(value);
      };
      let days: DayPlan[];
      let totals: Totals;
      let narrative: Narrative;
      if (callbacks.onDay === undefined && callbacks.onNarrativeDelta === undefined) {
        // Nothing to stream: one call into the sandbox plans every day, sums the totals and asks the model.
        ({ days, totals, narrative } = await run(
          planTripSource,
          { request, days: calendar, guide, schema: narrativeJsonSchema },
          z.object({ days: z.array(DayPlanSchema), totals: TotalsSchema, narrative: NarrativeSchema }),
        ).catch(asNarrativeError));
      } else {
        days = [];
        let used: string[] = [];
        for (const day of calendar) {
          const result = await run(
            planDaySource,
            { request, day, guide, used },
            z.object({ plan: DayPlanSchema, used: z.array(z.string()) }),
          );
          used = result.used;
          days.push(result.plan);
          callbacks.onDay?.(result.plan);
        }
        totals = await run(summarizeSource, { request, days }, TotalsSchema);
        narrative =
          callbacks.onNarrativeDelta === undefined
            ? await run(narrateSource, { request, days, totals, schema: narrativeJsonSchema }, NarrativeSchema).catch(
                asNarrativeError,
              )
            : await streamNarrative(await this.#runtime.getLLM(), {
                prompt: await run(narrativePromptSource, { request, days, totals }, z.string()),
                system: narrativeSystemMessage,
                schema: narrativeJsonSchema,
                signal,
                onDelta: callbacks.onNarrativeDelta,
              });
      }
      healthy = true;
      return { model: await this.modelId(), days, totals, narrative };
    } finally {
      lease.release(healthy);
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    // The gateway's sandboxes do not hold the event loop open, so while they terminate nothing else may. Once
    // (gateway build of 2026-11-21 ~06:10 UTC) a top-level `await planner.close()` after a load test ended the
    // process with exit code 13 ("unsettled top-level await") before close() settled; later builds did not
    // reproduce it. This timer guarantees close() always gets to settle.
    const keepAlive = setInterval(() => {}, 1_000);
    try {
      await this.#pool.close();
      await this.#runtime.close();
    } finally {
      clearInterval(keepAlive);
    }
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}
