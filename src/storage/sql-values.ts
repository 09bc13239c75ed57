/** Conversions between SQL result values and the domain's JSON-friendly values. */

/** timestamptz -> ISO 8601 string in UTC (null stays null). */
export function isoOrNull(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(String(value));
  return date.toISOString();
}

export function iso(value: unknown): string {
  const result = isoOrNull(value);
  if (result === null) throw new TypeError('Expected a timestamp, got null');
  return result;
}

/** bigint/int columns (which may arrive as strings) -> number. */
export function num(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}
