/**
 * Modules and imports (spec 1.9). A module runs once per interpreter (cached by its canonical file) in its
 * own fresh module scope; its members are its top-level names plus the `public:` variables it set, minus
 * `_names` (and restricted to `__exports__` when it defines one). Module functions do not leak into the
 * importer's names (a reference QUIRK not copied). Resolution is the host's `resolveModule`, which may be
 * asynchronous: imports therefore always take the generator path.
 */
import { DanaException } from "../errors.js";
import type { ModuleRequest, ModuleSource } from "../host.js";
import type * as ast from "../syntax/ast.js";
import { parse } from "../syntax/index.js";
import { DanaList, DanaModule, DanaTuple, type Value } from "../values/types.js";
import { type CompileUnit, compileNameWrite } from "./compile-context.js";
import type { GenerateCompletion } from "./compile-generators.js";
import type { Execute } from "./compile-statements.js";
import { Frame, ModuleScope, NORMAL } from "./frame.js";
import { compileProgram } from "./program.js";
import { addCallerFrame } from "./runtime-errors.js";
import type { Runtime } from "./runtime-state.js";
import { driveSync, isPromiseLike, type Suspendable } from "./trampoline.js";

function notFound(name: string): DanaException {
  return new DanaException("ModuleNotFoundError", `Dana module '${name}' not found`);
}

function exportedMembers(runtime: Runtime, scope: ModuleScope, publicBefore: Map<string, Value>): Map<string, Value> {
  const members = new Map<string, Value>();
  for (const [name, value] of scope.entries()) if (!name.startsWith("_")) members.set(name, value);
  for (const [name, value] of runtime.publicScope) {
    if (!name.startsWith("_") && publicBefore.get(name) !== value && !members.has(name)) members.set(name, value);
  }
  const exports = scope.get("__exports__");
  if (exports instanceof DanaList || exports instanceof DanaTuple) {
    const allowed = new Set(exports.items.filter((item): item is string => typeof item === "string"));
    for (const name of [...members.keys()]) if (!allowed.has(name)) members.delete(name);
  }
  return members;
}

function* runModule(runtime: Runtime, request: ModuleRequest, source: ModuleSource): Suspendable<DanaModule> {
  const parsed = parse(source.source, { file: source.file });
  const firstError = parsed.diagnostics.find((diagnostic) => diagnostic.severity === "error");
  if (firstError !== undefined) {
    const { line, column } = firstError.span;
    const error = new DanaException("SyntaxError", `${firstError.file}:${line}:${column}: ${firstError.message}`);
    error.location = { file: firstError.file, span: firstError.span };
    throw error;
  }
  const scope = new ModuleScope(request.name, source.file, source.isPackage ?? false);
  const compiled = compileProgram(runtime, parsed.program, scope, source.file, source.source);
  const publicBefore = new Map(runtime.publicScope);
  runtime.loading.push({ name: request.name, file: source.file });
  try {
    const frame = new Frame(scope.values, null, null);
    if (compiled.generator !== null) yield* compiled.generator(frame);
    else compiled.sync!(frame);
  } finally {
    runtime.loading.pop();
  }
  return new DanaModule(request.name, source.file, exportedMembers(runtime, scope, publicBefore));
}

/** Loads (once) the module `request` names; null when `optional` and no such module exists. */
export function* loadModule(
  runtime: Runtime,
  request: ModuleRequest,
  optional: boolean,
): Suspendable<DanaModule | null> {
  if (request.relativeLevel === 0) {
    const cached = runtime.modulesByName.get(request.name);
    if (cached !== undefined) return cached;
  }
  const resolver = runtime.host.resolveModule;
  let resolved: unknown = resolver === undefined ? null : resolver.call(runtime.host, request);
  if (isPromiseLike(resolved)) resolved = yield resolved;
  const source = resolved as ModuleSource | null | undefined;
  if (source === null || source === undefined) {
    if (optional) return null;
    throw notFound(request.name);
  }
  let module = runtime.modulesByFile.get(source.file);
  if (module === undefined) {
    if (runtime.loading.some((loading) => loading.file === source.file)) {
      const cycle = [...runtime.loading.map((loading) => loading.name), request.name].join(" -> ");
      throw new DanaException("ImportError", `circular import: ${cycle}`);
    }
    module = yield* runModule(runtime, request, source);
    runtime.modulesByFile.set(source.file, module);
  }
  if (request.relativeLevel === 0) runtime.modulesByName.set(request.name, module);
  return module;
}

function requestFor(unit: CompileUnit, path: ast.ModulePath, parts: readonly string[]): ModuleRequest {
  const level = path.relativeLevel;
  let name = parts.join(".");
  const scope = unit.module;
  if (level > 0 && scope.name !== "") {
    const packageParts = scope.name.split(".");
    if (!scope.isPackage) packageParts.pop();
    for (let up = 1; up < level; up++) packageParts.pop();
    name = [...packageParts, ...parts].filter((part) => part !== "").join(".");
  }
  return { name, parts, relativeLevel: level, importer: unit.file === "<string>" ? null : unit.file };
}

/** Loads `a`, `a.b`, `a.b.c` (parents optional, namespace modules when absent) and links them. */
function* loadPath(runtime: Runtime, unit: CompileUnit, path: ast.ModulePath): Suspendable<DanaModule[]> {
  const modules: DanaModule[] = [];
  const count = path.parts.length;
  const first = path.relativeLevel > 0 ? count : 1;
  for (let length = first; length <= count; length++) {
    const request = requestFor(unit, path, path.parts.slice(0, length));
    let module = yield* loadModule(runtime, request, length < count);
    if (module === null) {
      module = new DanaModule(request.name, "", new Map());
      if (request.relativeLevel === 0) runtime.modulesByName.set(request.name, module);
    }
    const parent = modules.at(-1);
    const part = path.parts[length - 1]!;
    if (parent !== undefined && !parent.members.has(part)) parent.members.set(part, module);
    modules.push(module);
  }
  if (modules.length === 0) {
    const request = requestFor(unit, path, []);
    const module = yield* loadModule(runtime, request, false);
    modules.push(module!);
  }
  return modules;
}

function writtenName(path: ast.ModulePath): string {
  return ".".repeat(path.relativeLevel) + path.parts.join(".");
}

export function compileImport(
  unit: CompileUnit,
  statement: ast.ImportStatement | ast.FromImportStatement,
): { sync: Execute; generator: GenerateCompletion } {
  const runtime = unit.runtime;
  const span = statement.span;
  let body: (frame: Frame) => Suspendable<void>;
  if (statement.kind === "ImportStatement") {
    const bound = statement.alias ?? statement.module.parts[0] ?? "";
    const write = compileNameWrite(unit, bound, null);
    const aliased = statement.alias !== null;
    body = function* (frame) {
      const modules = yield* loadPath(runtime, unit, statement.module);
      write(frame, aliased ? modules.at(-1)! : modules[0]!);
    };
  } else if (statement.names === "*") {
    const isModuleLevel = unit.locals === null;
    body = function* () {
      if (!isModuleLevel) throw new DanaException("SyntaxError", "'from … import *' is only allowed at module level");
      const module = (yield* loadPath(runtime, unit, statement.module)).at(-1)!;
      for (const [name, value] of module.members) if (!name.startsWith("_")) unit.module.set(name, value);
    };
  } else {
    const names = statement.names.map((item) => ({
      ...item,
      write: compileNameWrite(unit, item.alias ?? item.name, null),
    }));
    const moduleName = writtenName(statement.module);
    body = function* (frame) {
      const module = (yield* loadPath(runtime, unit, statement.module)).at(-1)!;
      for (const item of names) {
        if (item.name.startsWith("_")) {
          throw new DanaException(
            "ImportError",
            `Cannot import name '${item.name}' from '${moduleName}': names starting with '_' are private`,
          );
        }
        let value = module.members.get(item.name);
        if (value === undefined) {
          const submodule = yield* loadModule(
            runtime,
            requestFor(unit, statement.module, [...statement.module.parts, item.name]),
            true,
          );
          if (submodule !== null) value = submodule;
        }
        if (value === undefined)
          throw new DanaException("ImportError", `Cannot import name '${item.name}' from '${moduleName}'`);
        item.write(frame, value);
      }
    };
  }
  const generator: GenerateCompletion = function* (frame) {
    try {
      yield* body(frame);
    } catch (error) {
      throw addCallerFrame(error, span, unit);
    }
    return NORMAL;
  };
  return { generator, sync: (frame) => driveSync(runtime, generator(frame), "import") };
}
