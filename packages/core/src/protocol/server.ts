/**
 * The sandbox side of the protocol: holds one interpreter, serves requests, owns the handle table.
 *
 * The same class runs in-process (the gateway calls its value-level methods directly: no serialisation on
 * the fast path) and inside a worker thread or child process, wrapped by `WireSandboxServer`, which turns
 * wire messages into these calls.
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
import { toDanaError } from "../errors/from-language.js";
import { coerceField as validateField } from "./field-coercion.js";
import { createDanaHost, type SandboxHostBridge } from "./host-bridge.js";
import type { SandboxInit } from "./messages.js";

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
  }
}

function attributeError(message: string): Error {
  return toDanaError(new DanaException("AttributeError", message));
}
