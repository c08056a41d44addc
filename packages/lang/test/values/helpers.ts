/**
 * Shared helpers for the value-layer tests: decoding the tagged values of fixtures/python-expected.json, a fake
 * RuntimeServices, and running an operation into the same outcome shape the fixture records.
 */
import { readFileSync } from "node:fs";
import { DanaBuiltinFunction } from "../../src/builtins/builtin-function.js";
import { DanaException } from "../../src/errors.js";
import { defaultLimits, type Limits } from "../../src/host.js";
import { repr } from "../../src/values/print.js";
import type { LogLevel, RuntimeServices } from "../../src/values/services.js";
import {
  DanaFloat,
  DanaList,
  type DanaStructType,
  DanaTuple,
  type KeywordArguments,
  normalizeInt,
  type Value,
} from "../../src/values/types.js";

export type Encoded =
  | { i: string }
  | { f: string }
  | { s: string }
  | { b: boolean }
  | { n: null }
  | { l: Encoded[] }
  | { t: Encoded[] };

export type Outcome = { ok: string } | { error: string; message: string };

export function decode(encoded: Encoded): Value {
  if ("i" in encoded) return normalizeInt(BigInt(encoded.i));
  if ("f" in encoded) return new DanaFloat(parseFloatRepr(encoded.f));
  if ("s" in encoded) return encoded.s;
  if ("b" in encoded) return encoded.b;
  if ("n" in encoded) return null;
  if ("l" in encoded) return new DanaList(encoded.l.map(decode));
  return new DanaTuple(encoded.t.map(decode));
}

export function parseFloatRepr(text: string): number {
  if (text === "inf") return Number.POSITIVE_INFINITY;
  if (text === "-inf") return Number.NEGATIVE_INFINITY;
  if (text === "nan") return Number.NaN;
  return Number(text);
}

export function outcomeOf(run: () => Value): Outcome {
  try {
    return { ok: repr(run()) };
  } catch (error) {
    if (error instanceof DanaException) return { error: error.danaType, message: error.message };
    throw error;
  }
}

export function expectedOutcome(entry: Outcome): Outcome {
  return "ok" in entry ? { ok: entry.ok } : { error: entry.error, message: entry.message };
}

// biome-ignore lint/suspicious/noExplicitAny: the fixture is plain JSON read at run time
export const pythonExpected: any = JSON.parse(
  readFileSync(new URL("./fixtures/python-expected.json", import.meta.url), "utf8"),
);

export interface FakeServices extends RuntimeServices {
  readonly stdout: string[];
  readonly logs: [LogLevel, string][];
  readonly structs: Map<string, DanaStructType>;
}

/** Services whose `call` runs builtin functions (tests pass keys as DanaBuiltinFunction wrappers). */
export function fakeServices(limits: Limits = defaultLimits): FakeServices {
  const stdout: string[] = [];
  const logs: [LogLevel, string][] = [];
  const structs = new Map<string, DanaStructType>();
  const services: FakeServices = {
    limits,
    stdout,
    logs,
    structs,
    writeStdout: (text) => stdout.push(text),
    log: (level, message) => logs.push([level, message]),
    call: (callee, positional, keywords = new Map()) => {
      if (callee instanceof DanaBuiltinFunction) return callee.implementation(positional, keywords, services);
      throw new Error("fake services can only call builtins");
    },
    findStruct: (name) => structs.get(name),
  };
  return services;
}

/** Wraps a JS function as a callable Dana value (for key= arguments). */
export function jsFunction(implementation: (...values: Value[]) => Value): DanaBuiltinFunction {
  return new DanaBuiltinFunction("test_function", (positional) => implementation(...positional));
}

export function keywords(entries: Record<string, Value>): KeywordArguments {
  return new Map(Object.entries(entries));
}
