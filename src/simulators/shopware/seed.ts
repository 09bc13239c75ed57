/**
 * Generates a realistic, deterministic Shopware 6 shop from the shared sample people, one customer at a
 * time from (seed, index) (seed-skeleton.ts decides ids, times and flags): registered customers (private
 * and business accounts with company and VAT ids), guest accounts from guest orders (the same person
 * ordering twice as a guest has two guest accounts with one e-mail), at least one address per customer
 * (Shopware requires a default billing and shipping address), phone numbers on some addresses, country
 * states, two storefronts, updatedAt null for customers never changed, a bulk update that gave many
 * customers the same updatedAt, a migration that gave many customers the same createdAt, and a share of
 * deliberately broken records. E-mails are unique by construction (the customer's number is part of
 * them). The same options always give the same shop.
 */

import { toRenderedDate } from '../../adapters/shopware/shopware-dates.ts';
import type { ShopwareAddress, ShopwareCustomer } from '../../adapters/shopware/shopware-types.ts';
import { Prng } from '../sample-data/prng.ts';
import { type ShopPerson, shopPerson } from './seed-person.ts';
import { type BrokenKind, hash32, ShopTimeline, type Skeleton } from './seed-skeleton.ts';
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

export { type BrokenKind, BULK_UPDATE, MIGRATION } from './seed-skeleton.ts';

export interface SeedOptions {
  customers: number;
  seed: number;
  /** Share (0..1) of deliberately broken customers. */
  brokenShare: number;
  /** No generated instant is later than this. */
  until: Date;
}

export interface SeededShop {
  customers: ShopwareCustomer[];
  broken: Map<string, BrokenKind>;
}

export const DEFAULT_SEED_UNTIL = new Date('2025-06-30T12:00:00Z');

/** A random version 4 UUID as Shopware writes ids: 32 lower-case hex digits. */
export function uuidHex(rng: Prng): string {
  const word = (max: number) => rng.int(0, max).toString(16);
  const a = word(0xffffffff).padStart(8, '0');
  const b = word(0xffff).padStart(4, '0');
  const c = (0x4000 | rng.int(0, 0xfff)).toString(16);
  const d = (0x8000 | rng.int(0, 0x3fff)).toString(16);
  return `${a}${b}${c}${d}${word(0xffffff).padStart(6, '0')}${word(0xffffff).padStart(6, '0')}`;
}

export function timelineOf(options: SeedOptions): ShopTimeline {
  return new ShopTimeline(options.customers, options.seed, options.brokenShare, options.until.getTime());
}

/** Every customer of the shop, made (for tests; the simulator makes them when they are read). */
export function generateShop(options: SeedOptions): SeededShop {
  const timeline = timelineOf(options);
  const customers: ShopwareCustomer[] = [];
  const broken = new Map<string, BrokenKind>();
  for (let index = 0; index < options.customers; index++) {
    const skeleton = timeline.skeleton(index);
    customers.push(customerAt(timeline, skeleton));
    if (skeleton.broken) broken.set(skeleton.id, skeleton.broken);
  }
  return { customers, broken };
}

/** Customer i of the shop (its skeleton given). */
export function customerAt(timeline: ShopTimeline, skeleton: Skeleton): ShopwareCustomer {
  const rng = new Prng(hash32(timeline.seed ^ 0x5b0a7e, skeleton.index));
  const person = shopPerson(rng, skeleton.index + 1, skeleton.business);
  const customer = customerOf(rng, skeleton, person);
  if (skeleton.guest && rng.chance(0.3)) {
    // The same person ordered again as a guest: a second guest account with the same e-mail.
    const earlier = skeleton.index - 1 - rng.int(0, 40);
    const other = earlier >= 0 ? timeline.skeleton(earlier) : null;
    if (other?.guest) {
      const first = customerAt(timeline, other);
      customer.email = first.email;
      customer.firstName = first.firstName;
      customer.lastName = first.lastName;
    }
  }
  if (skeleton.broken) breakCustomer(rng, customer, skeleton.broken);
  return customer;
}

function customerOf(rng: Prng, skeleton: Skeleton, person: ShopPerson): ShopwareCustomer {
  const { id, guest } = skeleton;
  const createdAt = toRenderedDate(new Date(skeleton.createdAt));
  const updated = skeleton.updatedAt;
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
    salesChannelId: skeleton.secondStorefront ? SALES_CHANNELS.storefrontCh : SALES_CHANNELS.storefront,
    languageId: LANGUAGE_ID,
    lastPaymentMethodId: null,
    defaultBillingAddressId: billing.id,
    defaultShippingAddressId: shipping.id,
    customerNumber: String(10000 + skeleton.index),
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
  person: ShopPerson,
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

/** Breaks a customer: an e-mail Shopware would refuse, or a custom country. */
function breakCustomer(rng: Prng, customer: ShopwareCustomer, kind: BrokenKind): void {
  if (kind === 'email') {
    const [local, domain] = customer.email.split('@') as [string, string];
    customer.email = rng.pick([`${local}(at)${domain}`, `${local}@`, `${local} @${domain}`]);
  } else {
    const target = customer.addresses?.[0] as ShopwareAddress;
    target.countryId = rng.pick(CUSTOM_COUNTRIES).id;
    target.countryStateId = null;
  }
}
