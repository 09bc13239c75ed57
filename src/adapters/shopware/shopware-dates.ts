/**
 * Shopware's two date-time texts. Entities render DateTimeFields as RFC 3339 with milliseconds and the
 * offset ("2024-05-17T08:03:11.123+00:00", PHP's RFC3339_EXTENDED; the database keeps UTC). Filters
 * reach MySQL unconverted, so the adapter sends the storage format "2024-05-17 08:03:11.123" (UTC), which
 * every MySQL and MariaDB version compares correctly with a DATETIME(3) column.
 */
import { isoInstant } from '../date-times.ts';

const RENDERED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}:\d{2})$/;

/** "2024-05-17T08:03:11.123+00:00" -> "2024-05-17T08:03:11.123Z"; null if it is not such a date-time. */
export function shopwareDateToIso(value: unknown): string | null {
  if (typeof value !== 'string' || !RENDERED.test(value.trim())) return null;
  return isoInstant(value);
}

/** A Date as Shopware stores it and as filters take it: "2024-05-17 08:03:11.123" (UTC). */
export function toStorageDate(date: Date): string {
  return date.toISOString().slice(0, 23).replace('T', ' ');
}

/** A Date as Shopware renders it: "2024-05-17T08:03:11.123+00:00". */
export function toRenderedDate(date: Date): string {
  return `${date.toISOString().slice(0, 23)}+00:00`;
}
