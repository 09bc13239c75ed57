/**
 * Magento's date-time format: the database's DATETIME/TIMESTAMP text "YYYY-MM-DD HH:MM:SS", in UTC,
 * without a zone. created_at / updated_at of customers are rendered like that, and filters on them take
 * the same format.
 */
import { parseSqlDateTime } from '../date-times.ts';

/** "2024-05-17 08:03:11" -> "2024-05-17T08:03:11.000Z"; null if the text is not a real date-time. */
export function magentoDateToIso(text: string): string | null {
  const time = parseSqlDateTime(text);
  return time === null ? null : new Date(time).toISOString();
}

/** A Date as Magento writes it: UTC, seconds precision (milliseconds are cut, not rounded). */
export function toMagentoDate(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

const DATE_TIME_TEXT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/**
 * How the shop orders updated_at texts, for the keyset cursor: the digits of "YYYY-MM-DD HH:MM:SS" as one
 * number (fixed width, so the order of the text), which puts a zero date "0000-00-00 00:00:00" first as
 * the shop's sort does; NaN for any other text (then the id decides).
 */
export function magentoTimeOrder(text: string): number {
  return DATE_TIME_TEXT.test(text) ? Number(text.replace(/\D/g, '')) : Number.NaN;
}
