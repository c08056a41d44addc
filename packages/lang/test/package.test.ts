import { describe, expect, it } from "vitest";
import { packageName } from "../src/index.js";

describe("@dana-gateway/lang", () => {
  it("exports its own name", () => {
    expect(packageName).toBe("@dana-gateway/lang");
  });
});
