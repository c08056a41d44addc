import { describe, expect, it } from "vitest";
import { packageName } from "../src/index.js";

describe("@dana-gateway/trip-planner", () => {
  it("exports its own name", () => {
    expect(packageName).toBe("@dana-gateway/trip-planner");
  });
});
