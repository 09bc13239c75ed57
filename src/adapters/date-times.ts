/**
 * Date-time texts and time zones as channels write them: SQL's "YYYY-MM-DD HH:MM:SS" (no zone; Magento in
 * UTC, OXID in the shop's zone), strict ISO 8601 instants, and wall-clock times in IANA zones, computed with
 * Intl (no time zone data of our own).
 */
const SQL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/**
 * The wall-clock time of "YYYY-MM-DD HH:MM:SS" as ms since the epoch, read as if it were UTC; null when the
 * text is not a real date-time: MySQL's zero date "0000-00-00 00:00:00", "2024-02-30 ...", years before 1970.
 */
export function parseSqlDateTime(text: string): number | null {
  const match = SQL_DATE_TIME.exec(text.trim());
  if (!match) return null;
  return utcOfFields(match.slice(1).map(Number) as DateTimeFields);
}

type DateTimeFields = [
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
];

/**
 * The wall-clock fields (month 1-12) as ms since the epoch, read as if they were UTC; null when they are no
 * real date-time (2024-02-30, 25:00, the zero date, years before 1970), where Date.UTC would roll them over.
 */
function utcOfFields([year, month, day, hour, minute, second]: DateTimeFields): number | null {
  const time = Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(time);
  if (year < 1970 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return time;
}

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A strict ISO 8601 date-time ("2025-06-01T08:03:11.123Z", "+02:00" offsets, "T" or a space; without a
 * zone: `assumeUtc` decides, else null) as ISO 8601 UTC with milliseconds. Impossible dates (2024-02-30,
 * 25:00, the zero date) give null, where Date.parse would roll them over.
 */
export function isoInstant(value: unknown, options: { assumeUtc?: boolean } = {}): string | null {
  if (typeof value !== 'string') return null;
  const canonical = canonicalUtc(value);
  if (canonical !== null) return canonical;
  const match = ISO_INSTANT.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s = '0', fraction = '0', zone] = match as unknown as string[];
  if (zone === undefined && !options.assumeUtc) return null;
  const local = utcOfFields([y, mo, d, h, mi, s].map(Number) as DateTimeFields);
  if (local === null) return null;
  const ms = Number(`0.${fraction}`) * 1000;
  return new Date(local + Math.floor(ms) - offsetMs(zone)).toISOString();
}

/** Already ISO 8601 UTC with milliseconds ("Z" or "+00:00"), as most shops send it. */
const UTC_MILLIS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}(?:Z|\+00:00)$/;

/**
 * The quick way for the usual text: the instant itself when `value` is a real UTC date-time with milliseconds
 * from 1970 on (Date.parse rolls impossible dates over, so the round trip tells them apart); else null, and
 * the full parse decides.
 */
function canonicalUtc(value: string): string | null {
  if (!UTC_MILLIS.test(value)) return null;
  const utc = value.length === 24 ? value : `${value.slice(0, 23)}Z`;
  const time = Date.parse(utc);
  return time >= 0 && new Date(time).toISOString() === utc ? utc : null;
}

function offsetMs(zone: string | undefined): number {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(zone) as RegExpExecArray;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return (match[1] === '-' ? -1 : 1) * minutes * 60_000;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether `timeZone` is an IANA time zone name this Node.js knows. */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '') return false;
  try {
    formatterOf(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  /** The wall-clock fields as if they were UTC (ms since the epoch, whole seconds). */
  ms: number;
  /** The zone's offset at that instant: "+02:00". */
  offset: string;
}

/** The wall-clock time of an instant in a zone. */
export function wallClock(utcMs: number, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const part of formatterOf(timeZone).formatToParts(new Date(utcMs))) parts[part.type] = part.value;
  const field = (name: string, fallback: number) => Number(parts[name] ?? fallback);
  return {
    ms: Date.UTC(
      field('year', 1970),
      field('month', 1) - 1,
      field('day', 1),
      field('hour', 0),
      field('minute', 0),
      field('second', 0),
    ),
    offset: (parts.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00',
  };
}

/** An instant as a till writes it: local wall-clock time with its offset, "2024-03-01T10:15:30+01:00". */
export function localIsoWithOffset(utcMs: number, timeZone: string): string {
  const { ms, offset } = wallClock(utcMs, timeZone);
  return `${new Date(ms).toISOString().slice(0, 19)}${offset}`;
}
