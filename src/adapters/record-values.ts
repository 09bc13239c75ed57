/**
 * Small readers for raw channel records that every mapping needs: trimmed text, records and lists that a
 * server may send as null, distinct phone numbers and texts, e-mail, a country code as the adapter contract
 * wants it, contact persons. Date-times (ISO 8601 instants among them) are in date-times.ts.
 */
import type { ChannelContact } from '../domain/channel-customer.ts';

/** Trimmed text of a string or number; empty, missing or anything else -> null. */
export function text(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const trimmed = String(value).trim();
  return trimmed === '' ? null : trimmed;
}

/** True for what `text` reads without losing a value (text, a number) or nothing; false for objects, lists, booleans. */
export function isTextOrNothing(value: unknown): boolean {
  return value === null || value === undefined || typeof value === 'string' || typeof value === 'number';
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

/** The first and last name of a record that names them firstName and lastName, as trimmed text or null. */
export function personNames(record: { firstName?: unknown; lastName?: unknown }): {
  firstName: string | null;
  lastName: string | null;
} {
  return { firstName: text(record.firstName), lastName: text(record.lastName) };
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
