/**
 * Names the linter treats as always defined: the builtin functions of spec
 * 1.10, the corelib extras it lists, and the type names usable in
 * expressions. Builtins win over user functions of the same name in calls
 * (a kept DIFF), so `def len(x)` is never called by name — the linter warns.
 */

/** Builtin functions from spec 1.10 (table and corelib extras). */
export const builtinFunctionNames: ReadonlySet<string> = new Set([
  "print",
  "log",
  "log_level",
  "len",
  "range",
  "str",
  "int",
  "float",
  "bool",
  "type",
  "isinstance",
  "sum",
  "max",
  "min",
  "abs",
  "round",
  "sorted",
  "reversed",
  "enumerate",
  "all",
  "any",
  "list",
  "set",
  "cast",
  "noop",
  "reason",
  "llm",
  "sum_range",
  "is_odd",
  "is_even",
  "factorial",
  "capitalize_words",
  "title_case",
  "case",
  "log_calls",
  "log_with_prefix",
  "repeat",
  "validate_args",
  "poet",
  "use",
  "get_resource",
  "set_model",
  "feedback",
  "a2a_agent",
  "add_one",
  "add_two",
  "add_three",
  "add_four",
  "BasicAgent",
  "DanaAgent",
]);

/** Type names that are also ordinary names in expressions (spec 1.1). */
export const typeNames: ReadonlySet<string> = new Set([
  "int",
  "float",
  "str",
  "bool",
  "list",
  "dict",
  "tuple",
  "set",
  "any",
]);

/** Other names the runtime provides: `context` is injected into every Dana function frame (spec 1.7). */
export const runtimeNames: ReadonlySet<string> = new Set(["context", "__name__", "__exports__"]);

/** Python builtins that Dana explicitly does not have (spec 1.10, "not available"). */
export const unavailablePythonBuiltins: ReadonlySet<string> = new Set([
  "zip",
  "map",
  "filter",
  "open",
  "input",
  "eval",
  "exec",
  "getattr",
  "hasattr",
  "setattr",
  "repr",
  "format",
  "id",
  "hash",
  "iter",
  "next",
]);

export function isKnownGlobalName(name: string): boolean {
  return builtinFunctionNames.has(name) || typeNames.has(name) || runtimeNames.has(name);
}
