/**
 * The host side of a handle: stands in, inside host-side Dana values, for an object that lives in an
 * isolated sandbox. The gateway wraps it as a `DanaFunction`, `DanaModule` or `DanaObject`.
 */
import { DanaObject, type Value } from "@dana-gateway/lang";
import type { HandleDescriptor } from "./wire-values.js";

export class HandleReference extends DanaObject {
  readonly kind = "handle";
  constructor(
    readonly descriptor: HandleDescriptor,
    /** Struct instances: the field values when the handle crossed (reads go to the sandbox anyway). */
    readonly fieldSnapshot: ReadonlyMap<string, Value> | null = null,
    /** Modules from `import-module`: the public members when imported. */
    readonly members: ReadonlyMap<string, Value> | null = null,
  ) {
    super();
  }
}
