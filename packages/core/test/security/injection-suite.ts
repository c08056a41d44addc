/**
 * Injection: every hostile string, passed as a prompt, a function argument, an eval input, a struct field, a
 * dict key, and a host function argument, round-trips byte for byte — in every isolation mode. A gateway that
 * built Dana source from these would fail at the first quote.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DanaContext, type DanaFunction, DanaObject, DanaRuntime, DanaRuntimeError } from "../../src/index.js";
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

def ask_dict(prompt):
    answer: dict = reason(prompt)
    return answer

def ask_int(prompt):
    answer: int = reason(prompt)
    return answer
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
      for (const name of ["echo", "note", "keyed", "pass_to_host", "ask", "ask_dict", "ask_int"]) {
        functions[name] = (await context.eval(name)).value as DanaFunction;
      }
    });

    afterAll(async () => {
      await context?.close();
      await runtime?.close();
    });

    // The fake model answers with its prompt, so the prompt is the untrusted model output here.
    describe("untrusted model output", () => {
      it("JSON with __proto__ and constructor keys becomes a dict holding them as data", async () => {
        const reply = '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}';
        const answer = (await functions.ask_dict!(reply)) as Record<string, unknown>;
        expect(Object.getPrototypeOf(answer)).toBe(Object.prototype);
        expect(Object.keys(answer)).toEqual(["__proto__", "constructor"]);
        expect(Object.getOwnPropertyDescriptor(answer, "__proto__")?.value).toEqual({ polluted: 1 });
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      });

      it("a reply of the wrong type is a Dana TypeError, not a host exception", async () => {
        const error = await functions.ask_int!("not a number").catch((failure: unknown) => failure);
        expect(DanaRuntimeError.isInstance(error)).toBe(true);
        expect((error as DanaRuntimeError).danaType).toBe("TypeError");
      });
    });

    for (const [label, text] of hostileStrings) {
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
