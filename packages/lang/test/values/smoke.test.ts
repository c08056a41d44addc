import { describe, expect, it } from "vitest";
import { defaultLimits } from "../../src/host.js";
import { binaryOperation, compare, equals, repr, str } from "../../src/values/index.js";
import { DanaFloat, DanaList, DanaTuple } from "../../src/values/types.js";

describe("smoke", () => {
  it("prints and computes", () => {
    expect(repr(new DanaList([1, "a", new DanaFloat(2.5), null, true]))).toBe("[1, 'a', 2.5, None, True]");
    expect(repr(binaryOperation("+", new DanaFloat(0.1), new DanaFloat(0.2), defaultLimits))).toBe("0.30000000000000004");
    expect(str(binaryOperation("**", 2, 100, defaultLimits))).toBe("1267650600228229401496703205376");
    expect(repr(new DanaTuple([1]))).toBe("(1,)");
    expect(equals("10", 10)).toBe(true);
    expect(compare("<", "5", 10)).toBe(true);
  });
});
