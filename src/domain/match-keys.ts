/**
 * The normalised keys by which customers and partners are matched (docs/import-rules.md "Matching"): e-mail
 * trimmed and case-folded; tax id without spaces and punctuation, upper case, with its country prefix (the
 * address country's where the tax id has none); phone numbers in E.164 from the address country. Pure: the
 * storage keeps the keys of every partner beside it, so that the look-up is indexed.
 */

import type { CountryCode } from 'libphonenumber-js/min';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { isCountryCode } from './countries.ts';
import type { MatchRule } from './match-rules.ts';
import type { PartnerAddress } from './partner.ts';

export interface MatchKeys {
  taxId: string | null;
  email: string | null;
  phones: string[];
}

/** What the keys are made of: a customer as the channel delivers it, or a partner as stored. */
export interface MatchSource {
  email: string | null;
  taxId: string | null;
  phones: readonly string[];
  addresses: readonly Pick<PartnerAddress, 'country' | 'defaultBilling'>[];
}

export function normalEmail(email: string | null): string | null {
  const value = email?.trim().toLowerCase() ?? '';
  return value === '' ? null : value;
}

/** The VAT prefix of Greece is EL; its ISO code GR. Both name the same country. */
const PREFIX_ALIASES: Readonly<Record<string, string>> = { EL: 'GR' };

/**
 * The tax id without spaces and punctuation, upper case, with its country prefix: "de 123 456 789" -> DE123456789;
 * "123456789" with country AT -> AT123456789. Without a prefix and without a country: null (nothing to match).
 */
export function normalTaxId(taxId: string | null, country: string | null): string | null {
  const compact = (taxId ?? '').toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');
  if (compact === '') return null;
  const head = compact.slice(0, 2);
  const prefix = PREFIX_ALIASES[head] ?? head;
  if (/^[A-Z]{2}$/.test(head) && (isCountryCode(prefix) || head in PREFIX_ALIASES))
    return prefix + compact.slice(2);
  const home = countryCode(country);
  return home === null ? null : home + compact;
}

/**
 * A phone number in E.164 ("030 1234567" in DE -> +49301234567; "+49 (30) 123-4567" the same); null when it is
 * no possible number of the country (or, without a leading +, no country is known).
 */
export function normalPhone(phone: string | null, country: string | null): string | null {
  const text = phone?.trim() ?? '';
  if (text === '') return null;
  const home = countryCode(country);
  const parsed = home
    ? parsePhoneNumberFromString(text, home as CountryCode)
    : parsePhoneNumberFromString(text);
  if (!parsed?.isPossible()) return null;
  return parsed.number;
}

function countryCode(country: string | null): string | null {
  const code = country?.trim().toUpperCase() ?? '';
  const iso = PREFIX_ALIASES[code] ?? (code === 'UK' ? 'GB' : code);
  return isCountryCode(iso) ? iso : null;
}

/** The country that numbers and tax ids without a prefix belong to: the default billing address's, else the first. */
export function homeCountry(addresses: MatchSource['addresses']): string | null {
  const billing = addresses.find((address) => address.defaultBilling && address.country);
  return billing?.country ?? addresses.find((address) => address.country)?.country ?? null;
}

export function matchKeys(source: MatchSource): MatchKeys {
  const country = homeCountry(source.addresses);
  const phones = source.phones.flatMap((phone) => {
    const key = normalPhone(phone, country);
    return key === null ? [] : [key];
  });
  return {
    taxId: normalTaxId(source.taxId, country),
    email: normalEmail(source.email),
    phones: [...new Set(phones)],
  };
}

/** The keys of one rule (a partner may have several phone numbers). */
export function keysOfRule(keys: MatchKeys, rule: MatchRule): string[] {
  if (rule === 'tax-id') return keys.taxId === null ? [] : [keys.taxId];
  if (rule === 'email') return keys.email === null ? [] : [keys.email];
  return keys.phones;
}
