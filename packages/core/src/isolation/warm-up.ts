/**
 * Runs a small program once while a sandbox starts (before it reports ready, so off every caller's path): the
 * interpreter's parser, compiler and common evaluation paths get compiled by V8 then, instead of during the first
 * request of the context that takes the sandbox from the pool.
 */
import type { InterpreterFactory } from "../protocol/server.js";

const warmUpProgram = `
struct WarmUpPoint:
    x: int
    y: int

def warm_up_add(a, b = 1):
    return a + b

total = 0
for index in range(50):
    total = warm_up_add(total, b = index)
items = [warm_up_add(n) for n in [1, 2, 3]]
table = {"key": items, "point": WarmUpPoint(x = 1, y = 2)}
text = f"{total} {len(items)} {table['point'].x}"
`;

/** Best effort: a warm-up failure only means a slower first request, never a failed start. */
export function warmUp(createInterpreter: InterpreterFactory): void {
  try {
    const interpreter = createInterpreter({ host: { writeStdout: () => {} } });
    interpreter.evaluateSync(warmUpProgram, { file: "<warm-up>" });
    const add = interpreter.getGlobal("warm_up_add");
    if (add !== undefined) for (let index = 0; index < 20; index++) interpreter.callSync(add, [index], new Map());
  } catch {}
}
