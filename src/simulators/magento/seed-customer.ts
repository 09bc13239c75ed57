/**
 * Generated customer `index` in full, as Magento's web API renders it, from generators of its own
 * (kit/record-seed.ts): the identity (seed-identity.ts), the times, and the details (addresses with
 * separate default billing and shipping, phones, VAT ids, date of birth, B2B company). Ids are formulas of
 * the index: address ids index * 3 + 1..3, the company of a company user has the id index + 1.
 */

import { toMagentoDate } from '../../adapters/magento/magento-dates.ts';
import type {
  MagentoAddress,
  MagentoCompany,
  MagentoCustomer,
} from '../../adapters/magento/magento-types.ts';
import { recordSeed } from '../kit/record-seed.ts';
import type { SeedCity, SeedLocale } from '../sample-data/locale.ts';
import { SAMPLE_LOCALES } from '../sample-data/locales.ts';
import { fillPattern, randomTime, streetLine } from '../sample-data/names.ts';
import { JOB_TITLES } from '../sample-data/people.ts';
import { Prng } from '../sample-data/prng.ts';
import type { Identity } from './seed-identity.ts';

const TIME_STREAM = 2;
const DETAIL_STREAM = 3;
export const ADDRESSES_PER_CUSTOMER = 3;
const FIRST_CREATED = Date.parse('2016-01-01T00:00:00Z');
/** A mass update (e.g. a migration) that gave many customers the same updated_at. */
const BULK_UPDATE = Date.parse('2023-11-05T03:00:00Z');

/** Customer `index` of `count` was created in order of the index (ids grow with time), changed later or not. */
export function timesAt(
  seed: number,
  index: number,
  count: number,
  until: number,
): { created: number; updated: number } {
  const rng = new Prng(recordSeed(seed, index, TIME_STREAM));
  const span = Math.max(0, until - 86_400_000 - FIRST_CREATED);
  const created = Math.floor((FIRST_CREATED + (span * (index + rng.next())) / count) / 1000) * 1000;
  let updated = rng.chance(0.4) ? created : randomTime(rng, created, until);
  if (rng.chance(0.08) && BULK_UPDATE >= created && BULK_UPDATE <= until) updated = BULK_UPDATE;
  return { created, updated };
}

export interface CustomerParts {
  seed: number;
  index: number;
  id: number;
  identity: Identity;
  email: string;
  created: number;
  /** updated_at as Magento renders it (the zero date of a broken record too). */
  updatedAt: string;
  /** Adobe Commerce B2B installed. */
  b2bShop: boolean;
}

/** The customer and, for a company user of a B2B shop, its company. */
export function customerOf(parts: CustomerParts): { customer: MagentoCustomer; company?: MagentoCompany } {
  const { index, id, identity, b2bShop } = parts;
  const { locale, female, firstname, lastname, company, b2b } = identity;
  const rng = new Prng(recordSeed(parts.seed, index, DETAIL_STREAM));
  const vat = b2b ? fillPattern(rng, locale.vat) : undefined;
  const homeCity = rng.pick(locale.cities);
  const phone = rng.digits(rng.chance(0.5) ? rng.pick(locale.mobile) : homeCity.phone);
  const addressCount = rng.weighted([
    [0, 10],
    [1, 58],
    [2, 24],
    [3, 8],
  ] as const);
  const vatOnCustomer = vat !== undefined && (addressCount === 0 || rng.chance(0.2));
  const addresses: MagentoAddress[] = [];
  for (let n = 0; n < addressCount; n++) {
    const addressLocale = n > 0 && rng.chance(0.1) ? rng.pick(SAMPLE_LOCALES) : locale;
    const city = n === 0 ? homeCity : rng.pick(addressLocale.cities);
    const recipient =
      n > 0 && rng.chance(0.15)
        ? rng.pick(rng.chance(0.5) ? addressLocale.female : addressLocale.male)
        : firstname;
    addresses.push(
      address(rng, addressLocale, city, {
        id: index * ADDRESSES_PER_CUSTOMER + n + 1,
        customerId: id,
        firstname: recipient,
        lastname,
        telephone: n > 0 && rng.chance(0.3) ? rng.digits(rng.pick(addressLocale.mobile)) : phone,
        company: n === 0 || rng.chance(0.5) ? company : undefined,
        vatId: n === 0 && !vatOnCustomer ? vat : undefined,
      }),
    );
  }
  const billing = addresses[0];
  const shipping = addresses.length > 1 && rng.chance(0.7) ? addresses[1] : addresses[0];
  if (billing) billing.default_billing = true;
  if (shipping) shipping.default_shipping = true;
  let taxvat = vatOnCustomer ? vat : undefined;
  if (!b2b && locale.personalTaxId && rng.chance(0.3)) taxvat = fillPattern(rng, locale.personalTaxId);
  const groupId = b2b ? 2 : rng.chance(0.05) ? 3 : 1;
  const dob = rng.chance(0.35)
    ? `${rng.int(1950, 2004)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`
    : undefined;
  const gender = rng.chance(0.2) ? 0 : female ? 2 : 1;
  const subscribed = rng.chance(0.3);
  const customer: MagentoCustomer = {
    id,
    group_id: groupId,
    default_billing: billing ? String(billing.id) : undefined,
    default_shipping: shipping ? String(shipping.id) : undefined,
    created_at: toMagentoDate(new Date(parts.created)),
    updated_at: parts.updatedAt,
    created_in: 'Default Store View',
    dob,
    email: parts.email,
    firstname,
    lastname,
    middlename: identity.middlename,
    gender,
    store_id: 1,
    taxvat,
    website_id: 1,
    addresses,
    disable_auto_group_change: 0,
    extension_attributes: { is_subscribed: subscribed },
  };
  if (!b2bShop) return { customer: withoutUndefined(customer) };
  const companyUser = b2b && company !== undefined && rng.chance(0.4);
  const entity = companyUser ? companyOf(rng, customer, company, vat, phone, index + 1) : undefined;
  customer.extension_attributes = {
    ...customer.extension_attributes,
    company_attributes: companyUser
      ? {
          customer_id: id,
          company_id: index + 1,
          status: 1,
          job_title: rng.pick(JOB_TITLES),
          telephone: phone,
        }
      : { customer_id: id, company_id: 0 },
  };
  // A company user's addresses often carry no company: the company entity has it.
  if (companyUser && rng.chance(0.5))
    for (let n = 0; n < addresses.length; n++)
      addresses[n] = withoutUndefined({ ...addresses[n], company: undefined } as MagentoAddress);
  return { customer: withoutUndefined(customer), company: entity };
}

function address(
  rng: Prng,
  locale: SeedLocale,
  city: SeedCity,
  fields: {
    id: number;
    customerId: number;
    firstname: string;
    lastname: string;
    telephone: string;
    company?: string;
    vatId?: string;
  },
): MagentoAddress {
  const street = [streetLine(rng, locale)];
  if (rng.chance(0.2)) street.push(rng.pick(locale.secondLines));
  const region = city.region
    ? { region_code: city.region.code, region: city.region.name, region_id: city.region.id }
    : { region_code: null, region: null, region_id: 0 };
  return withoutUndefined({
    id: fields.id,
    customer_id: fields.customerId,
    region,
    region_id: region.region_id,
    country_id: locale.country,
    street,
    company: fields.company,
    telephone: fields.telephone,
    postcode: rng.pick(city.postcodes),
    city: city.city,
    firstname: fields.firstname,
    lastname: fields.lastname,
    vat_id: fields.vatId,
  });
}

function companyOf(
  rng: Prng,
  customer: MagentoCustomer,
  name: string,
  vat: string | undefined,
  phone: string,
  id: number,
): MagentoCompany {
  const billing = customer.addresses?.[0];
  return withoutUndefined({
    id,
    status: rng.chance(0.9) ? 1 : 0,
    company_name: name,
    legal_name: name,
    company_email: customer.email as string,
    vat_tax_id: vat,
    street: billing?.street ?? ['Unknown'],
    city: billing?.city ?? 'Unknown',
    country_id: billing?.country_id ?? 'US',
    region: billing?.region?.region ?? undefined,
    region_id: billing?.region?.region_id || undefined,
    postcode: billing?.postcode ?? '00000',
    telephone: phone,
    customer_group_id: 2,
    sales_representative_id: 1,
    super_user_id: customer.id as number,
    extension_attributes: { applicable_payment_method: 1, available_payment_methods: '' },
  });
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** Magento leaves out fields whose value is null; the seed builds objects with undefined for those. */
function withoutUndefined<T extends object>(value: T): T {
  const copy: Record<string, unknown> = {};
  const record = value as Record<string, unknown>;
  for (const key in record) if (record[key] !== undefined) copy[key] = record[key];
  return copy as T;
}
