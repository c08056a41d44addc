import { getQuickJS } from "quickjs-emscripten";
import { repeatSync } from "../harness/measure.js";
import { type Peer, peerTaskNames } from "./peer.js";

/**
 * The in-process sandbox peer: a call into a QuickJS (WebAssembly) context, with the argument
 * and result handles created and disposed on every call as a real host would.
 */
export async function openQuickJsPeer(): Promise<Peer> {
  const quickjs = await getQuickJS();
  const vm = quickjs.newContext();
  const functionHandle = vm.unwrapResult(vm.evalCode("(function add(a, b) { return a + b; })"));
  let counter = 0;
  const call = (): number => {
    const left = vm.newNumber(counter++);
    const right = vm.newNumber(2);
    try {
      const resultHandle = vm.unwrapResult(vm.callFunction(functionHandle, vm.undefined, left, right));
      const value = vm.getNumber(resultHandle);
      resultHandle.dispose();
      return value;
    } finally {
      left.dispose();
      right.dispose();
    }
  };
  if (call() !== 2) throw new Error("the QuickJS peer returned a wrong sum");
  return {
    tasks: [{ name: peerTaskNames.quickjsCall, fn: repeatSync(call, 100) }],
    close: async () => {
      functionHandle.dispose();
      vm.dispose();
    },
  };
}
