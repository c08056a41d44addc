/**
 * What a context may do beyond computing. Deny by default: a context with no `capabilities` can compute,
 * print, and import modules from its own `modulePaths`, nothing else.
 *
 *   "llm"                               reason() may call the runtime's language model
 *   { type: "fs:read", roots: [...] }   ctx.run(file) and imports may read inside these folders too
 *   { type: "net", hosts: [...] }       validated and recorded; no Dana builtin opens connections itself, so
 *                                       nothing consults it yet (host functions decide what they contact)
 *   "host:<name>"                       Dana may call the runtime-level host function <name>
 *
 * Host functions given to `createContext({ hostFunctions })` are granted by being passed.
 */
import { CapabilityDeniedError } from "../errors/classes.js";

export type Capability =
  | "llm"
  | `host:${string}`
  | { readonly type: "fs:read"; readonly roots: readonly string[] }
  | { readonly type: "net"; readonly hosts: readonly string[] };

export interface GrantedCapabilities {
  readonly llm: boolean;
  readonly readRoots: readonly string[];
  readonly netHosts: readonly string[];
  readonly hostFunctions: ReadonlySet<string>;
}

const grantHints: Record<string, string> = {
  llm: 'pass capabilities: ["llm"] to createContext',
  "fs:read": 'pass capabilities: [{ type: "fs:read", roots: ["<folder>"] }] to createContext',
  net: 'pass capabilities: [{ type: "net", hosts: ["<host>"] }] to createContext',
};

export function parseCapabilities(capabilities: unknown): GrantedCapabilities {
  if (capabilities === undefined) return { llm: false, readRoots: [], netHosts: [], hostFunctions: new Set() };
  if (!Array.isArray(capabilities)) {
    throw new TypeError(`Expected array, got ${typeof capabilities} at option 'capabilities'`);
  }
  let llm = false;
  const readRoots: string[] = [];
  const netHosts: string[] = [];
  const hostFunctions = new Set<string>();
  capabilities.forEach((capability: unknown, index) => {
    const where = `option 'capabilities[${index}]'`;
    if (capability === "llm") llm = true;
    else if (typeof capability === "string" && capability.startsWith("host:") && capability.length > 5) {
      hostFunctions.add(capability.slice(5));
    } else if (typeof capability === "object" && capability !== null && "type" in capability) {
      const grant = capability as { type: unknown; roots?: unknown; hosts?: unknown };
      if (grant.type === "fs:read") readRoots.push(...stringList(grant.roots, `${where}.roots`));
      else if (grant.type === "net") netHosts.push(...stringList(grant.hosts, `${where}.hosts`));
      else
        throw new TypeError(
          `Unknown capability type ${JSON.stringify(grant.type)} at ${where}; expected "fs:read" or "net"`,
        );
    } else {
      throw new TypeError(
        `Unknown capability ${JSON.stringify(capability)} at ${where}; expected "llm", "host:<name>", ` +
          '{ type: "fs:read", roots: [...] } or { type: "net", hosts: [...] }',
      );
    }
  });
  return { llm, readRoots, netHosts, hostFunctions };
}

function stringList(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
    throw new TypeError(`Expected an array of strings at ${where}`);
  }
  return value as string[];
}

/** The Dana-visible error for a missing grant: names the capability and how to grant it. */
export function capabilityDenied(capability: string, what: string): CapabilityDeniedError {
  const hint = capability.startsWith("host:")
    ? `add "${capability}" to the context's capabilities, or pass the function in createContext({ hostFunctions })`
    : (grantHints[capability] ?? "grant it in the context's capabilities");
  const message = `${what} needs the "${capability}" capability, which this context was not granted; to allow it, ${hint}`;
  return new CapabilityDeniedError({ danaType: "CapabilityDeniedError", danaMessage: message, capability });
}
