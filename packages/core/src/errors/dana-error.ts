/**
 * The base of every error the gateway throws.
 *
 * `instanceof` fails across worker threads, child processes and duplicate installs of this package, so every
 * error carries a `Symbol.for` marker and a literal `name`; `isInstance()` checks those instead. Errors cross
 * the sandbox boundary as `toJSON()` data and are rebuilt with `DanaError.fromJSON()` (structured clone drops
 * subclass names and fields; JSON IPC turns an `Error` into `{}`).
 */

const marker = Symbol.for("@dana-gateway/core.DanaError");

/** The wire form of an error: plain JSON data. */
export interface SerializedDanaError {
  readonly name: string;
  readonly message: string;
  /** Subclass fields (diagnostics, traceback frames, capability, path…). */
  readonly details?: Readonly<Record<string, unknown>>;
  readonly cause?: SerializedDanaError | { readonly name: string; readonly message: string };
  /** The stack where the error was first raised (another thread or process in isolated modes). */
  readonly stack?: string;
}

interface RegisteredErrorClass {
  readonly errorName: string;
  readonly prototype: DanaError;
  fromDetails(message: string, details: Record<string, unknown>): DanaError;
}

const registry = new Map<string, RegisteredErrorClass>();

/** Makes `DanaError.fromJSON` able to rebuild instances of `errorClass` by its name. */
export function registerErrorClass(errorClass: RegisteredErrorClass): void {
  registry.set(errorClass.errorName, errorClass);
}

export interface DanaErrorOptions {
  readonly cause?: unknown;
}

export class DanaError extends Error {
  static readonly errorName: string = "DanaError";
  override readonly name: string = "DanaError";
  declare readonly [marker]: true;

  constructor(message: string, options: DanaErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    Object.defineProperty(this, marker, { value: true });
  }

  /**
   * True for instances of this class or a subclass, also when created by another copy of this package or
   * rebuilt from JSON in another thread.
   */
  static isInstance<T extends DanaError>(
    this: { readonly errorName: string; readonly prototype: T },
    value: unknown,
  ): value is T {
    if (typeof value !== "object" || value === null || (value as { [marker]?: unknown })[marker] !== true) {
      return false;
    }
    // `this` is the class `isInstance` was called on (`DanaTimeoutError.isInstance(x)`), on purpose.
    // biome-ignore lint/complexity/noThisInStatic: polymorphic on purpose (the subclass it is called on).
    // biome-ignore lint/complexity/noUselessThisAlias: names what `this` is here.
    const target = this;
    if (target.errorName === DanaError.errorName) return true;
    const name = (value as { name?: unknown }).name;
    if (name === target.errorName) return true;
    const known = typeof name === "string" ? registry.get(name) : undefined;
    return known !== undefined && Object.prototype.isPrototypeOf.call(target.prototype, known.prototype);
  }

  /** Subclass fields as JSON data; overridden by subclasses that have fields. */
  protected details(): Record<string, unknown> | undefined {
    return undefined;
  }

  toJSON(): SerializedDanaError {
    const details = this.details();
    return {
      name: this.name,
      message: this.message,
      ...(details === undefined ? {} : { details }),
      ...(this.cause === undefined ? {} : { cause: serializeCause(this.cause) }),
      ...(this.stack === undefined ? {} : { stack: this.stack }),
    };
  }

  /** Rebuilds an error from `toJSON()` data; unknown names become a plain `DanaError` keeping the message. */
  static fromJSON(json: SerializedDanaError): DanaError {
    const errorClass = registry.get(json.name);
    const error = errorClass ? errorClass.fromDetails(json.message, { ...json.details }) : new DanaError(json.message);
    if (json.cause !== undefined) {
      const cause = registry.has(json.cause.name) ? DanaError.fromJSON(json.cause) : plainError(json.cause);
      Object.defineProperty(error, "cause", { value: cause, writable: true, configurable: true });
    }
    if (json.stack !== undefined) {
      // Keep the remote stack (where the error really happened) and add where it was received.
      const received = (error.stack ?? "").split("\n").slice(1).join("\n");
      error.stack = `${json.stack}\n    --- received by the host ---\n${received}`;
    }
    return error;
  }

  static fromDetails(message: string, _details: Record<string, unknown>): DanaError {
    return new DanaError(message);
  }
}

function plainError(json: { readonly name: string; readonly message: string }): Error {
  const error = new Error(json.message);
  error.name = json.name;
  return error;
}

function serializeCause(cause: unknown): SerializedDanaError["cause"] {
  if (DanaError.isInstance(cause)) return cause.toJSON();
  if (cause instanceof Error) return { name: cause.name, message: cause.message };
  return { name: "Error", message: String(cause) };
}
