/**
 * Connects the value converter to one context: Dana functions, modules and struct instances leaving the
 * sandbox become `DanaFunction` / `DanaModule` / `DanaObject` wrappers (one wrapper per sandbox object, so
 * identity is stable), and wrappers passed back in become their sandbox values again — only in the context
 * that made them, so contexts never reach each other's state.
 */
import {
  DanaCallable,
  DanaErrorValue,
  DanaHostFunction,
  DanaNativeObject,
  DanaStructInstance,
  DanaStructType,
  DanaModule as LanguageModule,
  type DanaObject as LanguageObject,
  type Value,
} from "@dana-gateway/lang";
import type { GatewayObjectHooks } from "../conversion/value-converter.js";
import { TypeConversionError } from "../errors/classes.js";
import { HandleReference } from "../protocol/handle-reference.js";
import { createDanaFunction } from "./dana-function.js";
import { DanaModule } from "./dana-module.js";
import { DanaObject } from "./dana-object.js";
import { type GatewayScope, wrapperTargets } from "./gateway-scope.js";

export function createGatewayHooks(scope: () => GatewayScope): GatewayObjectHooks {
  const wrappers = new WeakMap<LanguageObject, unknown>();
  // Over the wire every arrival is a new HandleReference; the handle id is what identifies the object.
  const wrappersByHandle = new Map<number, WeakRef<{ readonly alive: boolean }>>();
  // Entries of collected wrappers are swept whenever the map has doubled since the last sweep: amortised O(1).
  let sweepAt = 1024;
  const sweep = () => {
    for (const [id, reference] of wrappersByHandle) {
      const wrapper = reference.deref();
      if (wrapper === undefined || !wrapper.alive) wrappersByHandle.delete(id);
    }
    sweepAt = Math.max(1024, wrappersByHandle.size * 2);
  };

  const wrapHandle = (reference: HandleReference): unknown => {
    const id = reference.descriptor.handleId;
    scope().client.noteReceived?.(id);
    const cached = wrappersByHandle.get(id)?.deref();
    if (cached?.alive) {
      if (cached instanceof DanaObject) cached.refreshSnapshot(reference);
      return cached;
    }
    const wrapper = wrapNew(reference);
    if (typeof wrapper === "function" || (typeof wrapper === "object" && wrapper !== null)) {
      wrappersByHandle.set(id, new WeakRef(wrapper as { readonly alive: boolean }));
      if (wrappersByHandle.size >= sweepAt) sweep();
    }
    return wrapper;
  };

  const wrapNew = (value: LanguageObject): unknown => {
    const owner = scope();
    if (value instanceof DanaStructInstance) return new DanaObject(owner, value);
    if (value instanceof LanguageModule) return new DanaModule(owner, value);
    if (value instanceof DanaStructType) {
      return createDanaFunction(
        owner,
        value,
        value.name,
        value.fields.map((field) => field.name),
      );
    }
    if (value instanceof DanaCallable) return createDanaFunction(owner, value, value.name, value.parameterNames);
    if (value instanceof HandleReference) {
      const { descriptor } = value;
      switch (descriptor.kind) {
        case "function":
        case "struct-type":
          return createDanaFunction(owner, value, descriptor.name, descriptor.parameterNames);
        case "module":
          return new DanaModule(owner, value);
        case "object":
          return new DanaObject(owner, value);
        default:
          throw new TypeConversionError(
            "result",
            `a Dana ${descriptor.name} cannot leave the sandbox; convert it to a list or dict in Dana first`,
          );
      }
    }
    if (value instanceof DanaErrorValue) {
      return { type: value.exception.danaType, message: value.exception.message };
    }
    if (value instanceof DanaNativeObject) return value;
    throw new TypeConversionError(
      "result",
      `a Dana ${value.kind} cannot leave the sandbox; convert it to a list or dict in Dana first`,
    );
  };

  return {
    wrap(value) {
      if (value instanceof HandleReference) return wrapHandle(value);
      let wrapper = wrappers.get(value);
      if (wrapper === undefined) {
        wrapper = wrapNew(value);
        if (typeof wrapper === "object" || typeof wrapper === "function") wrappers.set(value, wrapper);
      }
      return wrapper;
    },
    unwrap(object) {
      const entry = wrapperTargets.get(object);
      if (entry === undefined) return undefined;
      if (entry.scope !== scope()) {
        throw new TypeConversionError(
          "value",
          "a Dana function, module or object from another context cannot be passed to this one",
        );
      }
      return entry.target;
    },
    hostFunction(implementation, path) {
      const owner = scope();
      if (!owner.client.direct) {
        throw new TypeConversionError(
          path,
          "functions cannot cross into an isolated sandbox; pass them as hostFunctions instead",
        );
      }
      const name = implementation.name || "host_callback";
      return new DanaHostFunction(name, async (positional, keywords) => {
        const args = positional.map((value, index) => owner.converter.fromDana(value, `${path}(args[${index}])`));
        if (keywords.size > 0) {
          const record: Record<string, unknown> = {};
          for (const [key, value] of keywords) record[key] = owner.converter.fromDana(value, `${path}(${key})`);
          args.push(record);
        }
        return owner.converter.toDana(await implementation(...args), `${path}() result`) as Value;
      });
    },
  };
}
