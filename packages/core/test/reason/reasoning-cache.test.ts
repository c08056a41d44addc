import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../src/reason/canonical-json.js";
import { validateReasonOptions } from "../../src/reason/reason-options.js";
import { ReasoningCache } from "../../src/reason/reasoning-cache.js";

describe("canonical JSON", () => {
  it("sorts keys at every level and keeps values JSON cannot hold distinct", () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3] } })).toBe(canonicalJson({ a: { c: [3], d: 2 }, b: 1 }));
    expect(canonicalJson({ a: 1n })).not.toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson(-0)).not.toBe(canonicalJson(0));
    expect(canonicalJson(Number.NaN)).toBe('"NaN"');
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });
});

describe("reasoning cache", () => {
  const key = { prompt: "p", model: "offline:default", options: { temperature: 0 } };

  it("counts hits and misses and invalidates one key", async () => {
    const cache = await ReasoningCache.create();
    const text = ReasoningCache.key(key);
    expect(cache.get(text)).toBeUndefined();
    cache.set(text, "answer");
    expect(cache.get(text)).toEqual({ value: "answer" });
    expect(cache.invalidate(key)).toBe(true);
    expect(cache.get(text)).toBeUndefined();
    expect(cache.stats()).toEqual({ hits: 1, misses: 2, evictions: 0, size: 0 });
  });

  it("treats option order as the same key and different models as different keys", () => {
    expect(ReasoningCache.key({ ...key, options: { a: 1, b: 2 } })).toBe(
      ReasoningCache.key({ ...key, options: { b: 2, a: 1 } }),
    );
    expect(ReasoningCache.key(key)).not.toBe(ReasoningCache.key({ ...key, model: "openai:gpt-4o-mini" }));
  });

  it("evicts beyond maxSize and counts evictions", async () => {
    const cache = await ReasoningCache.create({ maxSize: 2 });
    for (const name of ["a", "b", "c"]) cache.set(name, name);
    expect(cache.stats().evictions).toBe(1);
    expect(cache.get("a")).toBeUndefined();
    expect(cache.get("c")).toEqual({ value: "c" });
  });

  it("expires entries after ttlMs", async () => {
    const cache = await ReasoningCache.create({ ttlMs: 5 });
    cache.set("k", 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(cache.get("k")).toBeUndefined();
  });

  it("skips temperature > 0 unless opted in, and honours per-call switches", async () => {
    const cache = await ReasoningCache.create();
    expect(cache.applies(undefined, undefined)).toBe(true);
    expect(cache.applies(0.7, undefined)).toBe(false);
    expect(cache.applies(0.7, true)).toBe(true);
    expect(cache.applies(0, false)).toBe(false);
    expect((await ReasoningCache.create({ cacheNonZeroTemperature: true })).applies(0.7, undefined)).toBe(true);
    expect((await ReasoningCache.create({ maxSize: 0 })).applies(0, true)).toBe(false);
  });

  it("validates its options", async () => {
    await expect(ReasoningCache.create({ maxSize: -1 })).rejects.toThrow(/cache.maxSize/);
    await expect(ReasoningCache.create({ ttlMs: 0 })).rejects.toThrow(/cache.ttlMs/);
  });
});

describe("reason() options", () => {
  it("name the argument in type errors", () => {
    expect(() => validateReasonOptions(42, undefined)).toThrow("Expected string, got number at argument 'prompt'");
    expect(() => validateReasonOptions("p", "x")).toThrow("Expected object, got string at argument 'options'");
    expect(() => validateReasonOptions("p", { temperature: "hot" })).toThrow(
      "Expected number, got string at option 'temperature'",
    );
    expect(() => validateReasonOptions("p", { systemMessage: 1 })).toThrow("at option 'systemMessage'");
    expect(() => validateReasonOptions("p", { cache: "yes" })).toThrow("at option 'cache'");
    expect(() => validateReasonOptions("p", { signal: {} })).toThrow("Expected AbortSignal");
    expect(() => validateReasonOptions("p", { schema: {} })).toThrow("Expected a zod schema");
  });

  it("check ranges and formats", () => {
    expect(() => validateReasonOptions("p", { temperature: 2.5 })).toThrow(RangeError);
    expect(() => validateReasonOptions("p", { maxTokens: 1.5 })).toThrow("positive integer");
    expect(() => validateReasonOptions("p", { maxTokens: 0 })).toThrow("positive integer");
    expect(() => validateReasonOptions("p", { format: "xml" })).toThrow('Expected "text" or "json"');
    expect(() => validateReasonOptions("p", { model: "gpt-4" })).toThrow('expected "provider:model"');
    expect(() => validateReasonOptions("p", { timeoutMs: -1 })).toThrow(RangeError);
  });

  it("reject unknown keys with the list of valid ones", () => {
    expect(() => validateReasonOptions("p", { temprature: 0 })).toThrow(
      "Unknown option 'temprature' in reason() options; valid options: model, systemMessage, temperature, maxTokens, format, schema, data, cache, timeoutMs, signal",
    );
  });

  it("accept every valid option", () => {
    const options = {
      model: "offline:default",
      systemMessage: "be brief",
      temperature: 0,
      maxTokens: 10,
      format: "json",
      schema: { safeParse: () => ({ success: true, data: 1 }) },
      data: { rows: [1] },
      cache: true,
      timeoutMs: 1000,
      signal: new AbortController().signal,
    };
    expect(validateReasonOptions("p", options)).toEqual(options);
  });
});
