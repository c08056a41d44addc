/**
 * The sandbox side of handles: ids for objects that stay in the sandbox (functions, modules, struct
 * instances). Ids are never reused, so a stale id from the host fails loudly instead of reaching another
 * object.
 */
import type { DanaCallable, Value } from "@dana-gateway/lang";
import type { HandleDescriptor, HandleKind } from "./wire-values.js";

export class HandleTable {
  private readonly entries = new Map<number, Value>();
  private nextId = 1;

  get size(): number {
    return this.entries.size;
  }

  allocate(value: Value, kind: HandleKind): HandleDescriptor {
    const handleId = this.nextId++;
    this.entries.set(handleId, value);
    return describe(handleId, value, kind);
  }

  get(handleId: number): Value | undefined {
    return this.entries.get(handleId);
  }

  release(handleIds: readonly number[]): void {
    for (const id of handleIds) this.entries.delete(id);
  }

  clear(): void {
    this.entries.clear();
  }
}

function describe(handleId: number, value: Value, kind: HandleKind): HandleDescriptor {
  const object = value as {
    kind?: string;
    name?: unknown;
    type?: { name: string };
    parameterNames?: readonly string[];
  };
  if (kind === "object" && object.kind === "struct" && object.type) {
    return { handleId, kind, name: object.type.name, parameterNames: [], structName: object.type.name };
  }
  if (kind === "function") {
    const callable = value as DanaCallable;
    return { handleId, kind, name: callable.name, parameterNames: [...callable.parameterNames] };
  }
  const name = typeof object.name === "string" ? object.name : (object.kind ?? typeof value);
  return { handleId, kind, name, parameterNames: [] };
}
