/**
 * Checks on table data received over the wire before it becomes a table. A sandbox may be compromised, so the
 * host never trusts the shape of what it sends: anything unexpected is a `TypeError` (which core reports as a
 * `TypeConversionError`), never a half-built table.
 */
export function malformed(what: string): never {
  throw new TypeError(`malformed table data: ${what}`);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function requireString(value: unknown, what: string): string {
  return typeof value === "string" ? value : malformed(`${what} must be a string`);
}

export function requireRowCount(value: unknown): number {
  return Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : malformed("bad row count");
}

/** An array or typed array (what structured clone can produce) of exactly `length` items. */
export function requireCells(value: unknown, length: number, what: string): ArrayLike<unknown> {
  const arrayLike = Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
  if (!arrayLike) malformed(`${what} must be an array`);
  if ((value as ArrayLike<unknown>).length !== length) malformed(`${what} has the wrong number of rows`);
  return value as ArrayLike<unknown>;
}
