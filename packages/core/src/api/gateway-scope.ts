/**
 * What the gateway's wrappers (`DanaFunction`, `DanaModule`, `DanaObject`) need from the context that made
 * them: the sandbox client, the converter, and a way to check the context is still open.
 */
import type { Value } from "@dana-gateway/lang";
import type { ValueConverter } from "../conversion/value-converter.js";
import type { SandboxClient } from "../runtime/sandbox-client.js";

export interface GatewayScope {
  readonly client: SandboxClient;
  readonly converter: ValueConverter;
  readonly closed: boolean;
  /** Throws `ResourceError` (saying what to do) when the context is closed. */
  checkOpen(what: string): void;
  /** Releases `target`'s sandbox handle when `wrapper` is garbage collected (isolated modes). */
  track(wrapper: object, target: Value): void;
  /** Stops tracking (the wrapper released its handle itself). */
  untrack(wrapper: object): void;
}

/** Each wrapper's sandbox value and owning scope, kept out of reach of user code. */
export const wrapperTargets = new WeakMap<object, { readonly target: Value; readonly scope: GatewayScope }>();
