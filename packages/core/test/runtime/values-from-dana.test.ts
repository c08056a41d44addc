import { afterAll, describe, expect, it } from "vitest";
import { DanaRuntime, isTuple } from "../../src/index.js";

const runtime = await DanaRuntime.create();
afterAll(() => runtime.close());

async function value(source: string): Promise<unknown> {
  await using ctx = runtime.createContext();
  return (await ctx.eval(source)).value;
}

describe("Dana values arriving in TypeScript (README table, Dana side)", () => {
  it("int and float are both numbers; big ints are bigints", async () => {
    expect(await value("7")).toBe(7);
    expect(await value("7.0")).toBe(7);
    expect(await value("2 ** 80")).toBe(2n ** 80n);
    expect(await value("10 / 4")).toBe(2.5);
  });

  it("tuples come back marked, sets as Sets, dicts with int keys as Maps", async () => {
    expect(isTuple(await value("(1, 2)"))).toBe(true);
    expect(await value("{1, 2}")).toEqual(new Set([1, 2]));
    expect(await value('{1: "a"}')).toEqual(new Map([[1, "a"]]));
    expect(await value('{"a": [None, True]}')).toEqual({ a: [null, true] });
  });

  it("ranges and dict views become arrays; type() becomes its name", async () => {
    expect(await value("range(3)")).toEqual([0, 1, 2]);
    expect(await value('{"a": 1, "b": 2}.keys()')).toEqual(["a", "b"]);
    expect(await value("type(1.5)")).toBe("float");
  });

  it("caught errors become { type, message }", async () => {
    expect(await value("try:\n    1 / 0\nexcept Exception as e:\n    caught = e\ncaught")).toEqual({
      type: "ZeroDivisionError",
      message: expect.stringContaining("division"),
    });
  });

  it("functions and lambdas become callable DanaFunctions", async () => {
    await using ctx = runtime.createContext();
    const triple = (await ctx.eval("lambda x :: x * 3")).value as (x: number) => Promise<number>;
    expect(typeof triple).toBe("function");
    expect(await triple(5)).toBe(15);
  });
});
