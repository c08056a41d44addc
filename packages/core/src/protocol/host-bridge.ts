/**
 * What a sandbox server needs from its host, as Dana values. In-process, the gateway's host service
 * implements it directly; in a worker or child process, `createWireHostBridge` implements it with
 * `host-request` messages, and the host answers them with `serveHostRequest` on the same host service.
 */
import {
  DanaException,
  type DanaHost,
  type DanaHostFunction,
  type KeywordArguments,
  type ModuleRequest,
  type ModuleSource,
  type ReasonRequest,
  type Value,
} from "@dana-gateway/lang";
import { DanaError } from "../errors/dana-error.js";

export interface SandboxHostBridge {
  writeStdout(text: string): void;
  resolveModule(request: ModuleRequest): ModuleSource | null | Promise<ModuleSource | null>;
  /** Returns the model's reply (a string) or structured JSON data. */
  reason(request: ReasonRequest): unknown | Promise<unknown>;
  callHostFunction(name: string, positional: readonly Value[], keywords: KeywordArguments): Value | Promise<Value>;
}

/**
 * Builds the `DanaHost` an interpreter runs with. Host failures are rethrown as catchable Dana errors so
 * Dana `try/except` sees them; the gateway error rides along as `cause` and is restored when the error
 * leaves the sandbox.
 */
export function createDanaHost(bridge: SandboxHostBridge, hostFunctionNames: readonly string[]): Partial<DanaHost> {
  const functions = new Map<string, DanaHostFunction["implementation"]>();
  for (const name of hostFunctionNames) {
    functions.set(name, (positional, keywords) =>
      settle(() => bridge.callHostFunction(name, positional, keywords), `host function '${name}'`),
    );
  }
  return {
    writeStdout: (text) => bridge.writeStdout(text),
    resolveModule: (request) => settle(() => bridge.resolveModule(request), `import of '${request.name}'`),
    reason: (request) => settle(() => bridge.reason(request), "reason()"),
    functions,
  };
}

function settle<T>(action: () => T | Promise<T>, what: string): T | Promise<T> {
  try {
    const result = action();
    return result instanceof Promise ? result.catch((error: unknown) => raiseInDana(error, what)) : result;
  } catch (error) {
    return raiseInDana(error, what);
  }
}

/**
 * Dana errors that passed through the host (a host function that called back into Dana) keep their Dana type;
 * other gateway errors use their class name (`CapabilityDeniedError`); anything else becomes `HostError`.
 */
function raiseInDana(error: unknown, what: string): never {
  if (error instanceof DanaException) throw error;
  if (DanaError.isInstance(error)) {
    const danaType = (error as { danaType?: unknown }).danaType;
    const type = typeof danaType === "string" ? danaType : error.name === "DanaError" ? "HostError" : error.name;
    const message = "danaMessage" in error ? String(error.danaMessage) : error.message;
    throw new DanaException(type, message, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  throw new DanaException("HostError", `${what} failed: ${message}`, { cause: error });
}
