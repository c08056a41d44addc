/**
 * The gateway's error classes. Each has a literal `name`, structured fields, and survives `toJSON()` /
 * `DanaError.fromJSON()` with its class and fields intact.
 */
import { type Diagnostic, formatTraceback, type TraceFrame } from "@dana-gateway/lang";
import { DanaError, type DanaErrorOptions, registerErrorClass } from "./dana-error.js";

/** A Dana program failed to parse. `diagnostics` holds every problem found, not only the first. */
export class DanaSyntaxError extends DanaError {
  static override readonly errorName = "DanaSyntaxError";
  override readonly name = "DanaSyntaxError" as const;
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[], options: DanaErrorOptions & { message?: string } = {}) {
    super(options.message ?? diagnostics.map(formatDiagnostic).join("\n"), options);
    this.diagnostics = diagnostics;
  }
  protected override details() {
    return { diagnostics: this.diagnostics };
  }
  static override fromDetails(message: string, details: Record<string, unknown>) {
    return new DanaSyntaxError((details.diagnostics as Diagnostic[]) ?? [], { message });
  }
}

function formatDiagnostic(diagnostic: Diagnostic): string {
  return `${diagnostic.file}:${diagnostic.span.line}:${diagnostic.span.column}: ${diagnostic.type}: ${diagnostic.message}`;
}

export interface DanaSourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface DanaRuntimeErrorFields {
  /** The Dana error class, e.g. "ZeroDivisionError", matched by Dana `except` clauses. */
  readonly danaType: string;
  /** The Dana message without the type prefix. */
  readonly danaMessage: string;
  readonly location?: DanaSourceLocation | null;
  /** Dana frames, innermost last (as Python prints them). */
  readonly frames?: readonly TraceFrame[];
}

/**
 * A Dana error escaped the program. `stack` shows the Dana traceback first and the host stack after, so the
 * line of Dana code that failed is the first thing a developer reads.
 */
export class DanaRuntimeError extends DanaError {
  static override readonly errorName: string = "DanaRuntimeError";
  override readonly name: string = "DanaRuntimeError";
  readonly danaType: string;
  readonly danaMessage: string;
  readonly location: DanaSourceLocation | null;
  readonly frames: readonly TraceFrame[];

  constructor(fields: DanaRuntimeErrorFields, options: DanaErrorOptions = {}) {
    super(formatRuntimeMessage(fields), options);
    this.danaType = fields.danaType;
    this.danaMessage = fields.danaMessage;
    this.location = fields.location ?? null;
    this.frames = fields.frames ?? [];
    // Subclass `name` fields are not initialised yet inside this constructor: use the class's static name.
    prependTraceback(this, new.target.errorName);
  }

  /** The Dana traceback, formatted like Python's. */
  traceback(): string {
    const traceback = formatTraceback(this.frames);
    return `${traceback ? `${traceback}\n` : ""}${this.danaType}: ${this.danaMessage}`;
  }

  protected runtimeFields(): DanaRuntimeErrorFields {
    return { danaType: this.danaType, danaMessage: this.danaMessage, location: this.location, frames: this.frames };
  }
  protected override details(): Record<string, unknown> {
    return { ...this.runtimeFields() };
  }
  static override fromDetails(_message: string, details: Record<string, unknown>): DanaError {
    return new DanaRuntimeError(details as unknown as DanaRuntimeErrorFields);
  }
}

function formatRuntimeMessage(fields: DanaRuntimeErrorFields): string {
  const where = fields.location
    ? ` (at ${fields.location.file}:${fields.location.line}:${fields.location.column})`
    : "";
  return `${fields.danaType}: ${fields.danaMessage}${where}`;
}

/** Puts the Dana traceback before the host stack (quickjs-emscripten shows guest frames first the same way). */
function prependTraceback(error: DanaRuntimeError, name: string): void {
  const hostFrames = (error.stack ?? "").split("\n").slice(1).join("\n");
  error.stack = `${name}: ${error.message}\n${error.traceback()}\n    --- host stack ---\n${hostFrames}`;
}

export type TimeoutLimit = "timeout" | "steps" | "cancelled";

/** The program ran out of time or steps, or was cancelled (`signal`, `cancel()`). */
export class DanaTimeoutError extends DanaRuntimeError {
  static override readonly errorName = "DanaTimeoutError";
  override readonly name = "DanaTimeoutError" as const;
  readonly timedOut = true as const;
  readonly limit: TimeoutLimit;

  constructor(fields: DanaRuntimeErrorFields & { limit: TimeoutLimit }, options: DanaErrorOptions = {}) {
    super(fields, options);
    this.limit = fields.limit;
  }
  protected override details() {
    return { ...this.runtimeFields(), limit: this.limit };
  }
  static override fromDetails(_message: string, details: Record<string, unknown>) {
    return new DanaTimeoutError(details as unknown as DanaRuntimeErrorFields & { limit: TimeoutLimit });
  }
}

/** The program tried to build a value larger than `maxMemoryBytes`, or an isolated sandbox ran out of heap. */
export class DanaMemoryLimitError extends DanaRuntimeError {
  static override readonly errorName = "DanaMemoryLimitError";
  override readonly name = "DanaMemoryLimitError" as const;
  static override fromDetails(_message: string, details: Record<string, unknown>) {
    return new DanaMemoryLimitError(details as unknown as DanaRuntimeErrorFields);
  }
}

/** Dana code used a capability the context did not grant. The message says how to grant it. */
export class CapabilityDeniedError extends DanaRuntimeError {
  static override readonly errorName = "CapabilityDeniedError";
  override readonly name = "CapabilityDeniedError" as const;
  /** The capability that was missing, e.g. "llm", "fs:read", "host:weather". */
  readonly capability: string;

  constructor(fields: DanaRuntimeErrorFields & { capability: string }, options: DanaErrorOptions = {}) {
    super(fields, options);
    this.capability = fields.capability;
  }
  protected override details() {
    return { ...this.runtimeFields(), capability: this.capability };
  }
  static override fromDetails(_message: string, details: Record<string, unknown>) {
    return new CapabilityDeniedError(details as unknown as DanaRuntimeErrorFields & { capability: string });
  }
}

/** An import found no module (or found one outside the allowed roots). */
export class ModuleNotFoundError extends DanaRuntimeError {
  static override readonly errorName = "ModuleNotFoundError";
  override readonly name = "ModuleNotFoundError" as const;
  readonly moduleName: string;

  constructor(fields: DanaRuntimeErrorFields & { moduleName: string }, options: DanaErrorOptions = {}) {
    super(fields, options);
    this.moduleName = fields.moduleName;
  }
  protected override details() {
    return { ...this.runtimeFields(), moduleName: this.moduleName };
  }
  static override fromDetails(_message: string, details: Record<string, unknown>) {
    return new ModuleNotFoundError(details as unknown as DanaRuntimeErrorFields & { moduleName: string });
  }
}

/** A value could not cross between TypeScript and Dana. `path` names where inside the value, e.g. `args[0].rows[3]`. */
export class TypeConversionError extends DanaError {
  static override readonly errorName = "TypeConversionError";
  override readonly name = "TypeConversionError" as const;
  readonly path: string;
  readonly reason: string;

  constructor(path: string, reason: string, options: DanaErrorOptions = {}) {
    super(`Cannot convert ${path}: ${reason}`, options);
    this.path = path;
    this.reason = reason;
  }
  protected override details() {
    return { path: this.path, reason: this.reason };
  }
  static override fromDetails(_message: string, details: Record<string, unknown>) {
    return new TypeConversionError(String(details.path), String(details.reason));
  }
}

/**
 * A gateway resource (runtime, context, function, object) was used after `close()` / `dispose()`, or an
 * option was rejected. `resource` says which one.
 */
export class ResourceError extends DanaError {
  static override readonly errorName = "ResourceError";
  override readonly name = "ResourceError" as const;
  readonly resource: string;

  constructor(resource: string, message: string, options: DanaErrorOptions = {}) {
    super(message, options);
    this.resource = resource;
  }
  protected override details() {
    return { resource: this.resource };
  }
  static override fromDetails(message: string, details: Record<string, unknown>) {
    return new ResourceError(String(details.resource), message);
  }
}

/** The sandbox (worker thread or child process) died; its state is gone and the context must be recreated. */
export class DanaCrashedError extends DanaError {
  static override readonly errorName = "DanaCrashedError";
  override readonly name = "DanaCrashedError" as const;
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly outOfMemory: boolean;

  constructor(
    message: string,
    fields: { exitCode?: number | null; signal?: string | null; outOfMemory?: boolean } = {},
    options: DanaErrorOptions = {},
  ) {
    super(message, options);
    this.exitCode = fields.exitCode ?? null;
    this.signal = fields.signal ?? null;
    this.outOfMemory = fields.outOfMemory ?? false;
  }
  protected override details() {
    return { exitCode: this.exitCode, signal: this.signal, outOfMemory: this.outOfMemory };
  }
  static override fromDetails(message: string, details: Record<string, unknown>) {
    return new DanaCrashedError(message, details as { exitCode?: number; signal?: string; outOfMemory?: boolean });
  }
}

for (const errorClass of [
  DanaSyntaxError,
  DanaRuntimeError,
  DanaTimeoutError,
  DanaMemoryLimitError,
  CapabilityDeniedError,
  ModuleNotFoundError,
  TypeConversionError,
  ResourceError,
  DanaCrashedError,
]) {
  registerErrorClass(errorClass);
}
