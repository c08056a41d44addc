/**
 * What every hostile program in `programs/` must end in: the gateway error class, the Dana error type and, for
 * budgets, which limit fired. One row per file; the suite fails if a file has no row or a row has no file.
 *
 * A program that expects an AttributeError / KeyError / NameError is an escape attempt whose *only* acceptable
 * outcome is Dana refusing the name: any value (a host object, a function, a prototype) fails the suite.
 */
import type { DanaContextOptions } from "../../src/index.js";

export type GatewayErrorName =
  | "DanaRuntimeError"
  | "DanaTimeoutError"
  | "DanaMemoryLimitError"
  | "CapabilityDeniedError"
  | "ModuleNotFoundError";

export interface Expectation {
  readonly error: GatewayErrorName;
  readonly danaType: string;
  /** For DanaTimeoutError: the limits that may fire (steps and deadline race only where both are close). */
  readonly limits?: readonly ("steps" | "timeout")[];
  /** Text the message must contain, where the type alone does not prove the right thing happened. */
  readonly messageIncludes?: string;
  /** Context options for this program only (merged over the suite's small limits). */
  readonly options?: Partial<DanaContextOptions>;
  /**
   * One host BigInt operation the interpreter cannot interrupt: in-process it may overrun `timeoutMs` (documented
   * in docs/isolation.md); in worker and process modes the watchdog ends it within the limit instead. The request
   * may end in this error or in DanaTimeoutError, whichever limit this machine reaches first.
   */
  readonly uninterruptible?: true;
}

const refused = (danaType: string, messageIncludes?: string): Expectation => ({
  error: "DanaRuntimeError",
  danaType,
  ...(messageIncludes === undefined ? {} : { messageIncludes }),
});
const steps: Expectation = { error: "DanaTimeoutError", danaType: "TimeoutError", limits: ["steps"] };
const deadline: Expectation = { error: "DanaTimeoutError", danaType: "TimeoutError", limits: ["timeout"] };
const memory: Expectation = { error: "DanaMemoryLimitError", danaType: "MemoryError" };
const denied = (messageIncludes: string): Expectation => ({
  error: "CapabilityDeniedError",
  danaType: "CapabilityDeniedError",
  messageIncludes,
});
const notFound: Expectation = { error: "ModuleNotFoundError", danaType: "ModuleNotFoundError" };

export const expectations: Readonly<Record<string, Expectation>> = {
  // Reaching host objects: every attribute is looked up in Dana's own tables, so each chain stops at its first link.
  "host-objects/int-proto": refused("AttributeError", "'int' object has no attribute '__proto__'"),
  "host-objects/str-constructor": refused("AttributeError", "'str' object has no attribute 'constructor'"),
  "host-objects/list-constructor-chain": refused("AttributeError", "'list' object has no attribute 'constructor'"),
  "host-objects/dict-proto-attribute": refused("AttributeError", "'dict' object has no attribute '__proto__'"),
  "host-objects/function-constructor": refused("AttributeError", "no attribute 'constructor'"),
  "host-objects/function-prototype": refused("AttributeError", "no attribute 'prototype'"),
  "host-objects/function-globals": refused("AttributeError", "no attribute '__globals__'"),
  "host-objects/lambda-call-apply": refused("AttributeError", "no attribute 'call'"),
  "host-objects/builtin-function-constructor": refused("AttributeError", "no attribute 'constructor'"),
  "host-objects/builtin-self": refused("AttributeError", "no attribute '__self__'"),
  "host-objects/bound-method-constructor": refused("AttributeError", "no attribute 'constructor'"),
  "host-objects/range-constructor": refused("AttributeError", "'range' object has no attribute 'constructor'"),
  "host-objects/error-class": refused("AttributeError", "no attribute '__class__'"),
  "host-objects/error-constructor": refused("AttributeError", "no attribute 'constructor'"),
  "host-objects/error-stack": refused("AttributeError", "no attribute 'stack'"),
  "host-objects/error-traceback-frame": refused("AttributeError", "no attribute '__traceback__'"),
  "host-objects/error-args-chain": refused("AttributeError", "no attribute 'args'"),
  "host-objects/module-attribute": refused("AttributeError", "module 'safe' has no attribute 'constructor'"),
  "host-objects/module-dict": refused("AttributeError", "module 'safe' has no attribute '__dict__'"),
  "host-objects/struct-type-constructor": refused("AttributeError", "no attribute 'constructor'"),
  "host-objects/struct-instance-proto": refused("AttributeError", "'Point' object has no attribute '__proto__'"),
  "host-objects/type-result-constructor": refused("AttributeError", "no attribute 'constructor'"),
  "host-objects/none-attribute": refused("AttributeError", "'NoneType' object has no attribute '__proto__'"),
  "host-objects/getattr-by-name": refused("NameError", "'getattr' is not supported"),
  "host-objects/globals-builtins": refused("NameError", "'globals' is not supported"),
  "host-objects/dunder-import": refused("NameError", "'__import__' is not supported"),
  "host-objects/prototype-name-as-function": refused("NameError", "name 'valueOf' is not defined"),
  "host-objects/then-thenable": refused("AttributeError", "'int' object has no attribute 'constructor'"),

  // Prototype pollution: hostile keys and fields are data; a fresh dict or struct never sees them.
  "prototype-pollution/dict-proto-key": refused("KeyError", "polluted"),
  "prototype-pollution/dict-literal-proto": refused("AttributeError", "'dict' object has no attribute 'polluted'"),
  "prototype-pollution/dict-constructor-key": refused("KeyError", "constructor"),
  "prototype-pollution/dict-update-proto": refused("KeyError", "polluted"),
  "prototype-pollution/dict-comprehension-proto": refused("KeyError", "polluted"),
  "prototype-pollution/dict-set-attribute": refused("AttributeError", "cannot assign attribute '__proto__'"),
  "prototype-pollution/list-set-attribute": refused("AttributeError", "'constructor' cannot be assigned"),
  "prototype-pollution/struct-field-proto": refused("KeyError", "polluted"),
  "prototype-pollution/struct-undeclared-field": refused("AttributeError", "no field 'constructor'"),
  "prototype-pollution/struct-constructor-keyword": refused("TypeError", "unexpected field '__proto__'"),
  "prototype-pollution/set-of-hostile-names": refused("KeyError", "__proto__"),

  // Host errors: failures deep in the runtime surface as typed Dana errors, never a JS RangeError or stack.
  "host-errors/raise-non-exception": refused("RuntimeError"),
  "host-errors/call-none": refused("TypeError", "'NoneType' object is not callable"),
  "host-errors/sort-mixed-types": refused("TypeError", "not supported between instances"),
  "host-errors/self-containing-list-repr": refused("IndexError"),
  "host-errors/self-containing-dict-equality": refused("RecursionError"),
  // 20,000 levels: built within the step budget, far deeper than the recursion budget; no host stack overflow.
  "host-errors/deeply-nested-list-repr": refused("RecursionError", "repr"),
  "host-errors/deeply-nested-dict-equality": refused("RecursionError"),
  // The result crosses to JavaScript: a value nested deeper than the host stack must fail as a Dana error too.
  "host-errors/deeply-nested-result": refused("RecursionError"),
  "host-errors/deeply-nested-dict-result": refused("RecursionError"),
  "host-errors/invalid-int-literal-string": refused("ValueError", "invalid literal"),
  "host-errors/nan-to-int": refused("ValueError", "NaN"),
  "host-errors/index-huge": refused("IndexError"),

  // Imports: only `.na` files inside the module roots, by real path; no host or Python modules exist.
  "imports/outside-module-root": notFound,
  "imports/relative-above-root": denied("outside the allowed roots"),
  "imports/relative-deep-above-root": denied("outside the allowed roots"),
  "imports/symlink-out-of-root": denied("symlink"),
  "imports/python-module": notFound,
  "imports/host-module-os": notFound,
  "imports/host-module-child-process": notFound,
  "imports/dunder-module-name": notFound,
  "imports/absolute-path-as-name": refused("NameError", "'use' is not supported"),
  "imports/dotted-absolute-path": notFound,
  "imports/relative-at-root": denied("outside the allowed roots"),
  "imports/relative-through-symlink": denied("outside the allowed roots"),
  "imports/package-escape": refused("ImportError", "Cannot import name 'secret'"),
  "imports/package-symlink-escape": denied("outside the allowed roots"),

  // Capabilities: denied by default, checked on the host, and a caught denial does not grant the next call.
  "capabilities/reason-without-llm": denied('"llm" capability'),
  "capabilities/llm-without-llm": refused("NameError", "'llm' is not supported"),
  "capabilities/ungranted-host-function": denied('"host:not_granted" capability'),
  "capabilities/reason-in-a-loop-without-llm": denied('"llm" capability'),
  "capabilities/reason-caught-and-retried": denied('"llm" capability'),
  "capabilities/set-model": refused("NameError", "'set_model' is not supported"),
  // Granting a host function named like an Object.prototype member must not hand out the prototype's function.
  "capabilities/host-name-constructor": {
    ...refused("NameError", "name 'constructor' is not defined"),
    options: { capabilities: ["host:constructor"] },
  },
  "capabilities/host-name-to-string": {
    ...refused("NameError", "name 'toString' is not defined"),
    options: { capabilities: ["host:toString"] },
  },

  // Format strings and f-strings: field names go through the same tables; widths are sized before padding.
  "format-strings/format-attribute-class": refused("AttributeError", "no attribute '__class__'"),
  "format-strings/format-attribute-constructor-chain": refused("AttributeError", "no attribute 'constructor'"),
  "format-strings/format-keyword-proto": refused("AttributeError", "no attribute '__proto__'"),
  "format-strings/format-index-proto": refused("KeyError", "__proto__"),
  "format-strings/percent-mapping-constructor": refused("KeyError", "constructor"),
  "format-strings/fstring-attribute-class": refused("AttributeError", "no attribute '__class__'"),
  "format-strings/format-huge-width": memory,
  "format-strings/percent-huge-width": memory,
  "format-strings/format-nested-spec": memory,
  "format-strings/percent-star-width": memory,
  "format-strings/format-huge-precision": refused("ValueError", "precision too big"),
  "format-strings/format-method-constructor": refused("AttributeError", "no attribute 'constructor'"),

  // Resources: every budget ends the program with its own error, before the host pays for it.
  "resources/power-tower": memory,
  "resources/power-then-string": refused("ValueError", "4300 digits"),
  "resources/huge-int-parse": refused("ValueError", "4300 digits"),
  "resources/power-of-huge-base": memory,
  "resources/repeated-squaring": { ...memory, uninterruptible: true },
  // Each product takes milliseconds and the loop only a few thousand steps: the deadline must still fire on time.
  "resources/big-integer-products-in-a-loop": deadline,
  "resources/big-integer-augmented-products": deadline,
  // The strings are within budget; millions of parts (8 bytes each) or a 90 MB replacement are not.
  "resources/split-into-millions": memory,
  // Whitespace and line splits are sized right after splitting: a smaller budget keeps that work short.
  "resources/whitespace-split-into-millions": { ...memory, options: { maxMemoryBytes: 8 * 1024 * 1024 } },
  "resources/splitlines-into-millions": { ...memory, options: { maxMemoryBytes: 8 * 1024 * 1024 } },
  // 30 million replacements in one builtin: the replacement loop charges the step budget as it goes, so the
  // program stops at its budget instead of running seconds past the deadline.
  "resources/replace-millions": steps,
  "resources/string-doubling": memory,
  "resources/string-repeat-huge": memory,
  "resources/list-doubling": memory,
  "resources/list-repeat-huge": memory,
  "resources/list-of-huge-range": memory,
  "resources/join-huge": memory,
  "resources/sum-huge-range": steps,
  "resources/sorted-huge-range": memory,
  "resources/deep-recursion": refused("RecursionError"),
  "resources/mutual-recursion": refused("RecursionError"),
  "resources/recursion-in-comprehension": refused("RecursionError"),
  // Exponentially many RecursionErrors, each with a traceback: steps or the deadline, whichever comes first.
  "resources/recursion-caught-and-retried": { ...steps, limits: ["steps", "timeout"] },
  "resources/infinite-while": steps,
  "resources/infinite-for-over-range": steps,
  "resources/infinite-loop-swallowing-errors": steps,
  "resources/output-flood": refused("OutputLimitError"),
  "resources/output-single-huge": refused("OutputLimitError"),
  "resources/long-comprehension": steps,
  "resources/nested-comprehension": steps,
  "resources/deadline-without-steps": {
    error: "DanaTimeoutError",
    danaType: "TimeoutError",
    limits: ["timeout"],
    options: { maxSteps: 1_000_000_000 },
  },

  // Exceptions inside `finally`: the newest error wins, and no finally block outlives a budget.
  "finally/raise-in-finally": refused("RuntimeError", "from finally"),
  "finally/raise-in-finally-replaces": refused("ZeroDivisionError"),
  "finally/raise-in-handler-and-finally": refused("IndexError"),
  "finally/raise-inside-finally-inside-finally": refused("RuntimeError", "outer"),
  "finally/finally-cannot-swallow-timeout": steps,
  "finally/loop-in-finally": steps,
  "finally/recursion-in-finally": refused("RecursionError"),
};
