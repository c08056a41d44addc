/**
 * The sandbox side of the protocol: holds one interpreter, serves requests, owns the handle table.
 *
 * The same class runs in-process (the gateway calls its value-level methods directly: no serialisation on
 * the fast path) and inside a worker thread or child process (the transport feeds `handleRequest` /
 * `handleNotice` with wire messages).
 */
import {
  DanaException,
  type DanaInterpreter,
  DanaModule,
  DanaStructInstance,
  type InterpreterOptions,
  type KeywordArguments,
  type Limits,
  type Value,
} from "@dana-gateway/lang";
import { TypeConversionError } from "../errors/classes.js";
import { toDanaError } from "../errors/from-language.js";
import { coerceField as validateField } from "./field-coercion.js";
import { HandleTable } from "./handle-table.js";
import { createDanaHost, type SandboxHostBridge } from "./host-bridge.js";
import type { KeywordEntries, SandboxInit, SandboxNotice, SandboxRequest, SandboxResponse } from "./messages.js";
import { decodeValue, encodeValue, type HandleDescriptor, WireEncodingError, type WireValue } from "./wire-values.js";

export type InterpreterFactory = (options: InterpreterOptions) => DanaInterpreter;

export interface SandboxServerOptions {
  readonly init: SandboxInit;
  readonly host: SandboxHostBridge;
  readonly createInterpreter: InterpreterFactory;
  /**
   * Checks a struct field write against the field's declared type and returns the value to store. Default:
   * the language's own field validation, the rule a Dana assignment to the field follows.
   */
  readonly coerceField?: (
    instance: DanaStructInstance,
    field: string,
    value: Value,
    interpreter: DanaInterpreter,
  ) => Value;
}

export interface EvaluateInput {
  readonly file?: string;
  readonly inputs?: ReadonlyMap<string, Value>;
  readonly limits?: Partial<Limits>;
}

export class SandboxServer {
  readonly handles = new HandleTable();
  private readonly interpreter: DanaInterpreter;
  private readonly coerceField: NonNullable<SandboxServerOptions["coerceField"]>;
  private closed = false;

  constructor(options: SandboxServerOptions) {
    this.interpreter = options.createInterpreter({
      host: createDanaHost(options.host, options.init.hostFunctionNames),
      limits: options.init.limits,
    });
    this.coerceField = options.coerceField ?? validateField;
  }

  // -------------------------------------------------------------------------------------------------------
  // Value-level operations (the in-process fast path). They throw `DanaError`s.

  async evaluate(source: string, input: EvaluateInput = {}): Promise<Value> {
    try {
      const result = await this.interpreter.evaluate(source, {
        ...(input.file === undefined ? {} : { file: input.file }),
        ...(input.inputs === undefined ? {} : { inputs: input.inputs }),
        ...(input.limits === undefined ? {} : { limits: input.limits }),
      });
      return result.value;
    } catch (error) {
      throw toDanaError(error);
    }
  }

  async importModule(name: string, limits?: Partial<Limits>): Promise<DanaModule> {
    try {
      return await this.interpreter.importModule(name, limits === undefined ? undefined : { limits });
    } catch (error) {
      throw toDanaError(error);
    }
  }

  async call(callee: Value, positional: readonly Value[], keywords?: KeywordArguments, limits?: Partial<Limits>) {
    try {
      return await this.interpreter.call(callee, positional, keywords, limits === undefined ? undefined : { limits });
    } catch (error) {
      throw toDanaError(error);
    }
  }

  /** Synchronous call for callers that know the function needs no host (throws if it does). */
  callSync(callee: Value, positional: readonly Value[], keywords?: KeywordArguments): Value {
    try {
      return this.interpreter.callSync(callee, positional, keywords);
    } catch (error) {
      throw toDanaError(error);
    }
  }

  /** Module members (private `_names` are never exported) and struct fields. */
  getAttribute(target: Value, name: string): Value {
    if (target instanceof DanaModule) {
      const member = name.startsWith("_") ? undefined : target.members.get(name);
      if (member === undefined) throw attributeError(`module '${target.name}' has no attribute '${name}'`);
      return member;
    }
    if (target instanceof DanaStructInstance) {
      const index = target.type.fieldIndex.get(name);
      if (index === undefined) throw attributeError(`'${target.type.name}' object has no attribute '${name}'`);
      return target.fields[index] ?? null;
    }
    throw attributeError(`cannot read attribute '${name}' of this value`);
  }

  /** Struct fields only, validated (and coerced as Dana's typed assignment would) by the field's type. */
  setAttribute(target: Value, name: string, value: Value): void {
    if (!(target instanceof DanaStructInstance)) throw attributeError(`cannot set attribute '${name}' of this value`);
    const index = target.type.fieldIndex.get(name);
    if (index === undefined) throw attributeError(`'${target.type.name}' object has no attribute '${name}'`);
    try {
      target.fields[index] = this.coerceField(target, name, value, this.interpreter);
    } catch (error) {
      throw toDanaError(error);
    }
  }

  /** Objects the host currently holds handles to (always 0 on the in-process fast path). */
  stats(): { liveHandles: number } {
    return { liveHandles: this.handles.size };
  }

  invalidateModules(files?: readonly string[]): void {
    this.interpreter.invalidateModules(files);
  }

  cancel(reason?: string): void {
    this.interpreter.cancel(reason);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.interpreter.cancel("the context was closed");
    this.handles.clear();
  }

  // -------------------------------------------------------------------------------------------------------
  // Wire-level operations (worker threads and child processes).

  async handleRequest(request: SandboxRequest): Promise<SandboxResponse> {
    try {
      const value = await this.serve(request);
      return { type: "response", id: request.id, ok: true, value };
    } catch (error) {
      return { type: "response", id: request.id, ok: false, error: toDanaError(error).toJSON() };
    }
  }

  handleNotice(notice: SandboxNotice): void {
    if (notice.type === "release") this.handles.release(notice.handleIds, notice.counts);
    else this.cancel(notice.reason);
  }

  /** Encodes a value for the host, giving sandbox objects handles; cycles become `TypeConversionError`. */
  encode(value: Value, path = "result"): WireValue {
    try {
      return encodeValue(value, (object, kind) => this.handles.allocate(object, kind), path);
    } catch (error) {
      if (error instanceof WireEncodingError) throw new TypeConversionError(error.path, error.reason);
      throw error;
    }
  }

  decode(wire: WireValue): Value {
    return decodeValue(wire, (handle) => this.resolveHandle(handle));
  }

  decodeKeywords(entries: KeywordEntries): Map<string, Value> {
    return new Map(entries.map(([name, value]) => [name, this.decode(value)]));
  }

  private async serve(request: SandboxRequest): Promise<WireValue> {
    switch (request.type) {
      case "eval": {
        const inputs = this.decodeKeywords(request.inputs);
        const input = { inputs, ...(request.file === undefined ? {} : { file: request.file }), limits: request.limits };
        return this.encode(await this.evaluate(request.source, input));
      }
      case "import-module": {
        const module = await this.importModule(request.name, request.limits);
        const handle = this.handles.allocate(module, "module");
        const members: (readonly [string, WireValue])[] = [];
        for (const [name, member] of module.members) {
          if (!name.startsWith("_")) members.push([name, this.encode(member, `${request.name}.${name}`)]);
        }
        return { $: "handle", handle: { ...handle, members } };
      }
      case "call": {
        const callee = this.resolveHandle({ handleId: request.handleId } as HandleDescriptor);
        const positional = request.positional.map((value) => this.decode(value));
        const result = await this.call(callee, positional, this.decodeKeywords(request.keywords), request.limits);
        return this.encode(result);
      }
      case "get-attribute":
        return this.encode(
          this.getAttribute(this.resolveHandle({ handleId: request.handleId } as HandleDescriptor), request.name),
        );
      case "set-attribute": {
        const target = this.resolveHandle({ handleId: request.handleId } as HandleDescriptor);
        this.setAttribute(target, request.name, this.decode(request.value));
        return null;
      }
      case "invalidate-modules":
        this.invalidateModules(request.files);
        return null;
      case "stats":
        return { $: "dict", entries: [["liveHandles", this.handles.size]] };
      case "close":
        this.close();
        return null;
      case "init":
        throw new DanaException("RuntimeError", "the sandbox was already initialised");
    }
  }

  private resolveHandle(handle: HandleDescriptor): Value {
    const value = this.handles.get(handle.handleId);
    if (value === undefined) {
      throw new DanaException(
        "ReferenceError",
        `handle ${handle.handleId} was released or never existed in this sandbox`,
      );
    }
    return value;
  }
}

function attributeError(message: string): Error {
  return toDanaError(new DanaException("AttributeError", message));
}
