/**
 * Character classes and integer conversion for the lexer (Dana identifiers
 * and numbers are ASCII-only, spec 1.1).
 */

export function isDigit(character: string): boolean {
  return character.length === 1 && character >= "0" && character <= "9";
}

export function isIdentifierStart(character: string): boolean {
  return (character >= "a" && character <= "z") || (character >= "A" && character <= "Z") || character === "_";
}

export function isIdentifierPart(character: string): boolean {
  return isIdentifierStart(character) || isDigit(character);
}

/** Ints are JS numbers in the safe range, else bigints (spec decision 7). */
export function parseInteger(digits: string): number | bigint {
  if (digits.length < 16) return Number(digits);
  const big = BigInt(digits);
  return big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
}

export type NumberScan =
  | { readonly kind: "int" | "float"; readonly end: number }
  | { readonly kind: "invalid"; readonly end: number; readonly message: string };

/**
 * Scans a number literal starting at `start` (a digit, or `.` before a digit):
 * decimal ints, `3.`, `.5`, `2.5`, `1e3`, `1.5E-2` (spec 1.1). A literal that
 * runs into letters, digits or `_` (`0x1F`, `1_000`, `3j`) is invalid as a whole.
 */
export function scanNumber(source: string, start: number, end: number): NumberScan {
  const at = (index: number): string => (index < end ? (source[index] ?? "") : "");
  let position = start;
  let kind: "int" | "float" = "int";
  while (isDigit(at(position))) position += 1;
  if (at(position) === ".") {
    kind = "float";
    position += 1;
    while (isDigit(at(position))) position += 1;
  }
  if (at(position) === "e" || at(position) === "E") {
    const sign = at(position + 1) === "+" || at(position + 1) === "-" ? 1 : 0;
    if (isDigit(at(position + 1 + sign))) {
      kind = "float";
      position += 1 + sign;
      while (isDigit(at(position))) position += 1;
    }
  }
  if (!isIdentifierPart(at(position))) return { kind, end: position };
  const digitsEnd = position;
  while (isIdentifierPart(at(position)) || (at(position) === "." && isIdentifierPart(at(position + 1)))) position += 1;
  const text = source.slice(start, position);
  const message = /^0[xXoObB]/.test(text)
    ? `hexadecimal, octal and binary literals are not supported in Dana: '${text}'`
    : source[digitsEnd] === "_"
      ? `underscores in number literals are not supported in Dana: '${text}'`
      : `invalid number literal '${text}'`;
  return { kind: "invalid", end: position, message };
}
