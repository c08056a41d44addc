import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { type Peer, peerTaskNames } from "./peer.js";
import { createExchange, singleRoundTripTask } from "./round-trip.js";

export const echoChildPath = fileURLToPath(new URL("./echo-child.js", import.meta.url));

async function openChild(serialization: "advanced" | "json"): Promise<ChildProcess> {
  const child = fork(echoChildPath, [], { serialization, stdio: ["ignore", "ignore", "inherit", "ipc"] });
  await once(child, "spawn");
  return child;
}

async function closeChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.disconnect();
  await exited;
}

/** The raw cost the process isolation mode builds on: one IPC message there and back, per serialization. */
export async function openChildProcessPeer(): Promise<Peer> {
  const advanced = await openChild("advanced");
  let json: ChildProcess;
  try {
    json = await openChild("json");
  } catch (error) {
    await closeChild(advanced);
    throw error;
  }
  const channel = (child: ChildProcess) =>
    createExchange({
      post: (message) => child.send(message as object),
      onReply: (listener) => child.on("message", listener),
    });
  const advancedExchange = channel(advanced);
  const jsonExchange = channel(json);
  await advancedExchange(1);
  await jsonExchange(1);
  return {
    tasks: [
      singleRoundTripTask(peerTaskNames.childAdvancedRoundTrip, advancedExchange),
      singleRoundTripTask(peerTaskNames.childJsonRoundTrip, jsonExchange),
    ],
    close: async () => {
      await closeChild(advanced);
      await closeChild(json);
    },
  };
}
