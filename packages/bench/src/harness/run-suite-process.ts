import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { unavailableSuiteResult } from "./suite-result.js";
import type { SuiteResult } from "./types.js";

const runnerPath = fileURLToPath(new URL("../suite-runner.js", import.meta.url));

export interface SuiteProcessOptions {
  quick: boolean;
  /** A suite that hangs (a deadlocked worker, a lost IPC reply) is killed and reported as failed. */
  timeoutMs: number;
}

function isSuiteResultMessage(message: unknown): message is { type: "suite-result"; result: SuiteResult } {
  return typeof message === "object" && message !== null && (message as { type?: unknown }).type === "suite-result";
}

/** Runs one suite in a fresh Node process and collects its result over IPC. */
export function runSuiteProcess(name: string, options: SuiteProcessOptions): Promise<SuiteResult> {
  const identity = { name, description: "" };
  return new Promise((resolve) => {
    const child = fork(runnerPath, [name, ...(options.quick ? ["--quick"] : [])], {
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      serialization: "json",
      // Whole-program suites collect garbage between samples; see BenchmarkTask.collectGarbageFirst.
      execArgv: [...process.execArgv, "--expose-gc"],
    });
    let result: SuiteResult | undefined;
    let stderr = "";
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      // Keep the tail only: it holds the stack of a crash.
      stderr = (stderr + chunk).slice(-4000);
    });
    child.on("message", (message) => {
      if (isSuiteResultMessage(message)) result = message.result;
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve(unavailableSuiteResult(identity, "failed", `timed out after ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve(unavailableSuiteResult(identity, "failed", `could not start the suite process: ${error.message}`));
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (result) return resolve(result);
      const how = signal ? `signal ${signal}` : `exit code ${code}`;
      resolve(
        unavailableSuiteResult(identity, "failed", `the suite process ended (${how}) without a result\n${stderr}`),
      );
    });
  });
}
