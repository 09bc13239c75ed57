/**
 * Shopware's two date-time texts. Entities render DateTimeFields as RFC 3339 with milliseconds and the
 * offset ("2024-05-17T08:03:11.123+00:00", PHP's RFC3339_EXTENDED; the database keeps UTC). Filters
 * reach MySQL unconverted, so the adapter sends the storage format "2024-05-17 08:03:11.123" (UTC), which
 * every MySQL and MariaDB version compares correctly with a DATETIME(3) column.
 */
const RENDERED = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(Z|[+-]\d{2}:\d{2})$/;

/** "2024-05-17T08:03:11.123+00:00" -> "2024-05-17T08:03:11.123Z"; null if it is not such a date-time. */
export function shopwareDateToIso(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = RENDERED.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s, fraction = '0', zone] = match as unknown as string[];
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as number[] as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  const local = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(local);
  if (
    year < 1970 ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return null;
  }
  const offset = zone === 'Z' ? 0 : offsetMinutes(zone as string);
  return new Date(local - offset * 60_000).toISOString();
}

/** A Date as Shopware stores it and as filters take it: "2024-05-17 08:03:11.123" (UTC). */
export function toStorageDate(date: Date): string {
  return date.toISOString().slice(0, 23).replace('T', ' ');
}

/** A Date as Shopware renders it: "2024-05-17T08:03:11.123+00:00". */
export function toRenderedDate(date: Date): string {
  return `${date.toISOString().slice(0, 23)}+00:00`;
}

function offsetMinutes(zone: string): number {
  const sign = zone.startsWith('-') ? -1 : 1;
  const [hours, minutes] = zone.slice(1).split(':').map(Number) as [number, number];
  return sign * (hours * 60 + minutes);
}
