/**
 * `Interpreter` — the embedding API (api.ts). One interpreter is one root context (a REPL: top-level names
 * persist across `evaluate` calls), one set of `private:`/`public:`/`system:` scopes and one module cache.
 * Evaluations run one at a time (asynchronous ones are queued); budgets reset for each top-level
 * evaluate/call. Nothing but `DanaException`/`DanaSyntaxException` ever leaves these methods.
 */
import type { CallOptions, DanaInterpreter, EvaluateOptions, EvaluateResult, InterpreterOptions } from "../api.js";
import { DanaException, DanaSyntaxException } from "../errors.js";
import type { DanaHost, Limits } from "../host.js";
import { emptySpan } from "../source.js";
import { parse } from "../syntax/index.js";
import type { DanaModule, KeywordArguments, Value } from "../values/types.js";
import { installBuiltinDecorators } from "./builtin-decorators.js";
import { Frame, HIDDEN_NAME_PREFIX, ModuleScope } from "./frame.js";
import { callValueGenerator, callValueSync, normalizeHostResult } from "./invoke.js";
import { loadModule } from "./modules.js";
import { type CompiledProgram, compileProgram } from "./program.js";
import { installReason } from "./reason.js";
import { type CodeLocation, locate, toDanaException } from "./runtime-errors.js";
import { Runtime } from "./runtime-state.js";
import { driveAsync, driveSync } from "./trampoline.js";

const hostLocation: CodeLocation = { file: "<host>", functionName: "<host>", source: "" };

export class Interpreter implements DanaInterpreter {
  readonly #runtime: Runtime;
  readonly #root = new ModuleScope("", "<string>", false);
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: InterpreterOptions = {}) {
    this.#runtime = new Runtime(options.host ?? {}, options.limits);
    this.#runtime.syncCaller = callValueSync;
    installReason(this.#runtime);
    installBuiltinDecorators(this.#runtime);
  }

  evaluate(source: string, options: EvaluateOptions = {}): Promise<EvaluateResult> {
    return this.#exclusive(async () => {
      const compiled = this.#prepare(source, options);
      return this.#run(options.limits, true, compiled.unit, async () => {
        const frame = new Frame(this.#root.values, null, null);
        if (compiled.generator !== null) await driveAsync(this.#runtime, compiled.generator(frame));
        else compiled.sync!(frame);
        return { value: frame.resultValue };
      });
    });
  }

  evaluateSync(source: string, options: EvaluateOptions = {}): EvaluateResult {
    this.#ensureIdle();
    const compiled = this.#prepare(source, options);
    return this.#run(options.limits, false, compiled.unit, () => {
      const frame = new Frame(this.#root.values, null, null);
      if (compiled.generator !== null) driveSync(this.#runtime, compiled.generator(frame), "this program");
      else compiled.sync!(frame);
      return { value: frame.resultValue };
    });
  }

  importModule(name: string, options: CallOptions = {}): Promise<DanaModule> {
    return this.#exclusive(() =>
      this.#run(options.limits, true, hostLocation, async () => {
        const request = { name, parts: name.split("."), relativeLevel: 0, importer: null };
        const module = await driveAsync(this.#runtime, loadModule(this.#runtime, request, false));
        return module!;
      }),
    );
  }

  call(
    callee: Value,
    positional: readonly Value[],
    keywords?: KeywordArguments,
    options: CallOptions = {},
  ): Promise<Value> {
    if (this.#runtime.running) return this.#nestedCall(callee, positional, keywords);
    return this.#exclusive(() =>
      this.#run(options.limits, true, hostLocation, () =>
        driveAsync(this.#runtime, callValueGenerator(this.#runtime, callee, positional, keywords ?? null)),
      ),
    );
  }

  callSync(callee: Value, positional: readonly Value[], keywords?: KeywordArguments, options: CallOptions = {}): Value {
    // A host function may call back into Dana while an evaluation runs: share that evaluation's budgets.
    if (this.#runtime.running) return callValueSync(this.#runtime, callee, positional, keywords ?? null);
    return this.#run(options.limits, false, hostLocation, () =>
      callValueSync(this.#runtime, callee, positional, keywords ?? null),
    );
  }

  getGlobal(name: string): Value | undefined {
    if (name.startsWith(HIDDEN_NAME_PREFIX)) return undefined;
    return this.#root.get(name);
  }

  invalidateModules(files?: readonly string[]): void {
    const runtime = this.#runtime;
    if (files === undefined) {
      runtime.modulesByFile.clear();
      runtime.modulesByName.clear();
      return;
    }
    const forget = new Set(files);
    for (const file of forget) runtime.modulesByFile.delete(file);
    for (const [name, module] of runtime.modulesByName) if (forget.has(module.file)) runtime.modulesByName.delete(name);
  }

  cancel(reason = "evaluation cancelled"): void {
    this.#runtime.cancel(reason);
  }

  // ---------------------------------------------------------------------------------------------------

  #prepare(source: string, options: EvaluateOptions): CompiledProgram {
    const file = options.file ?? "<string>";
    let parsed: ReturnType<typeof parse>;
    try {
      parsed = parse(source, { file });
    } catch (error) {
      throw toDanaException(error);
    }
    const errors = parsed.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
    if (errors.length > 0) throw new DanaSyntaxException(errors);
    const inputs = options.inputs;
    if (inputs !== undefined) {
      const entries = inputs instanceof Map ? inputs.entries() : Object.entries(inputs as Record<string, Value>);
      for (const [name, value] of entries) this.#root.set(name, normalizeHostResult(value));
    }
    try {
      return compileProgram(this.#runtime, parsed.program, this.#root, file, source);
    } catch (error) {
      throw locate(error, parsed.program.span ?? emptySpan, { file, functionName: "<module>", source });
    }
  }

  #run<T>(limits: Partial<Limits> | undefined, asynchronous: boolean, where: CodeLocation, body: () => T): T {
    const runtime = this.#runtime;
    runtime.begin(limits, asynchronous);
    runtime.running = true;
    let result: T;
    try {
      result = body();
    } catch (error) {
      runtime.running = false;
      throw locate(error, emptySpan, where);
    }
    if (result instanceof Promise) {
      return result.then(
        (value) => {
          runtime.running = false;
          return value;
        },
        (error: unknown) => {
          runtime.running = false;
          throw locate(error, emptySpan, where);
        },
      ) as T;
    }
    runtime.running = false;
    return result;
  }

  #nestedCall(callee: Value, positional: readonly Value[], keywords: KeywordArguments | undefined): Promise<Value> {
    return driveAsync(this.#runtime, callValueGenerator(this.#runtime, callee, positional, keywords ?? null));
  }

  #ensureIdle(): void {
    if (this.#runtime.running) {
      throw new DanaException("RuntimeError", "the interpreter is already running an evaluation");
    }
  }

  #exclusive<T>(task: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(task, task);
    this.#queue = next.catch(() => undefined);
    return next;
  }
}

export interface RunProgramOptions {
  readonly file?: string;
  readonly host?: Partial<DanaHost>;
  readonly limits?: Partial<Limits>;
}

/** Runs one program in a fresh interpreter and returns its value and everything it printed. */
export async function runProgram(
  source: string,
  options: RunProgramOptions = {},
): Promise<{ value: Value; stdout: string }> {
  let stdout = "";
  const host: Partial<DanaHost> = {
    ...options.host,
    writeStdout: (text) => {
      stdout += text;
      options.host?.writeStdout?.(text);
    },
  };
  const interpreter = new Interpreter({ host, limits: options.limits });
  const { value } = await interpreter.evaluate(source, { file: options.file });
  return { value, stdout };
}
