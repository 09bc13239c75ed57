/**
 * Small readers for raw channel records that every mapping needs: trimmed text, records and lists that a
 * server may send as null, distinct phone numbers and texts, e-mail, a country code as the adapter contract
 * wants it, contact persons, and strict ISO 8601 instants.
 */
import type { ChannelContact } from '../domain/channel-customer.ts';

/** Trimmed text of a string or number; empty, missing or anything else -> null. */
export function text(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const trimmed = String(value).trim();
  return trimmed === '' ? null : trimmed;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The items of a list; null or missing -> []; anything else -> null (not the expected shape). */
export function listOrNull(value: unknown): unknown[] | null {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value : null;
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

/**
 * The country as the contract wants it: the upper-case code when the value looks like a two-letter code,
 * else the trimmed value as it is (the import rules turn a value that is no ISO code into a warning).
 */
export function countryOf(value: unknown): string | null {
  const raw = text(value);
  if (raw === null) return null;
  return /^[A-Za-z]{2}$/.test(raw) ? raw.toUpperCase() : raw;
}

/** A person's name from its parts ("Anna Nowak"); null when both are empty. */
export function fullName(first: unknown, last: unknown): string | null {
  const name = [text(first), text(last)].filter((part) => part !== null).join(' ');
  return name === '' ? null : name;
}

/** A contact person: name "first last" (the e-mail if there is no name), position as function; none without either. */
export function contactOf(person: Record<string, unknown>): ChannelContact[] {
  const email = text(person.email);
  const name = fullName(person.firstName, person.lastName) ?? email;
  if (name === null) return [];
  return [{ name, function: text(person.position), email, phone: text(person.phone) }];
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
