/**
 * Generates a realistic, deterministic Shopware 6 shop from the shared sample people: registered customers
 * (private and business accounts with company and VAT ids), guest accounts from guest orders (the same
 * person ordering twice as a guest has two guest accounts with one e-mail), at least one address per
 * customer (Shopware requires a default billing and shipping address), phone numbers on some addresses,
 * country states, two storefronts, updatedAt null for customers never changed, a bulk update that gave
 * many customers the same updatedAt, a migration that gave many customers the same createdAt, and a share
 * of deliberately broken records. The same options always give the same shop.
 */

import { toRenderedDate } from '../../adapters/shopware/shopware-dates.ts';
import type { ShopwareAddress, ShopwareCustomer } from '../../adapters/shopware/shopware-types.ts';
import { generatePeople, type SamplePerson } from '../sample-data/people.ts';
import { Prng } from '../sample-data/prng.ts';
import {
  COUNTRY_BY_ISO,
  CUSTOM_COUNTRIES,
  CUSTOMER_GROUPS,
  countryState,
  LANGUAGE_ID,
  PAYMENT_METHOD_ID,
  SALES_CHANNELS,
  SALUTATIONS,
} from './simulator-catalog.ts';

export interface SeedOptions {
  customers: number;
  seed: number;
  /** Share (0..1) of deliberately broken customers. */
  brokenShare: number;
  /** No generated instant is later than this. */
  until: Date;
}

export type BrokenKind = 'email' | 'country';

export interface SeededShop {
  customers: ShopwareCustomer[];
  broken: Map<string, BrokenKind>;
}

export const DEFAULT_SEED_UNTIL = new Date('2025-06-30T12:00:00Z');
/** A mass update (a plugin's migration touched every affected customer in one statement). */
export const BULK_UPDATE = new Date('2023-11-05T03:00:00.000Z');
/** The shop moved from Shopware 5: migrated customers got the migration's time as createdAt. */
export const MIGRATION = new Date('2019-03-01T00:00:00.000Z');

/** A random version 4 UUID as Shopware writes ids: 32 lower-case hex digits. */
export function uuidHex(rng: Prng): string {
  const hex = Array.from({ length: 32 }, () => rng.int(0, 15).toString(16));
  hex[12] = '4';
  hex[16] = (8 + rng.int(0, 3)).toString(16);
  return hex.join('');
}

export function generateShop(options: SeedOptions): SeededShop {
  const rng = new Prng(options.seed ^ 0x5b0a7e);
  const people = generatePeople({ count: options.customers, seed: options.seed, until: options.until });
  const guests: ShopwareCustomer[] = [];
  const customers = people.map((person) => {
    const customer = customerOf(rng, person);
    if (customer.guest) {
      const earlier = guests.length > 0 && rng.chance(0.3) ? rng.pick(guests) : undefined;
      if (earlier) {
        // The same person ordered again as a guest: a second guest account with the same e-mail.
        customer.email = earlier.email;
        customer.firstName = earlier.firstName;
        customer.lastName = earlier.lastName;
      }
      guests.push(customer);
    }
    return customer;
  });
  return { customers, broken: breakSome(rng, customers, options.brokenShare) };
}

function customerOf(rng: Prng, person: SamplePerson): ShopwareCustomer {
  const id = uuidHex(rng);
  const guest = person.company === null && rng.chance(0.12);
  let created = person.createdAt.getTime() + rng.int(0, 999);
  let updated: number | null =
    person.updatedAt.getTime() === person.createdAt.getTime()
      ? null
      : person.updatedAt.getTime() + rng.int(0, 999);
  if (created < MIGRATION.getTime() && rng.chance(0.3)) {
    created = MIGRATION.getTime();
    if (updated !== null && updated <= created) updated = null;
  }
  if (updated !== null && created < BULK_UPDATE.getTime() && rng.chance(0.1)) updated = BULK_UPDATE.getTime();
  const createdAt = toRenderedDate(new Date(created));
  const addresses = addressesOf(rng, person, id, createdAt, guest);
  const billing = addresses[person.defaultBilling ?? 0] ?? (addresses[0] as ShopwareAddress);
  const shipping = addresses[person.defaultShipping ?? 0] ?? billing;
  const business = person.company !== null;
  const salutation = rng.chance(0.1)
    ? SALUTATIONS.not_specified
    : person.female
      ? SALUTATIONS.mrs
      : SALUTATIONS.mr;
  return {
    id,
    groupId: business ? CUSTOMER_GROUPS.business.id : CUSTOMER_GROUPS.standard.id,
    defaultPaymentMethodId: PAYMENT_METHOD_ID,
    salesChannelId: rng.chance(0.15) ? SALES_CHANNELS.storefrontCh : SALES_CHANNELS.storefront,
    languageId: LANGUAGE_ID,
    lastPaymentMethodId: null,
    defaultBillingAddressId: billing.id,
    defaultShippingAddressId: shipping.id,
    customerNumber: String(10000 + person.index - 1),
    salutationId: salutation.id,
    firstName: person.firstName,
    lastName: person.lastName,
    company: business ? person.company : null,
    email: person.email,
    title: rng.chance(0.05) ? 'Dr.' : null,
    vatIds: business && person.vatId && rng.chance(0.8) ? [person.vatId] : null,
    affiliateCode: null,
    campaignCode: null,
    active: true,
    doubleOptInRegistration: false,
    doubleOptInEmailSentDate: null,
    doubleOptInConfirmDate: null,
    hash: null,
    guest,
    firstLogin: guest ? null : createdAt,
    lastLogin: guest || updated === null ? null : toRenderedDate(new Date(updated)),
    accountType: business ? 'business' : 'private',
    birthday: person.birthDate,
    lastOrderDate: null,
    orderCount: guest ? 1 : rng.int(0, 12),
    orderTotalAmount: 0,
    reviewCount: 0,
    customFields: null,
    tagIds: null,
    requestedGroupId: null,
    boundSalesChannelId: null,
    createdById: null,
    updatedById: null,
    createdAt,
    updatedAt: updated === null ? null : toRenderedDate(new Date(updated)),
    addresses,
    apiAlias: 'customer',
  };
}

function addressesOf(
  rng: Prng,
  person: SamplePerson,
  customerId: string,
  createdAt: string,
  guest: boolean,
): ShopwareAddress[] {
  const samples = guest ? person.addresses.slice(0, 1) : person.addresses;
  const addresses = samples.map((sample) => {
    const country = COUNTRY_BY_ISO.get(sample.country);
    const state = sample.region ? countryState(sample.country, sample.region.code, sample.region.name) : null;
    return address(rng, customerId, createdAt, {
      countryId: country?.id ?? (COUNTRY_BY_ISO.get('DE')?.id as string),
      countryStateId: state?.id ?? null,
      firstName: sample.firstName,
      lastName: sample.lastName,
      company: sample.company,
      street: sample.street[0] as string,
      additionalAddressLine1: sample.street[1] ?? null,
      zipcode: sample.postalCode,
      city: sample.city,
      phoneNumber: rng.chance(0.7) ? sample.phone : null,
    });
  });
  if (addresses.length > 0) return addresses;
  // Registration requires a billing address: people without one give the first city of their country.
  const city = person.locale.cities[0];
  return [
    address(rng, customerId, createdAt, {
      countryId: COUNTRY_BY_ISO.get(person.locale.country)?.id as string,
      countryStateId: null,
      firstName: person.firstName,
      lastName: person.lastName,
      company: person.company,
      street: `${person.locale.streets[0]} 1`,
      additionalAddressLine1: null,
      zipcode: city?.postcodes[0] ?? null,
      city: city?.city ?? 'Berlin',
      phoneNumber: rng.chance(0.5) ? person.phone : null,
    }),
  ];
}

function address(
  rng: Prng,
  customerId: string,
  createdAt: string,
  fields: Pick<
    ShopwareAddress,
    | 'countryId'
    | 'countryStateId'
    | 'firstName'
    | 'lastName'
    | 'company'
    | 'street'
    | 'additionalAddressLine1'
    | 'zipcode'
    | 'city'
    | 'phoneNumber'
  >,
): ShopwareAddress {
  return {
    id: uuidHex(rng),
    customerId,
    salutationId: null,
    department: null,
    title: null,
    additionalAddressLine2: null,
    customFields: null,
    createdAt,
    updatedAt: null,
    ...fields,
    apiAlias: 'customer_address',
  };
}

/** Breaks round(share * count) customers: an e-mail Shopware would refuse, or a custom country. */
function breakSome(rng: Prng, customers: ShopwareCustomer[], share: number): Map<string, BrokenKind> {
  const broken = new Map<string, BrokenKind>();
  const count = Math.min(customers.length, Math.round(customers.length * Math.max(0, share)));
  while (broken.size < count) {
    const customer = rng.pick(customers);
    if (broken.has(customer.id) || customer.guest) continue;
    const kind = rng.weighted<BrokenKind>([
      ['email', 50],
      ['country', 50],
    ]);
    broken.set(customer.id, kind);
    if (kind === 'email') {
      const [local, domain] = customer.email.split('@') as [string, string];
      customer.email = rng.pick([`${local}(at)${domain}`, `${local}@`, `${local} @${domain}`]);
    } else {
      const target = customer.addresses?.[0] as ShopwareAddress;
      target.countryId = rng.pick(CUSTOM_COUNTRIES).id;
      target.countryStateId = null;
    }
  }
  return broken;
}
