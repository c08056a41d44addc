import { DanaException, DanaLimitError, DanaSyntaxException, type Diagnostic } from "@dana-gateway/lang";
import { describe, expect, it } from "vitest";
import {
  CapabilityDeniedError,
  DanaCrashedError,
  DanaError,
  DanaMemoryLimitError,
  DanaRuntimeError,
  DanaSyntaxError,
  DanaTimeoutError,
  ModuleNotFoundError,
  ResourceError,
  TypeConversionError,
  toDanaError,
} from "../../src/errors/index.js";

const span = { line: 2, column: 5, endLine: 2, endColumn: 6, offset: 10, endOffset: 11 };

function danaException(type: string, message: string): DanaException {
  const exception = new DanaException(type, message, { location: { file: "main.na", span } });
  exception.traceback.push({ file: "main.na", function: "divide", line: 2, column: 5, sourceLine: "return a / b" });
  return exception;
}

describe("errors", () => {
  it("builds DanaRuntimeError from a Dana exception, traceback first in the stack", () => {
    const error = toDanaError(danaException("ZeroDivisionError", "division by zero"));
    expect(DanaRuntimeError.isInstance(error)).toBe(true);
    const runtime = error as DanaRuntimeError;
    expect(runtime.name).toBe("DanaRuntimeError");
    expect(runtime.danaType).toBe("ZeroDivisionError");
    expect(runtime.location).toEqual({ file: "main.na", line: 2, column: 5 });
    expect(runtime.traceback()).toContain('File "main.na", line 2, column 5, in divide');
    const stack = runtime.stack ?? "";
    expect(stack.indexOf("Traceback")).toBeLessThan(stack.indexOf("--- host stack ---"));
  });

  it("maps limit kinds to the timeout and memory classes", () => {
    const timeout = toDanaError(new DanaLimitError("steps", "TimeoutError", "step budget exhausted"));
    expect(timeout).toBeInstanceOf(DanaTimeoutError);
    expect((timeout as DanaTimeoutError).timedOut).toBe(true);
    expect((timeout as DanaTimeoutError).limit).toBe("steps");
    expect(toDanaError(new DanaLimitError("cancelled", "TimeoutError", "cancelled"))).toBeInstanceOf(DanaTimeoutError);
    expect(toDanaError(new DanaLimitError("memory", "MemoryError", "too big"))).toBeInstanceOf(DanaMemoryLimitError);
    const output = toDanaError(new DanaLimitError("output", "OutputLimitError", "too much output"));
    expect(output.name).toBe("DanaRuntimeError");
    expect((output as DanaRuntimeError).danaType).toBe("OutputLimitError");
  });

  it("keeps every syntax diagnostic", () => {
    const diagnostic = (message: string): Diagnostic => ({
      severity: "error",
      code: "unexpected-token",
      type: "SyntaxError",
      message,
      file: "a.na",
      span,
    });
    const error = toDanaError(new DanaSyntaxException([diagnostic("first"), diagnostic("second")]));
    expect(error).toBeInstanceOf(DanaSyntaxError);
    expect((error as DanaSyntaxError).diagnostics).toHaveLength(2);
    expect(error.message).toContain("a.na:2:5: SyntaxError: first");
  });

  it("restores a host capability denial carried as cause", () => {
    const denial = new CapabilityDeniedError({
      danaType: "CapabilityDeniedError",
      danaMessage: "no llm",
      capability: "llm",
    });
    const exception = new DanaException("CapabilityDeniedError", "no llm", { cause: denial });
    const error = toDanaError(exception);
    expect(error).toBeInstanceOf(CapabilityDeniedError);
    expect((error as CapabilityDeniedError).capability).toBe("llm");
  });

  it.each([
    new DanaError("plain"),
    new DanaRuntimeError({ danaType: "KeyError", danaMessage: "'x'" }),
    new DanaTimeoutError({ danaType: "TimeoutError", danaMessage: "late", limit: "timeout" }),
    new DanaMemoryLimitError({ danaType: "MemoryError", danaMessage: "big" }),
    new CapabilityDeniedError({ danaType: "CapabilityDeniedError", danaMessage: "no", capability: "fs:read" }),
    new ModuleNotFoundError({ danaType: "ModuleNotFoundError", danaMessage: "none", moduleName: "a.b" }),
    new TypeConversionError("args[0].when", "symbols cannot be converted"),
    new ResourceError("context", "closed"),
    new DanaCrashedError("worker died", { exitCode: 1, outOfMemory: true }),
    new DanaSyntaxError([]),
  ])("survives JSON: $name", (error) => {
    const rebuilt = DanaError.fromJSON(JSON.parse(JSON.stringify(error.toJSON())));
    expect(rebuilt.name).toBe(error.name);
    expect(rebuilt.message).toBe(error.message);
    expect(rebuilt.constructor).toBe(error.constructor);
    expect(rebuilt.toJSON().details).toEqual(JSON.parse(JSON.stringify(error.toJSON().details ?? null)) ?? undefined);
  });

  it("recognises instances by marker and name, not prototype", () => {
    const foreign = JSON.parse(JSON.stringify({ name: "DanaTimeoutError" }));
    Object.defineProperty(foreign, Symbol.for("@dana-gateway/core.DanaError"), { value: true });
    expect(DanaTimeoutError.isInstance(foreign)).toBe(true);
    expect(DanaRuntimeError.isInstance(foreign)).toBe(true);
    expect(DanaError.isInstance(foreign)).toBe(true);
    expect(DanaMemoryLimitError.isInstance(foreign)).toBe(false);
    expect(DanaError.isInstance(new Error("x"))).toBe(false);
  });
});
