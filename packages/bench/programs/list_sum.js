// Build a 1,000,000-element list by appending in a loop, then sum it: method calls on a list and the sum builtin.
import { fileURLToPath } from "node:url";

export function main() {
  const n = 1000000;
  const items = [];
  for (let i = 0; i < n; i++) {
    items.push(i);
  }
  let total = 0;
  for (const item of items) total += item;
  return total;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(String(main()));
