import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { DanaRuntime, dana, TypeConversionError } from "../../src/index.js";
import { createFakeModel } from "../support/fake-model.js";

describe("runtime.reason", () => {
  it("passes the prompt as a value: quotes and Dana code stay text", async () => {
    const model = createFakeModel(() => "ok");
    await using runtime = await DanaRuntime.create({ model });
    const prompt = 'say """hi"""\nprint("injected")\n"""';
    expect(await runtime.reason(prompt)).toBe("ok");
    expect(model.requests[0]!.prompt).toBe(prompt);
    expect(model.requests[0]!.temperature).toBe(0); // unset means 0: reproducible, hence cacheable
  });

  it("maps every option onto the model request", async () => {
    const model = createFakeModel(() => ({ answer: 1 }));
    await using runtime = await DanaRuntime.create({ model });
    const value = await runtime.reason("q", {
      systemMessage: "be brief",
      temperature: 0,
      maxTokens: 50,
      format: "json",
      data: { rows: [1, 2] },
      timeoutMs: 5_000,
      signal: new AbortController().signal,
    });
    expect(value).toEqual({ answer: 1 });
    const request = model.requests[0]!;
    expect(request).toMatchObject({ system: "be brief", temperature: 0, maxTokens: 50, format: "json" });
    expect(request.prompt).toContain("q\n\nContext data (JSON):\n");
    expect(request.prompt).toContain('"rows":[1,2]');
  });

  it("auto-coerces plain replies as Dana's reason does", async () => {
    await using runtime = await DanaRuntime.create({ model: createFakeModel(() => "4") });
    expect(await runtime.reason("What is 2 + 2?")).toBe(4);
  });

  it("validates and types results with a zod schema", async () => {
    const model = createFakeModel(() => ({ name: "Paris", population: 2 }));
    await using runtime = await DanaRuntime.create({ model });
    const schema = z.object({ name: z.string(), population: z.number() });
    const city = await runtime.reason("Largest city of France?", { schema });
    expect(city.name).toBe("Paris");
    expect(model.requests[0]!.format).toBe("json");
    expect(model.requests[0]!.schema).toMatchObject({ type: "object" });
    const wrong = z.object({ mayor: z.string() });
    await expect(runtime.reason("Who?", { schema: wrong })).rejects.toThrow(TypeConversionError);
  });

  it("rejects bad arguments before calling the model", async () => {
    const model = createFakeModel();
    await using runtime = await DanaRuntime.create({ model });
    await expect(runtime.reason(1 as unknown as string)).rejects.toThrow(
      "Expected string, got number at argument 'prompt'",
    );
    await expect(runtime.reason("p", { temprature: 1 } as never)).rejects.toThrow(
      /valid options: model, systemMessage/,
    );
    expect(model.requests).toHaveLength(0);
  });

  it("answers exact repeats from the cache and counts hits and misses", async () => {
    const model = createFakeModel((request) => `answer ${request.prompt}`);
    await using runtime = await DanaRuntime.create({ model });
    expect(await runtime.reason("a")).toBe("answer a");
    expect(await runtime.reason("a")).toBe("answer a");
    expect(model.requests).toHaveLength(1);
    expect(runtime.cache.stats()).toMatchObject({ hits: 1 });
    expect(await runtime.reason("a", { systemMessage: "other" })).toBe("answer a");
    expect(model.requests).toHaveLength(2); // different options, different key
  });

  it("does not cache temperature > 0 unless asked", async () => {
    const model = createFakeModel(() => "x");
    await using runtime = await DanaRuntime.create({ model });
    await runtime.reason("t", { temperature: 0.7 });
    await runtime.reason("t", { temperature: 0.7 });
    expect(model.requests).toHaveLength(2);
    await runtime.reason("t", { temperature: 0.7, cache: true });
    await runtime.reason("t", { temperature: 0.7, cache: true });
    expect(model.requests).toHaveLength(3);
    await runtime.reason("u", { cache: false });
    await runtime.reason("u", { cache: false });
    expect(model.requests).toHaveLength(5);
  });

  it("invalidates one key and honours the runtime's cache options", async () => {
    const model = createFakeModel(() => "x");
    await using runtime = await DanaRuntime.create({ model, cache: { cacheNonZeroTemperature: true, maxSize: 10 } });
    await runtime.reason("k", { temperature: 1 });
    await runtime.reason("k", { temperature: 1 });
    expect(model.requests).toHaveLength(1);
    expect(await runtime.cache.invalidate("k", { temperature: 1 })).toBe(true);
    expect(await runtime.cache.invalidate("k", { temperature: 1 })).toBe(false);
    await runtime.reason("k", { temperature: 1 });
    expect(model.requests).toHaveLength(2);
    runtime.cache.clear();
    expect(runtime.cache.stats().size).toBe(0);
  });

  it("uses the model named in the options", async () => {
    await using runtime = await DanaRuntime.create({ model: createFakeModel(() => "default") });
    const answer = await runtime.reason("hi", { model: "offline:other" });
    expect(answer).toContain("[offline]");
    expect((await runtime.getLLM("offline:other")).modelId).toBe("offline:other");
  });

  it("serves Dana's reason() in contexts granted llm, through the same cache", async () => {
    const model = createFakeModel(() => "42");
    await using runtime = await DanaRuntime.create({ model });
    await using ctx = runtime.createContext({ capabilities: ["llm"] });
    const program = 'n: int = reason("the answer?", temperature=0)\nn + 1';
    expect((await ctx.eval(program)).value).toBe(43);
    expect((await ctx.eval(program)).value).toBe(43);
    expect(model.requests).toHaveLength(1);
    expect(model.requests[0]).toMatchObject({ temperature: 0 });
  });

  it("rejects with DanaTimeoutError when aborted", async () => {
    const slow = createFakeModel();
    slow.generate = (request) =>
      new Promise((_, reject) => request.signal?.addEventListener("abort", () => reject(new Error("aborted"))));
    await using runtime = await DanaRuntime.create({ model: slow });
    await expect(runtime.reason("wait", { timeoutMs: 20 })).rejects.toThrow(/timeoutMs/);
  });
});

describe("the default dana instance", () => {
  it("is created on first use and answers offline without configuration", async () => {
    for (const name of ["DANA_MODEL", "OPENAI_API_KEY", "ANTHROPIC_API_KEY", "OLLAMA_HOST"])
      vi.stubEnv(name, undefined);
    try {
      const answer = await dana.reason("hello", { temperature: 0 });
      expect(typeof answer).toBe("string");
      expect((await dana.getLLM()).modelId).toBe("offline:default");
      expect((await dana.eval("6 * 7")).value).toBe(42);
    } finally {
      await dana.close();
      vi.unstubAllEnvs();
    }
  });
});

describe("typed reason() in Dana", () => {
  it("coerces a structured answer into the struct the assignment declares", async () => {
    const model = createFakeModel(() => ({ name: "Ada", age: 36 }));
    await using runtime = await DanaRuntime.create({ model });
    await using ctx = runtime.createContext({ capabilities: ["llm"] });
    const source =
      'struct Person:\n    name: str\n    age: int\n\np: Person = reason("Who wrote the first program?")\np';
    const person = (await ctx.eval(source)).value as import("../../src/index.js").DanaObject;
    expect(person.structName).toBe("Person");
    expect(person.toJSON()).toEqual({ name: "Ada", age: 36 });
    expect(model.requests[0]!.format).toBe("json");
  });
});
