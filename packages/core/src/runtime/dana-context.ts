/**
 * A Dana context: one sandbox with its own globals and module instances (contexts never see each other's
 * state), its capabilities, limits and output. Create with `runtime.createContext(options)`.
 */
import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { type Limits, parse, type Value } from "@dana-gateway/lang";
import type { DanaFunction } from "../api/dana-function.js";
import type { DanaModule, UntypedModuleMembers } from "../api/dana-module.js";
import { createGatewayHooks } from "../api/gateway-hooks.js";
import type { GatewayScope } from "../api/gateway-scope.js";
import { ValueConverter } from "../conversion/value-converter.js";
import { DanaSyntaxError, ResourceError } from "../errors/classes.js";
import { parseCapabilities } from "../host/capabilities.js";
import type { IsolationMode } from "../protocol/backend.js";
import { protocolVersion } from "../protocol/messages.js";
import { SandboxServer } from "../protocol/server.js";
import { describeType, expectType } from "./argument-checks.js";
import { ContextHost } from "./context-host.js";
import { createLazyFunction } from "./lazy-function.js";
import type { ModuleWatcher } from "./module-watcher.js";
import { type DanaContextOptions, type RequestOptions, validateRequestOptions } from "./options.js";
import { withRequestControl } from "./request-control.js";
import type { RuntimeServices } from "./runtime-services.js";
import { DirectSandboxClient, type SandboxClient } from "./sandbox-client.js";

export interface EvalOptions extends RequestOptions {
  /** Top-level names bound before the program runs, converted to Dana values (never spliced into source). */
  readonly inputs?: Readonly<Record<string, unknown>>;
  /** File name shown in errors and tracebacks; default "<string>". */
  readonly file?: string;
}

export interface EvalResult<T = unknown> {
  readonly value: T;
  /** What the program printed during this call. */
  readonly stdout: string;
}

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

export class DanaContext implements AsyncDisposable {
  readonly isolation: IsolationMode;
  #closed = false;
  #client: SandboxClient | Promise<SandboxClient>;
  readonly #host: ContextHost;
  readonly #converter: ValueConverter;
  readonly #scope: GatewayScope;
  readonly #services: RuntimeServices;
  readonly #shutdown = new AbortController();
  readonly #watcher: Promise<ModuleWatcher> | null;
  readonly #onModuleReloadError: ((error: DanaSyntaxError) => void) | undefined;
  readonly #releaser: FinalizationRegistry<Value> | null;
  #generation = 0;
  #evaluations: Promise<unknown> = Promise.resolve();

  /** @internal Use `runtime.createContext(options)`. */
  constructor(services: RuntimeServices, options: DanaContextOptions) {
    this.#services = services;
    this.isolation = options.isolation ?? "inprocess";
    const capabilities = parseCapabilities(options.capabilities);
    const context = this;
    this.#scope = {
      get client() {
        return context.#readyClient();
      },
      get converter() {
        return context.#converter;
      },
      get closed() {
        return context.#closed;
      },
      checkOpen: (what) => this.#checkOpen(what),
      track: (wrapper, target) => this.#releaser?.register(wrapper, target, wrapper),
      untrack: (wrapper) => this.#releaser?.unregister(wrapper),
    };
    this.#converter = new ValueConverter(
      createGatewayHooks(() => this.#scope),
      services.typeConverters,
    );
    this.#onModuleReloadError = options.onModuleReloadError;
    this.#watcher = options.watchModules
      ? import("./module-watcher.js").then(
          ({ ModuleWatcher }) => new ModuleWatcher((files) => void this.#reloadChanged(files)),
        )
      : null;
    this.#host = new ContextHost({
      capabilities,
      contextFunctions: options.hostFunctions ?? {},
      runtimeFunctions: services.hostFunctions,
      modulePaths: (options.modulePaths ?? []).map((path) => resolve(path)),
      env: services.env,
      reasoning: services.reasoning,
      ...(options.stdout ? { stdout: options.stdout } : {}),
      signal: this.#shutdown.signal,
      converter: () => this.#converter,
      ...(this.#watcher ? { onModuleFile: (file: string) => this.#watchModule(file) } : {}),
    });
    const init = { protocolVersion, limits: limitsOf(options), hostFunctionNames: this.#host.hostFunctionNames };
    if (this.isolation === "inprocess") {
      const server = new SandboxServer({
        init,
        host: this.#host,
        createInterpreter: services.createInterpreter,
      });
      this.#client = new DirectSandboxClient(server);
      this.#releaser = null;
    } else {
      const isolation = this.isolation;
      // Loaded only for isolated contexts: in-process users never pay for the wire code.
      const started = import("./start-isolated.js").then(({ startIsolatedClient }) =>
        startIsolatedClient(isolation, services.backends, init, this.#host),
      );
      const ready = started.then((client) => (this.#client = client));
      ready.catch(() => {}); // a failed start is reported by each request that needs the sandbox
      this.#client = ready;
      this.#releaser = new FinalizationRegistry((target) => {
        if (!this.#closed && !(this.#client instanceof Promise)) this.#client.release(target);
      });
    }
    if (options.signal) {
      if (options.signal.aborted) void this.close();
      else
        options.signal.addEventListener("abort", () => void this.close(), {
          once: true,
          signal: this.#shutdown.signal,
        });
    }
  }

  /** Watch mode: the watcher loads asynchronously, so remember the file's mtime now to catch early edits. */
  #watchModule(file: string): void {
    let modified: number | null = null;
    try {
      modified = statSync(file).mtimeMs;
    } catch {
      // Namespace folders ("a/b/") and vanished files: nothing to compare.
    }
    void this.#watcher?.then((watcher) => watcher.watch(file, modified));
  }

  get closed(): boolean {
    return this.#closed;
  }

  #checkOpen(what: string): void {
    if (this.#closed) {
      throw new ResourceError(
        "context",
        `${what} is not possible: this Dana context is closed; create a new one with runtime.createContext()`,
      );
    }
  }

  /** The client, for wrappers: in isolated modes a wrapper only exists after the sandbox answered once. */
  #readyClient(): SandboxClient {
    if (this.#client instanceof Promise) throw new ResourceError("context", "the sandbox is still starting");
    return this.#client;
  }

  async #request<T>(options: RequestOptions, run: (client: SandboxClient) => Promise<T>): Promise<T> {
    const client = this.#client instanceof Promise ? await this.#client : this.#client;
    return withRequestControl(
      options,
      (reason) => client.cancel(reason),
      () => run(client),
    );
  }

  /** Runs Dana source; returns the last statement's value and what it printed. */
  async eval<T = unknown>(source: string, options: EvalOptions = {}): Promise<EvalResult<T>> {
    this.#checkOpen("eval()");
    expectType(source, "string", "argument 'source'");
    validateRequestOptions(options, "eval()");
    if (options.file !== undefined) expectType(options.file, "string", "option 'file'");
    return this.#evaluate<T>(source, options.file, options);
  }

  /** Runs a `.na` file (which must be inside `modulePaths` or an `fs:read` root). */
  async run<T = unknown>(file: string, options: Omit<EvalOptions, "file"> = {}): Promise<EvalResult<T>> {
    this.#checkOpen("run()");
    expectType(file, "string", "argument 'file'");
    validateRequestOptions(options, "run()");
    const real = this.#host.fileSystem.confine(resolve(file));
    if (real === null) throw new ResourceError("file", `cannot run '${file}': no such file`);
    return this.#evaluate<T>(readFileSync(real, "utf8"), real, options);
  }

  /**
   * Evaluations run one after another (the interpreter would queue them anyway), so each one's `stdout` holds
   * only what it printed — not the output of an evaluation queued before it.
   */
  #evaluate<T>(source: string, file: string | undefined, options: EvalOptions): Promise<EvalResult<T>> {
    const inputs = this.#convertInputs(options.inputs);
    const run = async (): Promise<EvalResult<T>> => {
      const capture = this.#host.captureStdout();
      try {
        const value = await this.#request(options, (client) => client.evaluate(source, file, inputs, {}));
        return { value: this.#converter.fromDana(value, "result") as T, stdout: capture.stop() };
      } finally {
        capture.stop();
      }
    };
    const result = this.#evaluations.then(run, run);
    this.#evaluations = result.catch(() => undefined);
    return result;
  }

  #convertInputs(inputs: EvalOptions["inputs"]): Map<string, Value> {
    const converted = new Map<string, Value>();
    if (inputs === undefined) return converted;
    if (typeof inputs !== "object" || inputs === null)
      throw new TypeError(`Expected object, got ${describeType(inputs)} at option 'inputs'`);
    for (const [name, value] of Object.entries(inputs)) {
      if (!identifier.test(name)) throw new TypeError(`Invalid Dana name '${name}' at option 'inputs'`);
      converted.set(name, this.#converter.toDana(value, `inputs.${name}`));
    }
    return converted;
  }

  /** Imports a module (once per context; cached until `reloadModules()`). */
  /**
   * Imports a Dana module (once per context). Members are properties of the result; pass the module's generated
   * declarations to type them: `ctx.importModule<typeof import("./geo.na.js")>("geo")` (see `dana types`).
   */
  async importModule<Members extends object = UntypedModuleMembers>(
    name: string,
    options: RequestOptions = {},
  ): Promise<DanaModule & Members> {
    this.#checkOpen("importModule()");
    expectType(name, "string", "argument 'name'");
    if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(name)) {
      throw new TypeError(
        `Invalid module name '${name}' at argument 'name': expected dotted names like "analytics.process"`,
      );
    }
    validateRequestOptions(options, "importModule()");
    const module = await this.#request(options, (client) => client.importModule(name, {}));
    return this.#converter.fromDana(module, name) as DanaModule & Members;
  }

  /** A callable for `"module.function"` that imports on first call (and again after a reload). */
  danaFunction<Signature extends (...args: never[]) => unknown = (...args: unknown[]) => unknown>(
    qualifiedName: string,
  ): DanaFunction<Parameters<Signature>, Awaited<ReturnType<Signature>>> {
    this.#checkOpen("danaFunction()");
    expectType(qualifiedName, "string", "argument 'qualifiedName'");
    const dot = qualifiedName.lastIndexOf(".");
    if (dot <= 0 || dot === qualifiedName.length - 1) {
      throw new TypeError(
        `Expected "module.function" (e.g. "analytics.process_data"), got "${qualifiedName}" at argument 'qualifiedName'`,
      );
    }
    return createLazyFunction(qualifiedName.slice(0, dot), qualifiedName.slice(dot + 1), {
      importModule: (module) => this.importModule(module),
      generation: () => this.#generation,
    }) as DanaFunction<Parameters<Signature>, Awaited<ReturnType<Signature>>>;
  }

  /** Forgets every imported module so the next import re-reads the files (modules already returned keep the old code). */
  async reloadModules(): Promise<void> {
    this.#checkOpen("reloadModules()");
    await this.#invalidate(undefined);
  }

  /**
   * Watch mode: a changed file that no longer parses keeps its old version running (the context is not told to
   * forget it) and its diagnostics are reported; it stays watched, so the fix is picked up.
   */
  async #reloadChanged(files: readonly string[]): Promise<void> {
    const reloadable: string[] = [];
    for (const file of files) {
      let source: string | null = null;
      try {
        source = readFileSync(file, "utf8");
      } catch {
        // Deleted or renamed: forget it, the next import reports what is missing.
      }
      const diagnostics = source === null ? [] : parse(source, { file }).diagnostics;
      if (diagnostics.length === 0) {
        reloadable.push(file);
        continue;
      }
      this.#watchModule(file);
      this.#reportReloadError(new DanaSyntaxError(diagnostics));
    }
    if (reloadable.length > 0) await this.#invalidate(reloadable);
  }

  #reportReloadError(error: DanaSyntaxError): void {
    if (this.#onModuleReloadError) this.#onModuleReloadError(error);
    else
      process.emitWarning(
        `module not reloaded, the old version keeps running:\n${error.message}`,
        "DanaModuleReloadWarning",
      );
  }

  async #invalidate(files: readonly string[] | undefined): Promise<void> {
    if (this.#closed) return;
    this.#generation++;
    const client = this.#client instanceof Promise ? await this.#client : this.#client;
    await client.invalidateModules(files);
  }

  /**
   * Sandbox counters. `liveHandles`: sandbox objects TypeScript still holds wrappers for (isolated modes;
   * always 0 in-process, where wrappers hold the objects directly). See `checkHandleLeaks`.
   */
  async stats(): Promise<{ liveHandles: number }> {
    this.#checkOpen("stats()");
    const client = this.#client instanceof Promise ? await this.#client : this.#client;
    return client.stats();
  }

  /** Cancels what is running, ends the sandbox. Idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#shutdown.abort();
    void this.#watcher?.then((watcher) => watcher.close());
    this.#services.forget(this);
    try {
      const client = this.#client instanceof Promise ? await this.#client : this.#client;
      await client.close();
    } catch {
      // A sandbox that failed to start has nothing to close.
    }
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}

function limitsOf(options: DanaContextOptions): Partial<Limits> {
  const limits: { -readonly [K in keyof Limits]?: Limits[K] } = {};
  if (options.timeoutMs !== undefined) limits.timeoutMs = options.timeoutMs;
  if (options.maxSteps !== undefined) limits.maxSteps = options.maxSteps;
  if (options.maxRecursionDepth !== undefined) limits.maxRecursionDepth = options.maxRecursionDepth;
  if (options.maxMemoryBytes !== undefined) limits.maxMemoryBytes = options.maxMemoryBytes;
  if (options.maxOutputBytes !== undefined) limits.maxOutputBytes = options.maxOutputBytes;
  return limits;
}
