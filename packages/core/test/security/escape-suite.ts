/**
 * The escape suite: every hostile program in `programs/` runs in a fresh context of the given isolation mode and
 * must end in exactly the Dana error its row in `expectations.ts` names, within its limit, leaving the host
 * unchanged. One function, run once per mode (as the conformance suite is), so the three modes are held to the
 * same table.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type DanaContextOptions,
  DanaError,
  DanaRuntime,
  type DanaRuntimeError,
  type DanaTimeoutError,
} from "../../src/index.js";
import { type Expectation, expectations } from "./expectations.js";
import { hostFingerprint, pollutedNames } from "./host-fingerprint.js";
import { createModuleRoots, type ModuleRoots } from "./module-roots.js";

export type IsolationMode = "inprocess" | "worker" | "process";

const programsFolder = fileURLToPath(new URL("./programs/", import.meta.url));

/** Small budgets keep the suite fast; each program must hit its limit well before anything else happens. */
export const suiteLimits = {
  timeoutMs: 500,
  maxSteps: 100_000,
  maxMemoryBytes: 64 * 1024 * 1024,
  maxOutputBytes: 1024 * 1024,
} satisfies DanaContextOptions;

/**
 * How long past `timeoutMs` a program may take to end. Generous because CI machines are shared; a limit that is
 * not enforced overruns by far more (a loop runs until the test's own timeout).
 */
const graceMs = 2_000;

/** Host source positions or JavaScript stack frames in an error message would leak the host to the program. */
const hostTrace = /node:internal|\.(?:ts|js|mjs|cjs):\d+|\n\s+at\s/;

export function hostilePrograms(): { name: string; source: string }[] {
  return readdirSync(programsFolder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((category) =>
      readdirSync(join(programsFolder, category.name))
        .filter((file) => file.endsWith(".na"))
        .map((file) => ({
          name: `${category.name}/${file.slice(0, -3)}`,
          source: readFileSync(join(programsFolder, category.name, file), "utf8"),
        })),
    )
    .sort((left, right) => left.name.localeCompare(right.name));
}

function acceptedErrors(expectation: Expectation): Expectation[] {
  if (!expectation.uninterruptible) return [expectation];
  // Whichever comes first on this machine: the budget, the interpreter's deadline right after the long operation,
  // or (worker, process) the watchdog ending the sandbox, a timeout whose cause is the crash.
  return [expectation, { error: "DanaTimeoutError", danaType: "TimeoutError", limits: ["timeout"] }];
}

function assertEndedAsExpected(error: unknown, expectation: Expectation): void {
  expect(DanaError.isInstance(error), `a gateway error, got ${String(error)}`).toBe(true);
  const gatewayError = error as DanaRuntimeError;
  const accepted = acceptedErrors(expectation);
  const match = accepted.find(
    (candidate) => candidate.error === gatewayError.name && candidate.danaType === gatewayError.danaType,
  );
  expect(match, `${gatewayError.name}/${gatewayError.danaType}: ${gatewayError.message}`).toBeDefined();
  if (match?.limits !== undefined) {
    expect(match.limits).toContain((gatewayError as DanaTimeoutError).limit);
  }
  if (match?.messageIncludes !== undefined) expect(gatewayError.message).toContain(match.messageIncludes);
  expect(gatewayError.message).not.toMatch(hostTrace);
  expect(gatewayError.danaMessage ?? "").not.toMatch(hostTrace);
}

export function describeEscapeSuite(mode: IsolationMode): void {
  describe(`escape suite: isolation "${mode}"`, () => {
    let runtime: DanaRuntime;
    let roots: ModuleRoots;
    const programs = hostilePrograms();

    beforeAll(async () => {
      roots = createModuleRoots();
      // A host function exists at the runtime level but is granted to no context: calling it must be refused.
      runtime = await DanaRuntime.create({ env: {}, hostFunctions: { not_granted: () => "granted" } });
    });

    afterAll(async () => {
      await runtime?.close();
      roots?.remove();
    });

    it("has one expectation per program and one program per expectation, at least 60", () => {
      const names = programs.map((program) => program.name);
      expect(names.length).toBeGreaterThanOrEqual(60);
      expect(names.sort()).toEqual(Object.keys(expectations).sort());
    });

    for (const program of programs) {
      it(program.name, async () => {
        const expectation = expectations[program.name];
        if (expectation === undefined) throw new Error(`no expectation for ${program.name}`);
        const context = runtime.createContext({
          isolation: mode,
          modulePaths: [roots.root],
          ...suiteLimits,
          ...expectation.options,
        });
        try {
          // A first request starts (or takes) the sandbox, so the timing below is the program's alone.
          await context.eval("0");
          const before = hostFingerprint();
          const started = performance.now();
          const outcome = await context.eval(program.source, { file: `${program.name}.na` }).then(
            (result) =>
              new Error(`expected a Dana error, got the value ${JSON.stringify(result.value)?.slice(0, 200)}`),
            (error: unknown) => error,
          );
          const elapsedMs = performance.now() - started;
          assertEndedAsExpected(outcome, expectation);
          if (!(expectation.uninterruptible && mode === "inprocess")) {
            expect(elapsedMs).toBeLessThan(suiteLimits.timeoutMs + graceMs);
          }
          expect(hostFingerprint()).toEqual(before);
          expect(pollutedNames()).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  });
}
