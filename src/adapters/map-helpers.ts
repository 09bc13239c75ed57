/**
 * Small pieces every adapter's mapping (raw record -> ChannelCustomer) uses: trimmed texts, the e-mail
 * check, distinct phone numbers and the shape of a mapping result with its rejection.
 */
import type { ChannelCustomer, RejectedRecord } from '../domain/channel-customer.ts';

export type MapResult = { ok: true; customer: ChannelCustomer } | { ok: false; rejected: RejectedRecord };

const EMAIL =
  /^(?!\.)(?!.*\.\.)[\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-]+(?<!\.)@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)+$/u;

/** Whether `text` is an e-mail address (local part, @, a domain with at least one dot; Unicode letters allowed). */
export function isEmailAddress(text: string): boolean {
  return EMAIL.test(text);
}

/** Trimmed text; empty or missing -> null. Numbers become their text. */
export function text(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const trimmed = String(value).trim();
  return trimmed === '' ? null : trimmed;
}

/** Distinct phone numbers in order; "+49 30 1234" and "+49301234" are the same number (the first spelling wins). */
export function distinctPhones(values: ReadonlyArray<string | null | undefined>): string[] {
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

export function reject(
  externalId: string | null,
  code: string,
  message: string,
  updatedAt: string | null,
): MapResult {
  return { ok: false, rejected: { externalId, code, message, updatedAt } };
}
