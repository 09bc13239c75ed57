/**
 * Who generated customer `index` is: locale, gender, names, company and e-mail, from a generator of its own
 * (kit/record-seed.ts), so that the seed can compute every customer's e-mail in one quick pass (to make them
 * unique and index them) and the full customer later, on demand. E-mails are ASCII-folded names at free-mail
 * domains of the country or the company's own domain; `suffix` > 1 is the number a shop appends when the
 * address is taken ("anna.kowalska2@wp.pl").
 */

import { recordSeed } from '../kit/record-seed.ts';
import { asciiFold } from '../sample-data/email.ts';
import type { SeedLocale } from '../sample-data/locale.ts';
import { SAMPLE_LOCALES } from '../sample-data/locales.ts';
import { companyName, surname } from '../sample-data/names.ts';
import { Prng } from '../sample-data/prng.ts';

export interface Identity {
  locale: SeedLocale;
  female: boolean;
  firstname: string;
  lastname: string;
  middlename?: string;
  /** A business customer (company name, VAT id, customer group 2). */
  b2b: boolean;
  company?: string;
  emailLocal: string;
  emailDomain: string;
}

export const IDENTITY_STREAM = 1;

const LOCALE_WEIGHTS = SAMPLE_LOCALES.map((locale) => [locale, locale.weight] as const);
const TOP_LEVEL_DOMAINS: Readonly<Record<string, string>> = { GB: 'co.uk', US: 'com' };
const folded = new Map<string, string>();

export function identityAt(seed: number, index: number): Identity {
  const rng = new Prng(recordSeed(seed, index, IDENTITY_STREAM));
  const locale = rng.weighted(LOCALE_WEIGHTS);
  const female = rng.chance(0.5);
  const firstname = rng.pick(female ? locale.female : locale.male);
  const lastname = surname(rng, locale, female);
  const middlename =
    locale.middleNames && rng.chance(locale.middleNames.share)
      ? rng.pick(locale.middleNames.names)
      : undefined;
  const b2b = rng.chance(0.25);
  const company = b2b ? companyName(rng, locale) : undefined;
  const f = fold(firstname);
  const l = fold(lastname);
  const tld = TOP_LEVEL_DOMAINS[locale.country] ?? locale.country.toLowerCase();
  const emailDomain =
    company && rng.chance(0.6) ? `${domainLabel(company)}.${tld}` : rng.pick(locale.emailDomains);
  const emailLocal = rng.pick([
    `${f}.${l}`,
    `${f.charAt(0)}${l}`,
    `${f}_${l}`,
    `${f}${rng.int(1, 99)}`,
    `${l}.${f}`,
  ]);
  return { locale, female, firstname, lastname, middlename, b2b, company, emailLocal, emailDomain };
}

/** The identity's e-mail with the shop's number for a taken address (suffix 0 or 1: none). */
export function emailOf(identity: Identity, suffix: number): string {
  return `${identity.emailLocal}${suffix > 1 ? suffix : ''}@${identity.emailDomain}`;
}

/** asciiFold, remembered: names repeat (a few thousand sample names for a million customers). */
function fold(name: string): string {
  let result = folded.get(name);
  if (result === undefined) {
    result = asciiFold(name);
    if (folded.size < 100_000) folded.set(name, result);
  }
  return result;
}

/** "Fernández S.L." -> "fernandez-s-l": a valid domain label. */
function domainLabel(company: string): string {
  const words = fold(company.replace(/[^\p{L}\p{N}]+/gu, '-')).replace(/[^a-z0-9]+/g, '-');
  return words.slice(0, 24).replace(/^-+|-+$/g, '') || 'company';
}
