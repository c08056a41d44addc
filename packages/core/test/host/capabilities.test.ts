import { describe, expect, it } from "vitest";
import { capabilityDenied, parseCapabilities } from "../../src/host/capabilities.js";

describe("capabilities", () => {
  it("deny everything by default", () => {
    const granted = parseCapabilities(undefined);
    expect(granted).toEqual({ llm: false, readRoots: [], netHosts: [], hostFunctions: new Set() });
  });

  it("parse every kind of grant", () => {
    const granted = parseCapabilities([
      "llm",
      "host:weather",
      { type: "fs:read", roots: ["/data"] },
      { type: "net", hosts: ["api.example.com"] },
    ]);
    expect(granted.llm).toBe(true);
    expect([...granted.hostFunctions]).toEqual(["weather"]);
    expect(granted.readRoots).toEqual(["/data"]);
    expect(granted.netHosts).toEqual(["api.example.com"]);
  });

  it("reject unknown grants, listing the valid forms", () => {
    expect(() => parseCapabilities(["everything"])).toThrow(
      /Unknown capability "everything" at option 'capabilities\[0\]'.*"llm"/,
    );
    expect(() => parseCapabilities([{ type: "fs:write", roots: [] }])).toThrow(/Unknown capability type "fs:write"/);
    expect(() => parseCapabilities([{ type: "fs:read", roots: "/" }])).toThrow(/array of strings/);
    expect(() => parseCapabilities("llm")).toThrow(/Expected array, got string/);
  });

  it("name the capability and how to grant it when denied", () => {
    const llm = capabilityDenied("llm", "reason()");
    expect(llm.capability).toBe("llm");
    expect(llm.danaType).toBe("CapabilityDeniedError");
    expect(llm.message).toContain('capabilities: ["llm"]');
    expect(capabilityDenied("host:weather", "calling host function 'weather'").message).toContain('"host:weather"');
  });
});
