/** Compiling a whole program (a module body, or one `evaluate` in the root context). */
import { builtinFunctions } from "../builtins/index.js";
import type * as ast from "../syntax/ast.js";
import { analyzeProgram } from "./analysis.js";
import type { CompileUnit } from "./compile-context.js";
import type { GenerateCompletion } from "./compile-generators.js";
import { compileBlockGenerator } from "./compile-statement-generators.js";
import { compileBlock, type Execute } from "./compile-statements.js";
import type { ModuleScope } from "./frame.js";
import type { Runtime } from "./runtime-state.js";

export interface CompiledProgram {
  /** Exactly one of `sync` and `generator` is set: the generator when the program may wait for the host. */
  readonly sync: Execute | null;
  readonly generator: GenerateCompletion | null;
  readonly unit: CompileUnit;
}

export function compileProgram(
  runtime: Runtime,
  program: ast.Program,
  scope: ModuleScope,
  file: string,
  source: string,
): CompiledProgram {
  const analysis = analyzeProgram(program, {
    isBuiltinFunction: (name) =>
      builtinFunctions.has(name) || (name !== "reason" && runtime.runtimeFunctions.has(name)),
    isHostFunction: (name) => runtime.hostFunctions.has(name),
    existingValue: (name) => scope.get(name),
  });
  const unit: CompileUnit = {
    runtime,
    module: scope,
    analysis,
    file,
    source,
    functionName: "<module>",
    locals: null,
    parent: null,
    slotCount: 0,
    pipeline: false,
    expectedTypes: new WeakMap(),
  };
  if (analysis.mayModuleSuspend) return { sync: null, generator: compileBlockGenerator(unit, program.body), unit };
  return { sync: compileBlock(unit, program.body), generator: null, unit };
}
