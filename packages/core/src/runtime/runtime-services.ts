/** What a context needs from its runtime. */
import type { Limits, Value } from "@dana-gateway/lang";
import type { TypeConverterRegistry } from "../conversion/type-converter.js";
import type { SandboxBackendFactory } from "../protocol/backend.js";
import type { InterpreterFactory } from "../protocol/server.js";
import type { ReasoningServices } from "../reason/reasoning-services.js";
import type { HostFunction } from "./options.js";

export interface RuntimeServices {
  /** Loads the reason() machinery on first call (cached afterwards). */
  reasoning(): Promise<ReasoningServices>;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly hostFunctions: Readonly<Record<string, HostFunction>>;
  readonly typeConverters: TypeConverterRegistry;
  readonly backends: Partial<Record<"worker" | "process", SandboxBackendFactory>>;
  readonly createInterpreter: InterpreterFactory;
  /** Called when a context closes, so the runtime stops tracking it. */
  forget(context: object): void;
}

export type { Limits, Value };
