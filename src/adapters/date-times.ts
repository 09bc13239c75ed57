/**
 * Date-time texts and time zones as shops write them: SQL's "YYYY-MM-DD HH:MM:SS" (no zone; Magento in UTC,
 * OXID in the shop's zone) and wall-clock times in IANA zones, computed with Intl (no time zone data of our own).
 */
const SQL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/**
 * The wall-clock time of "YYYY-MM-DD HH:MM:SS" as ms since the epoch, read as if it were UTC; null when the
 * text is not a real date-time: MySQL's zero date "0000-00-00 00:00:00", "2024-02-30 ...", years before 1970.
 */
export function parseSqlDateTime(text: string): number | null {
  const match = SQL_DATE_TIME.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const time = Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(time);
  if (year < 1970 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return time;
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
