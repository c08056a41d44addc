// 100,000 string concatenations of the form s = s + "x", then len: string building and the len builtin.
// V8 builds a rope and flattens it on demand; that is the honest peer figure.
import { fileURLToPath } from "node:url";

export function main() {
  const n = 100000;
  let s = "";
  for (let i = 0; i < n; i++) {
    s = s + "x";
  }
  return s.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(String(main()));
