/**
 * The host side of the wire: decodes sandbox answers into Dana values whose sandbox objects are
 * `HandleReference`s, encodes host values for the sandbox, and serves `host-request` messages with the
 * host's `SandboxHostBridge` (where capabilities are checked).
 */
import type { ReasonRequest, Value } from "@dana-gateway/lang";
import { TypeConversionError } from "../errors/classes.js";
import { DanaError } from "../errors/dana-error.js";
import { toDanaError } from "../errors/from-language.js";
import { HandleReference } from "./handle-reference.js";
import type { SandboxHostBridge } from "./host-bridge.js";
import type { HostRequestMessage, HostResponseMessage, KeywordEntries } from "./messages.js";
import { createNativeEncoding, type NativeEncoding } from "./native-codecs.js";
import { decodeValue, encodeValue, WireEncodingError, type WireValue } from "./wire-values.js";

export function decodeOnHost(wire: WireValue): Value {
  try {
    return decodeWithReferences(wire);
  } catch (error) {
    if (error instanceof WireEncodingError) throw new TypeConversionError(error.path, error.reason);
    throw error;
  }
}

function decodeWithReferences(wire: WireValue): Value {
  return decodeValue(wire, (handle, struct) => {
    if (!struct) {
      const members = handle.members?.map(([name, value]) => [name, decodeWithReferences(value)] as const);
      return new HandleReference(handle, null, members ? new Map(members) : null);
    }
    const snapshot = new Map<string, Value>(struct.fields.map(([name, value]) => [name, decodeWithReferences(value)]));
    return new HandleReference(handle, snapshot);
  });
}

/**
 * Only values that originated in the sandbox (handle references) may be sent back as objects, plus native values
 * with a codec (`native` collects what the request needs for those).
 */
export function encodeOnHost(value: Value, path: string, native: NativeEncoding | null = null): WireValue {
  try {
    return encodeValue(
      value,
      (object) => {
        if (object instanceof HandleReference) return object.descriptor;
        throw new WireEncodingError(path, "this host value cannot cross into an isolated sandbox");
      },
      path,
      native,
    );
  } catch (error) {
    if (error instanceof WireEncodingError) throw new TypeConversionError(error.path, error.reason);
    throw error;
  }
}

export function encodeKeywordsOnHost(
  keywords: ReadonlyMap<string, Value>,
  path: string,
  native: NativeEncoding | null = null,
): KeywordEntries {
  return [...keywords].map(([name, value]) => [name, encodeOnHost(value, `${path}.${name}`, native)] as const);
}

/** Answers one `host-request` with the host's bridge; never rejects (failures become `ok: false`). */
export async function serveHostRequest(
  message: HostRequestMessage,
  bridge: SandboxHostBridge,
): Promise<HostResponseMessage> {
  try {
    const request = message.request;
    let value: unknown;
    const native = createNativeEncoding();
    switch (request.kind) {
      case "reason": {
        const reasonRequest: ReasonRequest = {
          prompt: request.prompt,
          options: request.options,
          expectedType: request.expectedType,
        };
        value = await bridge.reason(reasonRequest);
        break;
      }
      case "resolve-module":
        value = await bridge.resolveModule(request.request);
        break;
      case "host-function": {
        const positional = request.positional.map(decodeOnHost);
        const keywords = new Map(request.keywords.map(([name, item]) => [name, decodeOnHost(item)]));
        const result = await bridge.callHostFunction(request.name, positional, keywords);
        value = encodeOnHost(result, `${request.name}() result`, native);
        break;
      }
    }
    const codecModules = native.moduleUrls.size > 0 ? { codecModules: [...native.moduleUrls] } : {};
    return { type: "host-response", id: message.id, ok: true, value, ...codecModules };
  } catch (error) {
    const danaError = DanaError.isInstance(error) ? error : toDanaError(error);
    return { type: "host-response", id: message.id, ok: false, error: danaError.toJSON() };
  }
}
