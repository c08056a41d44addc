import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Interpreter } from "@dana-gateway/lang";
import { afterAll, describe, expect, it } from "vitest";
import { checkHandleLeaks, DanaRuntime } from "../../src/index.js";
import { createLoopbackBackendFactory } from "../../src/protocol/loopback-backend.js";
import { createModuleFolder } from "../support/module-folder.js";

// Exposes `gc` to this test without restarting node with --expose-gc.
setFlagsFromString("--expose-gc");
(globalThis as { gc?: () => void }).gc ??= runInNewContext("gc") as () => void;

const folder = createModuleFolder({
  "points.na": "struct Point:\n    x: int\n\ndef make(x):\n    return Point(x=x)\n",
});
const runtime = await DanaRuntime.create({
  backends: { worker: createLoopbackBackendFactory((options) => new Interpreter(options)) },
});
afterAll(async () => {
  await runtime.close();
  folder.remove();
});

describe("garbage collection", () => {
  it("releases the sandbox handles of wrappers that were dropped without dispose()", async () => {
    await using ctx = runtime.createContext({ isolation: "worker", modulePaths: [folder.path] });
    const make = (await ctx.importModule("points")).function("make");
    let released = false;
    for (let attempt = 0; attempt < 5 && !released; attempt++) {
      const report = await checkHandleLeaks(ctx, async () => {
        for (let index = 0; index < 50; index++) await make(index);
      });
      released = report.leaked === 0;
    }
    expect(released).toBe(true);
  });
});
