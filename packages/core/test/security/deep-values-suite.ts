/**
 * Values nested deeper than the host stack, crossing the boundary in each direction: as an eval input, as a host
 * function's argument, and as a host function's result. Each conversion recurses per level; each must end in a
 * Dana error and leave the context working (before the fix in value-converter.ts, in-process raised a raw
 * RangeError).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DanaContext, DanaRuntime, DanaRuntimeError } from "../../src/index.js";
import type { IsolationMode } from "./escape-suite.js";

const levels = 20_000;

function deeplyNested(): unknown {
  let value: unknown = [];
  for (let level = 0; level < levels; level++) value = [value];
  return value;
}

async function failureOf(action: Promise<unknown>): Promise<unknown> {
  return action.then(
    (result) => new Error(`expected a Dana error, got ${JSON.stringify(result)?.slice(0, 100)}`),
    (error: unknown) => error,
  );
}

export function describeDeepValuesSuite(mode: IsolationMode): void {
  describe(`values nested ${levels} levels deep cross as Dana errors, isolation "${mode}"`, () => {
    let runtime: DanaRuntime;
    let context: DanaContext;

    beforeAll(async () => {
      runtime = await DanaRuntime.create({ env: {} });
      context = runtime.createContext({
        isolation: mode,
        hostFunctions: { take: () => "taken", give: deeplyNested },
        timeoutMs: 5_000,
      });
    });

    afterAll(async () => {
      await context?.close();
      await runtime?.close();
    });

    const cases: [string, () => Promise<unknown>][] = [
      ["as an eval input", () => context.eval("len(x)", { inputs: { x: deeplyNested() } })],
      [
        "as a host function's argument",
        () => context.eval(`xs = []\nfor i in range(${levels}):\n    xs = [xs]\ntake(xs)`),
      ],
      ["as a host function's result", () => context.eval("len(give())")],
    ];

    for (const [label, action] of cases) {
      it(label, async () => {
        const error = await failureOf(action());
        expect(DanaRuntimeError.isInstance(error), String(error)).toBe(true);
        // The host function's own failure (a host error) is reported as such; everything else as recursion.
        expect(["RecursionError", "HostError"]).toContain((error as DanaRuntimeError).danaType);
        expect((await context.eval("1 + 1")).value).toBe(2);
      });
    }
  });
}
