/**
 * The webshop's times: ISO 8601 in the shop's zone (Europe/Warsaw) with offset and milliseconds, e.g.
 * "2025-03-02T14:05:09.120+01:00". A value without an offset ("0001-01-01T00:00:00", .NET's empty date)
 * is not a point in time for the adapter; the webshop itself compares it as UTC.
 */

const ZONE = 'Europe/Warsaw';
const parts = new Intl.DateTimeFormat('en-US', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The offset of Europe/Warsaw from UTC at `ms`, in minutes (60 in winter, 120 in summer). */
function offsetMinutes(ms: number): number {
  const field = (type: string): number =>
    Number(parts.formatToParts(new Date(ms)).find((part) => part.type === type)?.value);
  const local = Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  );
  return Math.round((local - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** Renders an instant as the webshop writes it: local time in Europe/Warsaw with offset and milliseconds. */
export function toWebshopTime(date: Date): string {
  const ms = date.getTime();
  const offset = offsetMinutes(ms);
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, -1);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$/;

/** The instant of a webshop time as ISO 8601 UTC; null unless it is a date-time with an offset. */
export function webshopTimeToIso(value: unknown): string | null {
  if (typeof value !== 'string' || !WITH_OFFSET.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** How the webshop orders times: with an offset as given, without one as UTC; NaN if unreadable. */
export function webshopTimeOrder(value: string): number {
  const withZone = /(Z|[+-]\d{2}:\d{2})$/.test(value) ? value : `${value}Z`;
  return Date.parse(withZone);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
