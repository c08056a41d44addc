import { DanaNativeObject, type Value } from "@dana-gateway/lang";
import { describe, expect, it } from "vitest";
import { DanaRuntime, DanaType, TypeConversionError, TypeConverterRegistry } from "../../src/index.js";
import { createFakeModel } from "../support/fake-model.js";

class Money {
  constructor(readonly cents: number) {}
}

/** How Money looks inside Dana: only `cents` is reachable. */
class DanaMoney extends DanaNativeObject {
  readonly typeName = "Money";
  constructor(readonly money: Money) {
    super();
  }
  getAttribute(name: string): Value | undefined {
    return name === "cents" ? this.money.cents : undefined;
  }
  callMethod(): Value | undefined {
    return undefined;
  }
  repr(): string {
    return `Money(${this.money.cents})`;
  }
}

describe("runtime options", () => {
  it("typeConverters: plugins convert class instances both ways", async () => {
    const registry = new TypeConverterRegistry();
    registry.register<Money>({
      name: "money",
      danaType: DanaType.Native,
      matches: (value): value is Money => value instanceof Money,
      toDana: (value) => new DanaMoney(value),
      matchesDana: (value) => value instanceof DanaMoney,
      fromDana: (value) => (value as DanaMoney).money,
    });
    await using runtime = await DanaRuntime.create({ typeConverters: registry });
    await using ctx = runtime.createContext();
    const price = new Money(150);
    expect((await ctx.eval("m.cents * 2", { inputs: { m: price } })).value).toBe(300);
    expect((await ctx.eval("m", { inputs: { m: price } })).value).toBe(price);
    await using plain = await DanaRuntime.create();
    await expect(plain.eval("m", { inputs: { m: price } })).rejects.toThrow(TypeConversionError);
  });

  it("maxConcurrentLLMCalls sizes the LLM pool", async () => {
    await using runtime = await DanaRuntime.create({ model: createFakeModel(), maxConcurrentLLMCalls: 2 });
    const pool = await runtime.getLLM();
    expect(pool.stats()).toMatchObject({ maxSize: 2 });
  });

  it("validates option types", async () => {
    await expect(DanaRuntime.create({ model: 3 } as never)).rejects.toThrow("at option 'model'");
    await expect(DanaRuntime.create({ maxConcurrentLLMCalls: 0 })).rejects.toThrow("at option 'maxConcurrentLLMCalls'");
    await expect(DanaRuntime.create({ hostFunctions: { f: 1 } } as never)).rejects.toThrow(
      "at option 'hostFunctions.f'",
    );
    await expect(DanaRuntime.create({ contextDefaults: { bogus: 1 } } as never)).rejects.toThrow(/in contextDefaults/);
    await expect(DanaRuntime.create("fast" as never)).rejects.toThrow("at argument 'options'");
  });
});

describe("isolated backends", () => {
  it("a backend that fails to start fails each request with its error, without unhandled rejections", async () => {
    const failing = async () => {
      throw new Error("no threads today");
    };
    await using runtime = await DanaRuntime.create({ backends: { worker: failing } });
    const ctx = runtime.createContext({ isolation: "worker" });
    await expect(ctx.eval("1")).rejects.toThrow("no threads today");
    await expect(ctx.eval("2")).rejects.toThrow("no threads today");
    await ctx.close();
  });
});
