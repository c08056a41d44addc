// Recursive Fibonacci: function-call overhead, integer arithmetic and comparisons.
import { fileURLToPath } from "node:url";

function fib(n) {
  if (n < 2) return n;
  return fib(n - 1) + fib(n - 2);
}

export function main() {
  return fib(27);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(String(main()));
