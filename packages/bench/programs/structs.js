// Create 1,000,000 instances and read a field of each.
// Peer choice: a plain class with a positional constructor; V8 may avoid allocating it at all
// (escape analysis), which is exactly the advantage a JIT has over a tree-walking interpreter.
import { fileURLToPath } from "node:url";

class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
}

export function main() {
  const n = 1000000;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const p = new Point(i, 2);
    total = total + p.x;
  }
  return total;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(String(main()));
