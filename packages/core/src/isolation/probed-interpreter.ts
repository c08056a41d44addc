/**
 * Builds the interpreter a sandbox serves with, its clock hooked to the interrupt probe, so that a host
 * cancellation reaches a program that is busy in synchronous code (see `interrupt-probe.ts`).
 */
import type { DanaInterpreter, InterpreterOptions } from "@dana-gateway/lang";
import * as lang from "@dana-gateway/lang";
import type { InterpreterFactory } from "../protocol/server.js";
import type { InterruptProbe } from "./interrupt-probe.js";

type InterpreterClass = new (options: InterpreterOptions) => DanaInterpreter;

/** The language package's `Interpreter`, looked up when a sandbox starts so a missing one is a start failure. */
export function languageInterpreter(): InterpreterFactory {
  const candidate = (lang as unknown as Record<string, unknown>).Interpreter;
  if (typeof candidate !== "function") {
    throw new Error("@dana-gateway/lang does not export an Interpreter (is packages/lang built and up to date?)");
  }
  const Interpreter = candidate as InterpreterClass;
  return (options) => new Interpreter(options);
}

export function probedInterpreterFactory(create: InterpreterFactory, probe: InterruptProbe): InterpreterFactory {
  return (options) => {
    const clock = options.host?.now ?? (() => performance.now());
    const interpreter: DanaInterpreter = create({
      ...options,
      host: {
        ...options.host,
        now: () => {
          if (probe.poll()) interpreter.cancel("cancelled by the host");
          return clock();
        },
      },
    });
    return interpreter;
  };
}
