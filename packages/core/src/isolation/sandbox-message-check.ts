/**
 * The sandbox is not trusted, so neither are its messages: before the host acts on one, its shape is checked.
 * A malformed message means the sandbox is broken or compromised; the host ends it rather than guess. (Values
 * inside answers are checked again when the gateway decodes them; host requests by the host when it serves them.)
 */
import type { SandboxToHostMessage } from "../protocol/messages.js";

const hostRequestKinds = new Set(["reason", "host-function", "resolve-module"]);

/** The message, typed, or a description of what is wrong with it. */
export function checkSandboxMessage(message: unknown): SandboxToHostMessage | string {
  if (typeof message !== "object" || message === null) return `a message must be an object, got ${typeof message}`;
  const record = message as Record<string, unknown>;
  switch (record.type) {
    case "response": {
      if (!Number.isSafeInteger(record.id)) return "a response without a numeric id";
      if (record.ok === true)
        return "value" in record ? (message as SandboxToHostMessage) : "a response without a value";
      if (record.ok !== false) return "a response whose 'ok' is not a boolean";
      const error = record.error as Record<string, unknown> | null;
      if (
        typeof error !== "object" ||
        error === null ||
        typeof error.name !== "string" ||
        typeof error.message !== "string"
      ) {
        return "an error response without a serialised error";
      }
      return message as SandboxToHostMessage;
    }
    case "stdout":
      return typeof record.text === "string" ? (message as SandboxToHostMessage) : "output that is not a string";
    case "host-request": {
      if (!Number.isSafeInteger(record.id)) return "a host request without a numeric id";
      const request = record.request as Record<string, unknown> | null;
      if (typeof request !== "object" || request === null || !hostRequestKinds.has(request.kind as string)) {
        return "a host request of an unknown kind";
      }
      return message as SandboxToHostMessage;
    }
    default:
      return `a message of unknown type ${JSON.stringify(String(record.type)).slice(0, 40)}`;
  }
}
