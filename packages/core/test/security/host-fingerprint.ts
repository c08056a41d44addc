/**
 * A fingerprint of everything a sandbox escape would most likely touch on the host: the global object's own
 * names, the built-in prototypes' own names, and the working directory. Taken before and after every hostile
 * program; any difference fails the program's test.
 */
const watchedPrototypes: Readonly<Record<string, object>> = {
  Object: Object.prototype,
  Array: Array.prototype,
  Function: Function.prototype,
  String: String.prototype,
  Number: Number.prototype,
  BigInt: BigInt.prototype,
  Boolean: Boolean.prototype,
  Symbol: Symbol.prototype,
  Map: Map.prototype,
  Set: Set.prototype,
  Error: Error.prototype,
  Promise: Promise.prototype,
  RegExp: RegExp.prototype,
};

const ownNames = (target: object) => Reflect.ownKeys(target).map(String).sort().join(",");

export function hostFingerprint(): Record<string, string> {
  const fingerprint: Record<string, string> = { globalThis: ownNames(globalThis), cwd: process.cwd() };
  for (const [name, prototype] of Object.entries(watchedPrototypes)) fingerprint[name] = ownNames(prototype);
  return fingerprint;
}

/** Properties a pollution would add to every object: none may exist on a fresh one. */
export function pollutedNames(): string[] {
  const fresh: Record<string, unknown> = {};
  return ["polluted", "x", "secret"].filter((name) => fresh[name] !== undefined);
}
