/**
 * A Dana struct instance seen from TypeScript. Field writes go through the sandbox and are checked (and
 * coerced, as Dana's typed assignment does) against the struct's declared field types.
 *
 * In-process, `get` reads the live instance. In isolated modes it reads the snapshot taken when the object
 * crossed; `read` always asks the sandbox.
 */
import { DanaStructInstance, type Value } from "@dana-gateway/lang";
import { ResourceError } from "../errors/classes.js";
import { HandleReference } from "../protocol/handle-reference.js";
import { type GatewayScope, wrapperTargets } from "./gateway-scope.js";

export class DanaObject<Fields extends object = Record<string, unknown>> {
  readonly structName: string;
  readonly fieldNames: readonly string[];
  #disposed = false;
  readonly #scope: GatewayScope;
  readonly #target: Value;

  /** @internal Created by the gateway; users receive instances from Dana calls. */
  constructor(scope: GatewayScope, target: DanaStructInstance | HandleReference) {
    this.#scope = scope;
    this.#target = target;
    if (target instanceof DanaStructInstance) {
      this.structName = target.type.name;
      this.fieldNames = Object.freeze(target.type.fields.map((field) => field.name));
    } else {
      this.structName = target.descriptor.structName ?? target.descriptor.name;
      this.fieldNames = Object.freeze([...(target.fieldSnapshot?.keys() ?? [])]);
    }
    wrapperTargets.set(this, { target, scope });
    scope.track(this, target);
  }

  /** @internal The same sandbox object crossed again (isolated modes): take its newer field values. */
  refreshSnapshot(reference: HandleReference): void {
    const target = this.#target;
    if (!(target instanceof HandleReference) || !reference.fieldSnapshot || !target.fieldSnapshot) return;
    for (const [name, value] of reference.fieldSnapshot) (target.fieldSnapshot as Map<string, Value>).set(name, value);
  }

  get alive(): boolean {
    return !this.#disposed && !this.#scope.closed;
  }

  #check(what: string): void {
    if (this.#disposed)
      throw new ResourceError("object", `this ${this.structName} object was disposed; ${what} is not possible`);
    this.#scope.checkOpen(what);
  }

  #field(name: string): void {
    if (typeof name !== "string") throw new TypeError(`Expected string, got ${typeof name} at argument 'field'`);
    if (!this.fieldNames.includes(name)) {
      throw new TypeError(`'${this.structName}' has no field '${name}'; fields: ${this.fieldNames.join(", ")}`);
    }
  }

  /** A field's value, converted to JavaScript. */
  get<Field extends keyof Fields & string>(field: Field): Fields[Field];
  get(field: string): unknown {
    this.#check(`reading ${this.structName}.${field}`);
    this.#field(field);
    const target = this.#target;
    const value =
      target instanceof DanaStructInstance
        ? (target.fields[target.type.fieldIndex.get(field)!] ?? null)
        : ((target as HandleReference).fieldSnapshot?.get(field) ?? null);
    return this.#scope.converter.fromDana(value, `${this.structName}.${field}`);
  }

  /** A field's current value, read through the sandbox. */
  async read<Field extends keyof Fields & string>(field: Field): Promise<Fields[Field]>;
  async read(field: string): Promise<unknown> {
    this.#check(`reading ${this.structName}.${field}`);
    this.#field(field);
    const value = await this.#scope.client.getAttribute(this.#target, field);
    return this.#scope.converter.fromDana(value, `${this.structName}.${field}`);
  }

  /** Sets a field; rejects values the field's type does not accept. */
  async set<Field extends keyof Fields & string>(field: Field, value: Fields[Field]): Promise<void>;
  async set(field: string, value: unknown): Promise<void> {
    this.#check(`writing ${this.structName}.${field}`);
    this.#field(field);
    const converted = this.#scope.converter.toDana(value, `${this.structName}.${field}`);
    await this.#scope.client.setAttribute(this.#target, field, converted);
    const target = this.#target;
    if (target instanceof HandleReference && target.fieldSnapshot) {
      (target.fieldSnapshot as Map<string, Value>).set(field, await this.#scope.client.getAttribute(target, field));
    }
  }

  /** The fields as plain data (nested structs included), e.g. for `JSON.stringify`. */
  toJSON(): Fields {
    const result: Record<string, unknown> = {};
    for (const field of this.fieldNames) {
      const value = this.get(field as keyof Fields & string);
      result[field] = value instanceof DanaObject ? value.toJSON() : value;
    }
    return result as Fields;
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#scope.untrack(this);
    this.#scope.client.release(this.#target);
  }

  [Symbol.dispose](): void {
    this.dispose();
  }

  get [Symbol.toStringTag](): string {
    return `DanaObject ${this.structName}`;
  }
}
