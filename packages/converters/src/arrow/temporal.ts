/**
 * Dana has no date or time type, so Arrow dates and timestamps become ISO 8601 strings (the core's rule for
 * JavaScript `Date`), written to the column's full precision so they come back exactly:
 *
 *   Date (day or millisecond)  → "2024-01-02" (a DateMillisecond that is not midnight keeps its time, as a timestamp)
 *   Timestamp, by unit         → "2024-01-02T03:04:05Z", ".123Z", ".123456Z", ".123456789Z"  (always UTC)
 *
 * Strings compare in time order while their years have four digits, so `min`, `max`, `sort_by` and `filter`
 * work on them.
 */
const millisecondsPerDay = 86_400_000;
const unitDivisors = [1n, 1_000n, 1_000_000n, 1_000_000_000n] as const;
const unitDigits = [0, 3, 6, 9] as const;

/** Arrow's TimeUnit: 0 second, 1 millisecond, 2 microsecond, 3 nanosecond. */
export type TimeUnitIndex = 0 | 1 | 2 | 3;

export class TemporalRangeError extends RangeError {
  override readonly name = "TemporalRangeError";
}

function isoSeconds(seconds: bigint): string {
  const milliseconds = Number(seconds) * 1000;
  const date = new Date(milliseconds);
  if (Number.isNaN(date.getTime())) throw new TemporalRangeError(`${seconds} s is outside the range of dates`);
  const text = date.toISOString();
  return text.slice(0, text.indexOf("."));
}

export function formatTimestamp(value: bigint, unit: TimeUnitIndex): string {
  const divisor = unitDivisors[unit];
  let seconds = value / divisor;
  let fraction = value % divisor;
  if (fraction < 0n) {
    seconds -= 1n;
    fraction += divisor;
  }
  const digits = unitDigits[unit];
  return `${isoSeconds(seconds)}${digits === 0 ? "" : `.${fraction.toString().padStart(digits, "0")}`}Z`;
}

const timestampPattern = /^([+-]?\d{4,6}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(?:Z|[+-]00:?00)?$/;

/** The timestamp in `unit`; undefined when the text is not an ISO 8601 UTC timestamp or date. */
export function parseTimestamp(text: string, unit: TimeUnitIndex): bigint | undefined {
  const match = timestampPattern.exec(text);
  if (match === null) {
    const day = parseDate(text);
    return day === undefined ? undefined : (BigInt(day) * unitDivisors[unit]) / 1000n;
  }
  const milliseconds = Date.parse(`${match[1]}Z`);
  if (Number.isNaN(milliseconds)) return undefined;
  const digits = unitDigits[unit];
  const fraction = (match[2] ?? "").padEnd(9, "0").slice(0, digits);
  return BigInt(milliseconds / 1000) * unitDivisors[unit] + (digits === 0 ? 0n : BigInt(fraction));
}

/** Milliseconds since the epoch → "2024-01-02", or a full timestamp when not at midnight UTC. */
export function formatDate(milliseconds: number): string {
  if (milliseconds % millisecondsPerDay !== 0) return formatTimestamp(BigInt(milliseconds), 1);
  const date = new Date(milliseconds);
  if (Number.isNaN(date.getTime())) throw new TemporalRangeError(`${milliseconds} ms is outside the range of dates`);
  const text = date.toISOString();
  return text.slice(0, text.indexOf("T"));
}

const datePattern = /^[+-]?\d{4,6}-\d\d-\d\d$/;

/** "2024-01-02" (or a timestamp) → milliseconds since the epoch; undefined when not a date. */
export function parseDate(text: string): number | undefined {
  if (datePattern.test(text)) {
    const milliseconds = Date.parse(`${text}T00:00:00Z`);
    return Number.isNaN(milliseconds) ? undefined : milliseconds;
  }
  if (!timestampPattern.test(text)) return undefined;
  const value = parseTimestamp(text, 1);
  return value === undefined ? undefined : Number(value);
}
