/**
 * Change times in the many shapes JSON APIs write them, and the changed-since value in the format the
 * channel's API expects (setting `changedSinceFormat`).
 */
import { isoInstant } from '../date-times.ts';

export const SINCE_FORMATS = ['iso', 'iso-seconds', 'sql', 'unix', 'unix-ms', 'date'] as const;
export type SinceFormat = (typeof SINCE_FORMATS)[number];

/** Numbers above this are milliseconds since the epoch, below it seconds (the year 5138 in seconds). */
const MS_THRESHOLD = 1e11;

/**
 * An instant from an item: ISO 8601 (a text without a zone is UTC), "YYYY-MM-DD HH:MM:SS" (UTC), or
 * seconds / milliseconds since the epoch (number or digits). ISO 8601 UTC with milliseconds, or null.
 */
export function readInstant(value: unknown): string | null {
  if (typeof value === 'number' || (typeof value === 'string' && /^\d{9,13}(\.\d+)?$/.test(value.trim()))) {
    const number = Number(value);
    if (!Number.isFinite(number) || number <= 0) return null;
    return new Date(number >= MS_THRESHOLD ? number : Math.round(number * 1000)).toISOString();
  }
  return isoInstant(value, { assumeUtc: true });
}

/** The changed-since query value. "date" is the UTC day (the API then returns the whole day; Kontor filters). */
export function formatSince(since: Date, format: SinceFormat): string {
  const iso = since.toISOString();
  switch (format) {
    case 'iso':
      return iso;
    case 'iso-seconds':
      return `${iso.slice(0, 19)}Z`;
    case 'sql':
      return iso.slice(0, 19).replace('T', ' ');
    case 'unix':
      return String(Math.floor(since.getTime() / 1000));
    case 'unix-ms':
      return String(since.getTime());
    case 'date':
      return iso.slice(0, 10);
  }
}
