/**
 * Generates a deterministic Retail POS head office for the simulator from the shared sample people: stores
 * in the customers' countries, customers as stores register them (an e-mail only for some, phones often
 * typed without the country code, an address for some, company customers with a tax id for invoices),
 * EAN-13 loyalty cards (some replaced or blocked), a few blocked (inactive) customers, tombstones of
 * customers deleted or anonymized before, and deliberately broken records (an e-mail mistyped at the till,
 * a country as ISO alpha-3 or a car sign). The same options always give the same head office.
 */

import { localIsoWithOffset } from '../../adapters/date-times.ts';
import type {
  PosCustomer,
  PosDeletedCustomer,
  PosLoyaltyCard,
  PosStore,
} from '../../adapters/retail-pos/pos-types.ts';
import { SAMPLE_LOCALES } from '../sample-data/locales.ts';
import { generatePeople, type SamplePerson } from '../sample-data/people.ts';
import { Prng } from '../sample-data/prng.ts';

export type BrokenKind = 'email' | 'country';

export interface PosSeedOptions {
  customers: number;
  seed: number;
  brokenShare: number;
  until: Date;
}

export interface StoredPosCustomer {
  customer: Omit<PosCustomer, 'modifiedAt'>;
  /** modifiedAt, ms since the epoch (the head office keeps milliseconds). */
  modified: number;
}

export interface SeededHeadOffice {
  stores: PosStore[];
  customers: StoredPosCustomer[];
  deleted: PosDeletedCustomer[];
  broken: Map<string, BrokenKind>;
}

export const STORE_TIME_ZONES: Readonly<Record<string, string>> = {
  DE: 'Europe/Berlin',
  AT: 'Europe/Vienna',
  CH: 'Europe/Zurich',
  PL: 'Europe/Warsaw',
  CZ: 'Europe/Prague',
  NL: 'Europe/Amsterdam',
  BE: 'Europe/Brussels',
  FR: 'Europe/Paris',
  GB: 'Europe/London',
  US: 'America/New_York',
  ES: 'Europe/Madrid',
  IT: 'Europe/Rome',
  TR: 'Europe/Istanbul',
  SE: 'Europe/Stockholm',
  DK: 'Europe/Copenhagen',
  NO: 'Europe/Oslo',
  FI: 'Europe/Helsinki',
};

const FIRST_ID = 100_000;

export function generateHeadOffice(options: PosSeedOptions): SeededHeadOffice {
  const rng = new Prng(options.seed ^ 0x9e05);
  const stores = storesOf();
  const people = generatePeople({
    count: options.customers,
    seed: options.seed,
    companyShare: 0.1,
    until: options.until,
  });
  const customers = people.map((person) => customerOf(rng, person, stores, options.until.getTime()));
  const deleted: PosDeletedCustomer[] = [];
  for (let n = 0; n < Math.max(1, Math.round(options.customers / 40)); n++) {
    deleted.push({
      customerId: String(FIRST_ID + options.customers + n + 1),
      deletedAt: new Date(
        randomMs(rng, Date.parse('2022-01-01T00:00:00Z'), options.until.getTime()),
      ).toISOString(),
      reason: rng.chance(0.6) ? 'anonymized' : 'deleted',
    });
  }
  const broken = breakSome(rng, customers, options.brokenShare);
  return { stores, customers, deleted, broken };
}

/** Two stores per sample country, named after their cities. */
function storesOf(): PosStore[] {
  return SAMPLE_LOCALES.flatMap((locale) =>
    locale.cities.slice(0, 2).map((city, n) => ({
      storeId: `${locale.country}-${asciiCode(city.city)}-${String(n + 1).padStart(2, '0')}`,
      name: `Kontor Retail ${city.city}`,
      city: city.city,
      countryCode: locale.country,
      timeZone: STORE_TIME_ZONES[locale.country] ?? 'UTC',
    })),
  );
}

function customerOf(rng: Prng, person: SamplePerson, stores: PosStore[], until: number): StoredPosCustomer {
  const local = stores.filter((store) => store.countryCode === person.locale.country);
  const store = rng.pick(local.length > 0 ? local : stores);
  const billing = person.defaultBilling === null ? undefined : person.addresses[person.defaultBilling];
  const created = person.createdAt.getTime();
  const modified = Math.min(until, person.updatedAt.getTime() + rng.int(0, 999));
  const company = person.company !== null;
  return {
    customer: {
      customerId: String(FIRST_ID + person.index),
      status: rng.chance(0.05) ? 'inactive' : 'active',
      type: company ? 'company' : 'person',
      firstName: person.firstName,
      lastName: person.lastName,
      companyName: person.company,
      taxId: person.vatId,
      email: company || rng.chance(0.7) ? person.email : null,
      // Tills often take the number as the customer says it: without the country code.
      phone: rng.chance(0.3) ? person.phone.replace(/^\+\d{1,3}\s+/, '') : person.phone,
      mobilePhone: person.mobile,
      address:
        billing && (company || rng.chance(0.85))
          ? {
              street: billing.street.join(', '),
              postalCode: billing.postalCode,
              city: billing.city,
              countryCode: billing.country,
            }
          : null,
      loyaltyCards: cardsOf(rng, person.index, store.storeId, created, until, store.timeZone),
      registeredIn: { storeId: store.storeId, storeName: store.name },
      marketingConsent: rng.chance(0.45),
      createdAt: localIsoWithOffset(created, store.timeZone),
    },
    modified,
  };
}

function cardsOf(
  rng: Prng,
  index: number,
  storeId: string,
  created: number,
  until: number,
  timeZone: string,
): PosLoyaltyCard[] {
  const first: PosLoyaltyCard = {
    cardNumber: ean13(`29${String(index).padStart(10, '0')}`),
    status: rng.chance(0.03) ? 'blocked' : 'active',
    issuedAt: localIsoWithOffset(created, timeZone),
    storeId,
  };
  if (!rng.chance(0.15)) return [first];
  // A lost card was replaced: the old number stays on record.
  return [
    { ...first, status: 'replaced' },
    {
      cardNumber: ean13(`29${String(index + 500_000).padStart(10, '0')}`),
      status: 'active',
      issuedAt: localIsoWithOffset(randomMs(rng, created, until), timeZone),
      storeId,
    },
  ];
}

function breakSome(rng: Prng, customers: StoredPosCustomer[], share: number): Map<string, BrokenKind> {
  const broken = new Map<string, BrokenKind>();
  const count = Math.min(customers.length, Math.round(customers.length * Math.max(0, share)));
  while (broken.size < count) {
    const { customer } = rng.pick(customers);
    if (broken.has(customer.customerId)) continue;
    const kind: BrokenKind = rng.chance(0.6) ? 'email' : 'country';
    broken.set(customer.customerId, kind);
    if (kind === 'email') {
      const email = customer.email ?? `${customer.lastName?.toLowerCase() ?? 'kunde'}@gmail.com`;
      const [local, domain] = email.split('@') as [string, string];
      customer.email = rng.pick([
        `${local}@${domain.split('.')[0]}`,
        `${local}.${domain}`,
        `${local}@@${domain}`,
      ]);
    } else {
      const alpha3: Record<string, string> = { PL: 'POL', DE: 'DEU', CZ: 'CZE' };
      const address = customer.address ?? {
        street: 'Rynek 1',
        postalCode: '00-001',
        city: 'Warszawa',
        countryCode: 'PL',
      };
      customer.address = { ...address, countryCode: alpha3[address.countryCode ?? ''] ?? 'D' };
    }
  }
  return broken;
}

/** The 12 digits with the EAN-13 check digit. */
export function ean13(digits: string): string {
  const sum = [...digits].reduce(
    (total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 1 : 3),
    0,
  );
  return `${digits}${(10 - (sum % 10)) % 10}`;
}

function asciiCode(city: string): string {
  return city
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]/g, '')
    .slice(0, 3)
    .toUpperCase();
}

function randomMs(rng: Prng, from: number, to: number): number {
  return from + Math.floor(rng.next() * Math.max(0, to - from));
}
