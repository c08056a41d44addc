/**
 * Closes file descriptors a child process inherited by accident.
 *
 * libuv hands a child exactly stdin, stdout, stderr and the IPC channel, but any descriptor the host itself
 * inherited without close-on-exec (from a shell, a supervisor, a test runner) leaks through `exec` into the child
 * too. Node opens all of its own descriptors with O_CLOEXEC, so in the child a descriptor above the four standard
 * ones that lacks that flag can only have come from outside: it is closed before any Dana code runs. Linux only
 * (it reads /proc); elsewhere nothing is closed.
 */
import { closeSync, readdirSync, readFileSync } from "node:fs";

const closeOnExecFlag = 0o2000000;
/** stdin, stdout and stderr (set up by the host) and the IPC channel, which fork places at index 3. */
const lastStandardDescriptor = 3;

/** Returns the descriptors it closed. */
export function closeInheritedDescriptors(): number[] {
  let names: string[];
  try {
    names = readdirSync("/proc/self/fd");
  } catch {
    return [];
  }
  const closed: number[] = [];
  for (const name of names) {
    const descriptor = Number(name);
    if (!Number.isSafeInteger(descriptor) || descriptor <= lastStandardDescriptor) continue;
    let information: string;
    try {
      information = readFileSync(`/proc/self/fdinfo/${name}`, "utf8");
    } catch {
      continue; // the directory listing's own descriptor, already closed
    }
    const flags = /^flags:\s*([0-7]+)/m.exec(information)?.[1];
    if (flags === undefined || (Number.parseInt(flags, 8) & closeOnExecFlag) !== 0) continue;
    try {
      closeSync(descriptor);
      closed.push(descriptor);
    } catch {}
  }
  return closed;
}
