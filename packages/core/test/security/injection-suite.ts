/**
 * Injection: every hostile string, passed as a prompt, a function argument, an eval input, a struct field, a
 * dict key, and a host function argument, round-trips byte for byte — in every isolation mode. A gateway that
 * built Dana source from these would fail at the first quote.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DanaContext, type DanaFunction, DanaObject, DanaRuntime } from "../../src/index.js";
import { createFakeModel, type FakeModel } from "../support/fake-model.js";
import type { IsolationMode } from "./escape-suite.js";
import { hostileStrings } from "./hostile-strings.js";

const program = `
struct Note:
    text: str
    tag: str = "none"

def echo(value):
    return value

def note(text):
    return Note(text = text)

def keyed(key, value):
    return {key: value}

def pass_to_host(value):
    return capture(value)

def ask(prompt):
    return reason(prompt)
`;

export function describeInjectionSuite(mode: IsolationMode): void {
  describe(`injection: hostile strings round-trip byte for byte, isolation "${mode}"`, () => {
    let runtime: DanaRuntime;
    let context: DanaContext;
    let model: FakeModel;
    const captured: unknown[] = [];
    const functions: Record<string, DanaFunction> = {};

    beforeAll(async () => {
      // The model answers with the prompt it received, so the prompt's whole journey is checked.
      model = createFakeModel((request) => request.prompt);
      runtime = await DanaRuntime.create({ env: {}, model, cache: { maxSize: 0 } });
      context = runtime.createContext({
        isolation: mode,
        capabilities: ["llm"],
        hostFunctions: {
          capture: (value: unknown) => {
            captured.push(value);
            return value;
          },
        },
        timeoutMs: 5_000,
        maxMemoryBytes: 64 * 1024 * 1024,
      });
      await context.eval(program);
      for (const name of ["echo", "note", "keyed", "pass_to_host", "ask"]) {
        functions[name] = (await context.eval(name)).value as DanaFunction;
      }
    });

    afterAll(async () => {
      await context?.close();
      await runtime?.close();
    });

    for (const [label, text] of Object.entries(hostileStrings)) {
      describe(label, () => {
        it("as a function argument and an eval input", async () => {
          expect(await functions.echo!(text)).toBe(text);
          expect((await context.eval("value", { inputs: { value: text } })).value).toBe(text);
        });

        it("as a struct field, read and written from TypeScript", async () => {
          const created = (await functions.note!(text)) as DanaObject;
          expect(created).toBeInstanceOf(DanaObject);
          expect(created.get("text")).toBe(text);
          await created.set("tag", text);
          expect(created.toJSON()).toEqual({ text, tag: text });
        });

        it("as a dict key and value", async () => {
          const dict = (await functions.keyed!(text, text)) as Record<string, string>;
          expect(Object.keys(dict)).toEqual([text]);
          expect(dict[text]).toBe(text);
        });

        it("as a host function argument", async () => {
          captured.length = 0;
          expect(await functions.pass_to_host!(text)).toBe(text);
          expect(captured).toEqual([text]);
        });

        it("as a prompt, from Dana and from TypeScript", async () => {
          expect(await functions.ask!(text)).toBe(text);
          expect(model.requests.at(-1)?.prompt).toBe(text);
          expect(await runtime.reason(text)).toBe(text);
          expect(model.requests.at(-1)?.prompt).toBe(text);
        });
      });
    }
  });
}
