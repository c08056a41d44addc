import { execFileSync } from "node:child_process";
import os from "node:os";
import type { MachineInfo } from "./types.js";

/** The python3 version string, or null when python3 is not on PATH (the CPython baselines are then skipped). */
export function pythonVersion(): string | null {
  try {
    const output = execFileSync("python3", ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return output.trim().replace(/^Python\s+/, "");
  } catch {
    return null;
  }
}

/** Ratios travel between machines better than absolute times, but a reader still needs to know where a run came from. */
export function machineInfo(now: Date = new Date()): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    platform: os.platform(),
    arch: os.arch(),
    nodeVersion: process.version,
    pythonVersion: pythonVersion(),
    date: now.toISOString(),
  };
}
