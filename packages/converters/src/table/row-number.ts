/** Python indexing for rows: negative counts from the end; out of range is an IndexError. */
import { DanaException } from "@dana-gateway/lang";

export function rowNumber(index: number, length: number, what: string): number {
  const row = index < 0 ? index + length : index;
  if (row < 0 || row >= length) throw new DanaException("IndexError", `${what} index out of range`);
  return row;
}
