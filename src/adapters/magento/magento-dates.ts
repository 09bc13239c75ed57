/**
 * Magento's date-time format: the database's DATETIME/TIMESTAMP text "YYYY-MM-DD HH:MM:SS", in UTC,
 * without a zone. created_at / updated_at of customers are rendered like that, and filters on them take
 * the same format.
 */
const MAGENTO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** "2024-05-17 08:03:11" -> "2024-05-17T08:03:11.000Z"; null if the text is not a real date-time. */
export function magentoDateToIso(text: string): string | null {
  const match = MAGENTO_DATE_TIME.exec(text.trim());
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
  // Rejects 0000-00-00 00:00:00 (MySQL's zero date), 2024-02-30 and the like.
  if (
    year < 1970 ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59
  ) {
    return null;
  }
  if (second > 59) return null;
  return date.toISOString();
}

/** A Date as Magento writes it: UTC, seconds precision (milliseconds are cut, not rounded). */
export function toMagentoDate(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}
