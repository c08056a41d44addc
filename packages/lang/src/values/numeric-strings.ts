/**
 * Dana's comparison coercion (spec 1.3): a string compared with an int or float is compared numerically when it
 * parses as that numeric type — `"10" == 10` is True, `10 == "10.0"` is False (not an int literal).
 */
const INT_TEXT = /^\s*[+-]?\d+\s*$/;
const FLOAT_TEXT = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** The int the string spells, or undefined. */
export function stringAsInt(text: string): number | bigint | undefined {
  if (!INT_TEXT.test(text)) return undefined;
  const trimmed = text.trim();
  const asNumber = Number(trimmed);
  if (Number.isSafeInteger(asNumber)) return asNumber + 0;
  return BigInt(trimmed.startsWith("+") ? trimmed.slice(1) : trimmed);
}

/** The float the string spells, or undefined. */
export function stringAsFloat(text: string): number | undefined {
  if (!FLOAT_TEXT.test(text)) return undefined;
  return Number(text.trim());
}
