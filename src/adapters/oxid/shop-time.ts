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
import { parseSqlDateTime, wallClock } from '../date-times.ts';

export { isTimeZone } from '../date-times.ts';

const DAY_MS = 86_400_000;

/** The zone's offset from UTC at an instant, in ms (Berlin in summer: +7,200,000). */
function offsetMs(utcMs: number, timeZone: string): number {
  const whole = Math.floor(utcMs / 1000) * 1000;
  return wallClock(whole, timeZone).ms - whole;
}

/**
 * "2025-06-01 10:15:30" in `timeZone` -> "2025-06-01T08:15:30.000Z"; null when the text is not a real
 * date-time (MySQL's zero date "0000-00-00 00:00:00", "2024-02-30 ...").
 */
export function shopTimeToIso(value: string, timeZone: string): string | null {
  const wall = parseSqlDateTime(value);
  if (wall === null) return null;
  // The offset a day before and a day after cover every transition near this wall-clock time.
  const candidates = [offsetMs(wall - DAY_MS, timeZone), offsetMs(wall + DAY_MS, timeZone)]
    .map((offset) => wall - offset)
    .filter((utc) => wallClock(utc, timeZone).ms === wall);
  const utc = candidates.length > 0 ? Math.min(...candidates) : wall - offsetMs(wall - DAY_MS, timeZone);
  return new Date(utc).toISOString();
}

/** An instant as the shop writes it: "YYYY-MM-DD HH:MM:SS" in `timeZone` (milliseconds are cut). */
export function toShopTime(date: Date, timeZone: string): string {
  return new Date(wallClock(date.getTime(), timeZone).ms).toISOString().slice(0, 19).replace('T', ' ');
}
