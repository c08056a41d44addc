/**
 * A leak check for tests (quickjs-emscripten ships the same idea): runs `action`, disposes nothing itself,
 * and reports how many sandbox handles it left behind. Call `dispose()` on wrappers you are done with (or let
 * them be garbage collected: run node with `--expose-gc` and the check collects before counting).
 */
import type { DanaContext } from "../runtime/dana-context.js";

export interface HandleLeakReport {
  readonly before: number;
  readonly after: number;
  readonly leaked: number;
}

export async function checkHandleLeaks(
  context: DanaContext,
  action: () => Promise<unknown>,
): Promise<HandleLeakReport> {
  const before = (await context.stats()).liveHandles;
  await action();
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect) {
    collect();
    // Finalization callbacks run on a later turn; the release notices they send need one more.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const after = (await context.stats()).liveHandles;
  return { before, after, leaked: Math.max(0, after - before) };
}
