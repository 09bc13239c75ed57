/**
 * OXID's date-times: MySQL text "YYYY-MM-DD HH:MM:SS" without a zone, in the shop's time zone (an IANA
 * name the connector reports, e.g. "Europe/Berlin"). OXTIMESTAMP is rendered in the database session's
 * zone; OXCREATE / OXREGISTER are written by PHP in its default zone; the connector runs both in the shop's.
 *
 * Local -> UTC is not always unique: when the clocks go back (Europe: last Sunday of October, 03:00 -> 02:00)
 * 02:00-02:59 happens twice, and Kontor takes the EARLIER instant (a watermark from it reads a little
 * more, never less). When the clocks go forward, 02:00-02:59 does not exist; such a text (only from
 * imports) is read as if the clocks had not changed yet, i.e. moved forward by the gap.
 */
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const DAY_MS = 86_400_000;

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

/** The wall-clock fields of an instant in a zone, as if they were UTC (ms since the epoch). */
function wallClockMs(utcMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterOf(timeZone).formatToParts(new Date(utcMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** The zone's offset from UTC at an instant, in ms (Berlin in summer: +7,200,000). */
function offsetMs(utcMs: number, timeZone: string): number {
  return wallClockMs(Math.floor(utcMs / 1000) * 1000, timeZone) - Math.floor(utcMs / 1000) * 1000;
}

/**
 * "2025-06-01 10:15:30" in `timeZone` -> "2025-06-01T08:15:30.000Z"; null when the text is not a real
 * date-time (MySQL's zero date "0000-00-00 00:00:00", "2024-02-30 ...").
 */
export function shopTimeToIso(value: string, timeZone: string): string | null {
  const match = LOCAL_DATE_TIME.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
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
  // The offset a day before and a day after cover every transition near this wall-clock time.
  const candidates = [offsetMs(wall - DAY_MS, timeZone), offsetMs(wall + DAY_MS, timeZone)]
    .map((offset) => wall - offset)
    .filter((utc) => wallClockMs(utc, timeZone) === wall);
  const utc = candidates.length > 0 ? Math.min(...candidates) : wall - offsetMs(wall - DAY_MS, timeZone);
  return new Date(utc).toISOString();
}

/** An instant as the shop writes it: "YYYY-MM-DD HH:MM:SS" in `timeZone` (milliseconds are cut). */
export function toShopTime(date: Date, timeZone: string): string {
  return new Date(wallClockMs(date.getTime(), timeZone)).toISOString().slice(0, 19).replace('T', ' ');
}
