/**
 * A Dana module imported into one context. Functions come back as `DanaFunction`s, struct instances as
 * `DanaObject`s, other variables as JavaScript values. Private names (`_helper`) are not visible.
 *
 * In-process, members are read live; in isolated modes they are the values at import time (`read` asks the
 * sandbox). After `ctx.reloadModules()`, import again to see the new code.
 *
 * Members are also properties: `geo.area(3, 4)` is `geo.get("area")(3, 4)`. The module's own API (`name`, `names`,
 * `has`, `get`, `function`, `read`, `exports`, `alive`, `dispose`) wins over a Dana member of the same name — reach
 * such a member with `get(name)`. Type the members with `ctx.importModule<typeof import("./geo.na.js")>("geo")`
 * after `dana types geo.na`.
 */
import { DanaModule as LanguageModule, type Value } from "@dana-gateway/lang";
import type { HandleReference } from "../protocol/handle-reference.js";
import type { DanaFunction } from "./dana-function.js";
import { type GatewayScope, wrapperTargets } from "./gateway-scope.js";

/**
 * The members of a module imported without generated declarations: any name, any value (functions are
 * `DanaFunction`s at run time). Pass `typeof import("./mod.na.js")` to `importModule` for precise types.
 */
// biome-ignore lint/suspicious/noExplicitAny: untyped module members are as dynamic as Dana itself (pyodide does the same)
export type UntypedModuleMembers = Record<string, any>;

export class DanaModule {
  readonly name: string;
  readonly #scope: GatewayScope;
  readonly #target: Value;
  readonly #members: ReadonlyMap<string, Value>;
  #disposed = false;

  /** @internal Created by `ctx.importModule()`. */
  constructor(scope: GatewayScope, target: LanguageModule | HandleReference) {
    this.#scope = scope;
    this.#target = target;
    if (target instanceof LanguageModule) {
      this.name = target.name;
      this.#members = target.members;
    } else {
      this.name = target.descriptor.name;
      this.#members = target.members ?? new Map();
    }
    wrapperTargets.set(this, { target, scope });
    scope.track(this, target);
    // The proxy only adds reads of public members; everything else is the instance itself, with `this` bound to
    // it (private fields do not work through a proxy receiver).
    const proxy = new Proxy(this, {
      get: (module, property) => {
        if (typeof property === "string" && !(property in module) && module.has(property)) return module.get(property);
        const value = Reflect.get(module, property, module);
        return typeof value === "function" && property !== "constructor" ? value.bind(module) : value;
      },
      has: (module, property) => property in module || (typeof property === "string" && module.has(property)),
    });
    wrapperTargets.set(proxy, { target, scope });
    // biome-ignore lint/correctness/noConstructorReturn: the proxy is the module object users hold
    return proxy;
  }

  /** Public member names, in definition order. */
  get names(): string[] {
    return [...this.#members.keys()].filter((name) => !name.startsWith("_"));
  }

  has(name: string): boolean {
    return !name.startsWith("_") && this.#members.has(name);
  }

  /** A member converted to JavaScript; `TypeError` naming the module's members when there is no such one. */
  get(name: string): unknown {
    this.#scope.checkOpen(`reading ${this.name}.${name}`);
    if (!this.has(name)) {
      throw new TypeError(`module '${this.name}' has no public member '${name}'; members: ${this.names.join(", ")}`);
    }
    return this.#scope.converter.fromDana(this.#members.get(name)!, `${this.name}.${name}`);
  }

  /** A function member, typed by the caller: `mod.function<(a: number, b: number) => number>("add")`. */
  function<Signature extends (...args: never[]) => unknown = (...args: unknown[]) => unknown>(
    name: string,
  ): DanaFunction<Parameters<Signature>, Awaited<ReturnType<Signature>>> {
    const member = this.get(name);
    if (typeof member !== "function") throw new TypeError(`${this.name}.${name} is not a function`);
    return member as DanaFunction<Parameters<Signature>, Awaited<ReturnType<Signature>>>;
  }

  /** A member's current value, read through the sandbox. */
  async read(name: string): Promise<unknown> {
    this.#scope.checkOpen(`reading ${this.name}.${name}`);
    if (name.startsWith("_")) throw new TypeError(`'${name}' is private to module '${this.name}'`);
    if (this.#target instanceof LanguageModule) return this.get(name);
    return this.#scope.converter.fromDana(
      await this.#scope.client.getAttribute(this.#target, name),
      `${this.name}.${name}`,
    );
  }

  /** Every public member converted, as one object (functions as `DanaFunction`s). */
  get exports(): Readonly<Record<string, unknown>> {
    const result: Record<string, unknown> = Object.create(null);
    for (const name of this.names) result[name] = this.get(name);
    return Object.freeze(result);
  }

  get alive(): boolean {
    return !this.#disposed && !this.#scope.closed;
  }

  /** Releases the module's sandbox handle (isolated modes); the context keeps the module imported. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#scope.untrack(this);
    this.#scope.client.release(this.#target);
  }

  [Symbol.dispose](): void {
    this.dispose();
  }

  get [Symbol.toStringTag](): string {
    return `DanaModule ${this.name}`;
  }
}
