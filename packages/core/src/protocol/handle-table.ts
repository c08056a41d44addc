/**
 * The sandbox side of handles: ids for objects that stay in the sandbox (functions, modules, struct
 * instances).
 *
 * The same object always has the same id while the host holds it, so the host can keep one wrapper per
 * object (`identity(x) is x` holds across the wire). Each time an id is sent its count goes up; the host's
 * `release` says how many it received, so a copy still in flight keeps the entry alive. Ids are never reused:
 * a stale id fails loudly instead of reaching another object.
 */
import type { DanaCallable, Value } from "@dana-gateway/lang";
import type { HandleDescriptor, HandleKind } from "./wire-values.js";

interface Entry {
  readonly value: Value;
  readonly descriptor: HandleDescriptor;
  sent: number;
}

export class HandleTable {
  private readonly byId = new Map<number, Entry>();
  private readonly byObject = new Map<Value, number>();
  private nextId = 1;

  get size(): number {
    return this.byId.size;
  }

  allocate(value: Value, kind: HandleKind): HandleDescriptor {
    const existing = this.byObject.get(value);
    if (existing !== undefined) {
      const entry = this.byId.get(existing)!;
      entry.sent++;
      return entry.descriptor;
    }
    const handleId = this.nextId++;
    const descriptor = describe(handleId, value, kind);
    this.byId.set(handleId, { value, descriptor, sent: 1 });
    this.byObject.set(value, handleId);
    return descriptor;
  }

  get(handleId: number): Value | undefined {
    return this.byId.get(handleId)?.value;
  }

  /** `counts[i]` is how many times the host received `handleIds[i]`; absent means "all of them". */
  release(handleIds: readonly number[], counts?: readonly number[]): void {
    handleIds.forEach((handleId, index) => {
      const entry = this.byId.get(handleId);
      if (!entry) return;
      entry.sent -= counts?.[index] ?? entry.sent;
      if (entry.sent > 0) return;
      this.byId.delete(handleId);
      this.byObject.delete(entry.value);
    });
  }

  clear(): void {
    this.byId.clear();
    this.byObject.clear();
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
  if (kind === "struct-type") {
    const fields = (value as { fields?: readonly { name: string }[] }).fields ?? [];
    return { handleId, kind, name: String(object.name), parameterNames: fields.map((field) => field.name) };
  }
  const name = typeof object.name === "string" ? object.name : (object.kind ?? typeof value);
  return { handleId, kind, name, parameterNames: [] };
}
