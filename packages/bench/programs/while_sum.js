// A 3,000,000-iteration while loop: the interpreter's loop, comparison and assignment costs.
import { fileURLToPath } from "node:url";

export function main() {
  const n = 3000000;
  let i = 0;
  let total = 0;
  while (i < n) {
    total = total + i;
    i = i + 1;
  }
  return total;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(String(main()));
