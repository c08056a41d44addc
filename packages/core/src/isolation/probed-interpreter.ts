/**
 * Builds the interpreter a sandbox serves with, its clock hooked to the interrupt probe, so that a host
 * cancellation reaches a program that is busy in synchronous code (see `interrupt-probe.ts`).
 */
import { type DanaInterpreter, Interpreter } from "@dana-gateway/lang";
import type { InterpreterFactory } from "../protocol/server.js";
import type { InterruptProbe } from "./interrupt-probe.js";

/** The language package's interpreter, as the factory the sandbox server builds its interpreter with. */
export function languageInterpreter(): InterpreterFactory {
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
