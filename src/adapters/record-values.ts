/**
 * Small readers for raw channel records that every mapping needs: trimmed text, distinct phone numbers,
 * e-mail and strict ISO 8601 instants. Magento's mapping has its own copies from before these existed.
 */

/** Trimmed text of a string or number; empty or anything else -> null. */
export function text(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const trimmed = String(value).trim();
  return trimmed === '' ? null : trimmed;
}

/** Distinct phone numbers in order; "+49 30 1234" and "+49301234" are the same number (the first spelling wins). */
export function distinctPhones(values: Iterable<unknown>): string[] {
  const seen = new Set<string>();
  const phones: string[] = [];
  for (const value of values) {
    const phone = text(value);
    if (phone === null) continue;
    const key = phone.replace(/[\s().\-/]/g, '');
    if (seen.has(key)) continue;
    seen.add(key);
    phones.push(phone);
  }
  return phones;
}

/** Distinct texts in order (exact comparison after trimming). */
export function distinctTexts(values: Iterable<unknown>): string[] {
  const result: string[] = [];
  for (const value of values) {
    const item = text(value);
    if (item !== null && !result.includes(item)) result.push(item);
  }
  return result;
}

const EMAIL =
  /^(?!\.)(?!.*\.\.)[\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-]+(?<!\.)@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)+$/u;

export function isEmail(value: string): boolean {
  return EMAIL.test(value);
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
  const match = ISO_INSTANT.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s = '0', fraction = '0', zone] = match as unknown as string[];
  if (zone === undefined && !options.assumeUtc) return null;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const local = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (
    year < 1970 ||
    local.getUTCMonth() !== month - 1 ||
    local.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return null;
  }
  const ms = Number(`0.${fraction}`) * 1000;
  return new Date(local.getTime() + Math.floor(ms) - offsetMs(zone)).toISOString();
}

function offsetMs(zone: string | undefined): number {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(zone) as RegExpExecArray;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return (match[1] === '-' ? -1 : 1) * minutes * 60_000;
}
