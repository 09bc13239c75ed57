/**
 * Neutral sample customers for the simulators: international people with diacritics, real postcodes and
 * area codes, phones in international format, 0 to 3 addresses with separate default billing and
 * shipping, and a share of businesses with a company name, a VAT id valid in its country's format, a
 * website and employees. Each simulator turns these into its own system's format (field names, ids,
 * dates, quirks). The same options always give the same people.
 */
import { uniqueEmail } from './email.ts';
import type { SeedCity, SeedLocale, SeedRegion } from './locale.ts';
import { DEFAULT_SEED_UNTIL, SAMPLE_LOCALES } from './locales.ts';
import { companyName, fillPattern, randomTime, streetLine, surname } from './names.ts';
import { Prng } from './prng.ts';

export interface SampleAddress {
  firstName: string;
  lastName: string;
  company: string | null;
  /** One or two street lines ("Hauptstraße 12", "3. OG"). */
  street: string[];
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  region: SeedRegion | null;
  phone: string;
}

export interface SampleEmployee {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  /** Job title, e.g. "Purchasing Manager". */
  function: string;
}

export interface SamplePerson {
  /** 1-based position in the generated list (simulators derive their ids from it). */
  index: number;
  locale: SeedLocale;
  female: boolean;
  firstName: string;
  lastName: string;
  middleName: string | null;
  email: string;
  /** The main phone (landline with area code or mobile), international format. */
  phone: string;
  /** A second number (mobile) for some people. */
  mobile: string | null;
  company: string | null;
  /** VAT id in the country's format (businesses only). */
  vatId: string | null;
  /** The company's website (some businesses). */
  website: string | null;
  /** Employees / contact persons of the company (businesses only, may be empty). */
  employees: SampleEmployee[];
  /** 0 to 3 addresses; `defaultBilling` and `defaultShipping` index into it (null without addresses). */
  addresses: SampleAddress[];
  defaultBilling: number | null;
  defaultShipping: number | null;
  /** "YYYY-MM-DD" for some people. */
  birthDate: string | null;
  createdAt: Date;
  /** Never earlier than createdAt, never later than `until`. */
  updatedAt: Date;
}

export interface SamplePeopleOptions {
  count: number;
  seed: number;
  /** Share (0..1) of businesses. Default 0.25; 1 for B2B-only systems. */
  companyShare?: number;
  /** No generated instant is later than this. Default 2025-06-30T12:00:00Z. */
  until?: Date;
  /** The earliest creation time. Default 2016-01-01. */
  from?: Date;
}

export const JOB_TITLES: readonly string[] = [
  'Einkauf',
  'Purchasing Manager',
  'Office Manager',
  'Geschäftsführer',
  'Buyer',
  'Responsable achats',
  'Kierownik zakupów',
  'Controller',
];

export function generatePeople(options: SamplePeopleOptions): SamplePerson[] {
  const rng = new Prng(options.seed);
  const emails = new Set<string>();
  const until = (options.until ?? DEFAULT_SEED_UNTIL).getTime();
  const from = (options.from ?? new Date('2016-01-01T00:00:00Z')).getTime();
  const companyShare = options.companyShare ?? 0.25;
  const people: SamplePerson[] = [];
  for (let index = 1; index <= options.count; index++) {
    const locale = rng.weighted(SAMPLE_LOCALES.map((item) => [item, item.weight] as const));
    const female = rng.chance(0.5);
    const firstName = rng.pick(female ? locale.female : locale.male);
    const lastName = surname(rng, locale, female);
    const middleName =
      locale.middleNames && rng.chance(locale.middleNames.share) ? rng.pick(locale.middleNames.names) : null;
    const business = rng.chance(companyShare);
    const company = business ? companyName(rng, locale) : null;
    const vatId = business ? fillPattern(rng, locale.vat) : null;
    const homeCity = rng.pick(locale.cities);
    const phone = rng.digits(rng.chance(0.5) ? rng.pick(locale.mobile) : homeCity.phone);
    const mobile = rng.chance(0.25) ? rng.digits(rng.pick(locale.mobile)) : null;
    const email = uniqueEmail(rng, emails, firstName, lastName, company ?? undefined, locale);
    const created = randomTime(rng, from, until - 86_400_000);
    const updated = rng.chance(0.4) ? created : randomTime(rng, created, until);
    const addresses = sampleAddresses(rng, locale, homeCity, { firstName, lastName, company, phone });
    const defaultShipping = addresses.length === 0 ? null : addresses.length > 1 && rng.chance(0.7) ? 1 : 0;
    people.push({
      index,
      locale,
      female,
      firstName,
      lastName,
      middleName,
      email,
      phone,
      mobile,
      company,
      vatId,
      website: company && rng.chance(0.6) ? `https://www.${email.split('@')[1]}` : null,
      employees: company ? sampleEmployees(rng, locale, emails, company) : [],
      addresses,
      defaultBilling: addresses.length === 0 ? null : 0,
      defaultShipping,
      birthDate: rng.chance(0.35)
        ? `${rng.int(1950, 2004)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`
        : null,
      createdAt: new Date(created),
      updatedAt: new Date(updated),
    });
  }
  return people;
}

/** A person's addresses: none to three, the first in the home city, now and then one abroad or for someone else. */
export function sampleAddresses(
  rng: Prng,
  locale: SeedLocale,
  homeCity: SeedCity,
  owner: { firstName: string; lastName: string; company: string | null; phone: string },
): SampleAddress[] {
  const count = rng.weighted([
    [0, 10],
    [1, 58],
    [2, 24],
    [3, 8],
  ] as const);
  const addresses: SampleAddress[] = [];
  for (let n = 0; n < count; n++) {
    const where = n > 0 && rng.chance(0.1) ? rng.pick(SAMPLE_LOCALES) : locale;
    const city = n === 0 ? homeCity : rng.pick(where.cities);
    const recipient =
      n > 0 && rng.chance(0.15) ? rng.pick(rng.chance(0.5) ? where.female : where.male) : owner.firstName;
    const street = [streetLine(rng, where)];
    if (rng.chance(0.2)) street.push(rng.pick(where.secondLines));
    addresses.push({
      firstName: recipient,
      lastName: owner.lastName,
      company: n === 0 || rng.chance(0.5) ? owner.company : null,
      street,
      postalCode: rng.pick(city.postcodes),
      city: city.city,
      country: where.country,
      region: city.region ?? null,
      phone: n > 0 && rng.chance(0.3) ? rng.digits(rng.pick(where.mobile)) : owner.phone,
    });
  }
  return addresses;
}

function sampleEmployees(
  rng: Prng,
  locale: SeedLocale,
  emails: Set<string>,
  company: string,
): SampleEmployee[] {
  const count = rng.weighted([
    [0, 30],
    [1, 40],
    [2, 20],
    [3, 10],
  ] as const);
  const employees: SampleEmployee[] = [];
  for (let n = 0; n < count; n++) {
    const female = rng.chance(0.5);
    const firstName = rng.pick(female ? locale.female : locale.male);
    const lastName = surname(rng, locale, female);
    employees.push({
      firstName,
      lastName,
      email: uniqueEmail(rng, emails, firstName, lastName, company, locale),
      phone: rng.digits(rng.pick(locale.mobile)),
      function: rng.pick(JOB_TITLES),
    });
  }
  return employees;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
