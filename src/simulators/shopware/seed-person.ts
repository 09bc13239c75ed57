/**
 * One sample person for the Shopware seed, made from its own PRNG: what sample-data/people.ts makes for a
 * person (country, names, company and VAT id, phone, e-mail, 0 to 3 addresses with default billing and
 * shipping, birthday), from the same building blocks and locales, without what a Shopware customer has
 * no field for (employees, website, middle name) and without a shop-wide set of taken e-mails: the
 * customer's number in the e-mail makes it unique. Name foldings are remembered (the names are few).
 */
import { asciiFold } from '../sample-data/email.ts';
import type { SeedLocale } from '../sample-data/locale.ts';
import { SAMPLE_LOCALES } from '../sample-data/locales.ts';
import { companyName, fillPattern, surname } from '../sample-data/names.ts';
import { type SampleAddress, sampleAddresses } from '../sample-data/people.ts';
import type { Prng } from '../sample-data/prng.ts';

export interface ShopPerson {
  locale: SeedLocale;
  female: boolean;
  firstName: string;
  lastName: string;
  company: string | null;
  vatId: string | null;
  email: string;
  phone: string;
  addresses: SampleAddress[];
  defaultBilling: number | null;
  defaultShipping: number | null;
  birthDate: string | null;
}

const LOCALE_WEIGHTS = SAMPLE_LOCALES.map((locale) => [locale, locale.weight] as const);
const TOP_LEVEL_DOMAINS: Readonly<Record<string, string>> = { GB: 'co.uk', US: 'com' };
const folded = new Map<string, string>();

function fold(text: string): string {
  let value = folded.get(text);
  if (value === undefined) {
    value = asciiFold(text);
    if (folded.size < 100_000) folded.set(text, value);
  }
  return value;
}

/** Person number `number` (1-based), business or not. */
export function shopPerson(rng: Prng, number: number, business: boolean): ShopPerson {
  const locale = rng.weighted(LOCALE_WEIGHTS);
  const female = rng.chance(0.5);
  const firstName = rng.pick(female ? locale.female : locale.male);
  const lastName = surname(rng, locale, female);
  const company = business ? companyName(rng, locale) : null;
  const vatId = business ? fillPattern(rng, locale.vat) : null;
  const homeCity = rng.pick(locale.cities);
  const phone = rng.digits(rng.chance(0.5) ? rng.pick(locale.mobile) : homeCity.phone);
  const email = emailOf(rng, number, firstName, lastName, company, locale);
  const addresses = sampleAddresses(rng, locale, homeCity, { firstName, lastName, company, phone });
  const defaultShipping = addresses.length === 0 ? null : addresses.length > 1 && rng.chance(0.7) ? 1 : 0;
  return {
    locale,
    female,
    firstName,
    lastName,
    company,
    vatId,
    email,
    phone,
    addresses,
    defaultBilling: addresses.length === 0 ? null : 0,
    defaultShipping,
    birthDate: rng.chance(0.35)
      ? `${rng.int(1950, 2004)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`
      : null,
  };
}

/** "jan.kowalski.1234@wp.pl": the folded name as people write it, the number, a domain of the country. */
function emailOf(
  rng: Prng,
  number: number,
  first: string,
  last: string,
  company: string | null,
  locale: SeedLocale,
): string {
  const f = fold(first);
  const l = fold(last);
  const tld = TOP_LEVEL_DOMAINS[locale.country] ?? locale.country.toLowerCase();
  const domain =
    company && rng.chance(0.6)
      ? `${
          fold(company.replace(/[\s.,&']+/g, '-'))
            .slice(0, 24)
            .replace(/^-+|-+$/g, '') || 'company'
        }.${tld}`
      : rng.pick(locale.emailDomains);
  const patterns = [`${f}.${l}`, `${f.charAt(0)}${l}`, `${f}_${l}`, `${f}${rng.int(1, 99)}`, `${l}.${f}`];
  return `${rng.pick(patterns)}.${number}@${domain}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
