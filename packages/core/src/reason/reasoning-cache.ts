/**
 * The reasoning cache: exact-match answers keyed by the canonical JSON of prompt, options and model identity.
 * Built on `lru-cache` (loaded lazily, so importing the gateway stays fast).
 */
import type { LRUCache } from "lru-cache";
import { checkCacheOptions } from "../runtime/options.js";
import { canonicalJson } from "./canonical-json.js";

export interface ReasoningCacheOptions {
  /** Most entries kept (least recently used are evicted first). Default 1000; 0 disables the cache. */
  readonly maxSize?: number;
  /** How long an entry lives, in milliseconds. Default: no expiry. */
  readonly ttlMs?: number;
  /** Also cache calls with `temperature > 0` (their answers vary by design). Default false. */
  readonly cacheNonZeroTemperature?: boolean;
}

export interface ReasoningCacheStats {
  readonly hits: number;
  readonly misses: number;
  readonly evictions: number;
  readonly size: number;
}

/** What identifies one answer. `options` must already be normalised (no signal, no timeout). */
export interface ReasoningKey {
  readonly prompt: string;
  readonly options: Readonly<Record<string, unknown>>;
  readonly model: string;
}

export class ReasoningCache {
  private hits = 0;
  private misses = 0;
  private evictions = 0;
  readonly cacheNonZeroTemperature: boolean;
  private readonly entries: LRUCache<string, { value: unknown }> | null;

  private constructor(lru: typeof LRUCache | null, options: ReasoningCacheOptions) {
    this.cacheNonZeroTemperature = options.cacheNonZeroTemperature ?? false;
    const maxSize = options.maxSize ?? 1000;
    this.entries =
      lru === null || maxSize === 0
        ? null
        : new lru<string, { value: unknown }>({
            max: maxSize,
            ...(options.ttlMs === undefined ? {} : { ttl: options.ttlMs }),
            dispose: (_value, _key, reason) => {
              if (reason === "evict" || reason === "expire") this.evictions++;
            },
          });
  }

  static async create(options: ReasoningCacheOptions = {}): Promise<ReasoningCache> {
    checkCacheOptions(options);
    if (options.maxSize === 0) return new ReasoningCache(null, options);
    const { LRUCache } = await import("lru-cache");
    return new ReasoningCache(LRUCache, options);
  }

  static key(key: ReasoningKey): string {
    return canonicalJson([key.model, key.prompt, key.options]);
  }

  /** Caching applies unless switched off per call, or the call samples (`temperature > 0`) without opt-in. */
  applies(temperature: number | undefined, perCall: boolean | undefined): boolean {
    if (this.entries === null || perCall === false) return false;
    if (perCall === true) return true;
    return (temperature ?? 0) === 0 || this.cacheNonZeroTemperature;
  }

  /** The entry, or undefined (a miss is counted). */
  get(key: string): { value: unknown } | undefined {
    const entry = this.entries?.get(key);
    if (entry === undefined) this.misses++;
    else this.hits++;
    return entry;
  }

  set(key: string, value: unknown): void {
    this.entries?.set(key, { value });
  }

  /** Forgets one answer; true when there was one. */
  invalidate(key: ReasoningKey | string): boolean {
    const text = typeof key === "string" ? key : ReasoningCache.key(key);
    return this.entries?.delete(text) ?? false;
  }

  clear(): void {
    this.entries?.clear();
  }

  stats(): ReasoningCacheStats {
    return { hits: this.hits, misses: this.misses, evictions: this.evictions, size: this.entries?.size ?? 0 };
  }
}
