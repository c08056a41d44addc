import { describe, expect, it } from "vitest";
import { packageName } from "../src/index.js";

describe("@dana-gateway/llm-pool", () => {
  it("exports its own name", () => {
    expect(packageName).toBe("@dana-gateway/llm-pool");
  });
});
