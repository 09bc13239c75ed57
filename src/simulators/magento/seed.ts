/**
 * Generates a realistic, deterministic Magento shop for the simulator: international customers with
 * diacritics, real postcodes and area codes, phones in international format, several addresses with
 * separate default billing and shipping, customers without an address, B2B customers with company and
 * VAT id (on the billing address, or in the customer's taxvat), optional Adobe Commerce B2B companies,
 * a bulk update that gave many customers the same updated_at, and a share of deliberately broken records.
 * The same options always give the same shop.
 */

import { toMagentoDate } from '../../adapters/magento/magento-dates.ts';
import type {
  MagentoAddress,
  MagentoCompany,
  MagentoCustomer,
} from '../../adapters/magento/magento-types.ts';
import { uniqueEmail } from '../sample-data/email.ts';
import type { SeedCity, SeedLocale } from '../sample-data/locale.ts';
import { DEFAULT_SEED_UNTIL, SAMPLE_LOCALES } from '../sample-data/locales.ts';
import { companyName, fillPattern, randomTime, streetLine, surname } from '../sample-data/names.ts';
import { Prng } from '../sample-data/prng.ts';
import { type BrokenKind, breakSome } from './seed-broken.ts';

export { asciiFold } from '../sample-data/email.ts';
export type { BrokenKind } from './seed-broken.ts';

export const SEED_LOCALES = SAMPLE_LOCALES;
export { DEFAULT_SEED_UNTIL };

export interface SeedOptions {
  customers: number;
  seed: number;
  /** Share of customers (0..1) that are deliberately broken. */
  brokenShare: number;
  /** Adobe Commerce B2B: company_attributes on every customer and company entities for company users. */
  b2b: boolean;
  /** No generated timestamp is later than this. */
  until: Date;
}

export interface SeededShop {
  customers: MagentoCustomer[];
  companies: MagentoCompany[];
  /** Ids of the deliberately broken customers and how they are broken. */
  broken: Map<number, BrokenKind>;
}

const FIRST_CREATED = Date.parse('2016-01-01T00:00:00Z');
/** A mass update (e.g. a migration) that gave many customers the same updated_at. */
const BULK_UPDATE = Date.parse('2023-11-05T03:00:00Z');

export function generateShop(options: SeedOptions): SeededShop {
  const rng = new Prng(options.seed);
  const emails = new Set<string>();
  const customers: MagentoCustomer[] = [];
  const companies: MagentoCompany[] = [];
  let nextCustomerId = 1;
  let nextAddressId = 1;
  const until = options.until.getTime();

  for (let index = 0; index < options.customers; index++) {
    // Deleted customers leave gaps in the ids.
    if (rng.chance(0.05)) nextCustomerId += rng.int(1, 3);
    const id = nextCustomerId++;
    const locale = rng.weighted(SEED_LOCALES.map((item) => [item, item.weight] as const));
    const female = rng.chance(0.5);
    const firstname = rng.pick(female ? locale.female : locale.male);
    const lastname = surname(rng, locale, female);
    const middlename =
      locale.middleNames && rng.chance(locale.middleNames.share)
        ? rng.pick(locale.middleNames.names)
        : undefined;
    const b2b = rng.chance(0.25);
    const company = b2b ? companyName(rng, locale) : undefined;
    const vat = b2b ? fillPattern(rng, locale.vat) : undefined;
    const homeCity = rng.pick(locale.cities);
    const phone = rng.digits(rng.chance(0.5) ? rng.pick(locale.mobile) : homeCity.phone);
    const created = randomTime(rng, FIRST_CREATED, until - 86_400_000);
    let updated = rng.chance(0.4) ? created : randomTime(rng, created, until);
    if (rng.chance(0.08) && BULK_UPDATE >= created && BULK_UPDATE <= until) updated = BULK_UPDATE;

    const addressCount = rng.weighted([
      [0, 10],
      [1, 58],
      [2, 24],
      [3, 8],
    ] as const);
    const vatOnCustomer = vat !== undefined && (addressCount === 0 || rng.chance(0.2));
    const addresses: MagentoAddress[] = [];
    for (let n = 0; n < addressCount; n++) {
      const addressLocale = n > 0 && rng.chance(0.1) ? rng.pick(SEED_LOCALES) : locale;
      const city = n === 0 ? homeCity : rng.pick(addressLocale.cities);
      const recipient =
        n > 0 && rng.chance(0.15)
          ? rng.pick(rng.chance(0.5) ? addressLocale.female : addressLocale.male)
          : firstname;
      addresses.push(
        address(rng, addressLocale, city, {
          id: nextAddressId++,
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

    const customer: MagentoCustomer = {
      id,
      group_id: b2b ? 2 : rng.chance(0.05) ? 3 : 1,
      default_billing: billing ? String(billing.id) : undefined,
      default_shipping: shipping ? String(shipping.id) : undefined,
      created_at: toMagentoDate(new Date(created)),
      updated_at: toMagentoDate(new Date(updated)),
      created_in: 'Default Store View',
      dob: rng.chance(0.35)
        ? `${rng.int(1950, 2004)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`
        : undefined,
      email: uniqueEmail(rng, emails, firstname, lastname, company, locale),
      firstname,
      lastname,
      middlename,
      gender: rng.chance(0.2) ? 0 : female ? 2 : 1,
      store_id: 1,
      taxvat,
      website_id: 1,
      addresses,
      disable_auto_group_change: 0,
      extension_attributes: { is_subscribed: rng.chance(0.3) },
    };
    if (options.b2b) {
      const companyUser = b2b && company !== undefined && rng.chance(0.4);
      if (companyUser) companies.push(companyOf(rng, customer, company, vat, phone, companies.length + 1));
      customer.extension_attributes = {
        ...customer.extension_attributes,
        company_attributes: companyUser
          ? {
              customer_id: id,
              company_id: companies.length,
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
    }
    customers.push(withoutUndefined(customer));
  }

  const broken = breakSome(rng, customers, options.brokenShare, nextAddressId);
  return { customers, companies, broken };
}

const JOB_TITLES = [
  'Einkauf',
  'Purchasing Manager',
  'Office Manager',
  'Geschäftsführer',
  'Buyer',
  'Responsable achats',
];

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

/**
 * Magento leaves out fields whose value is null; the seed builds objects with undefined for those. A copy
 * with only the defined fields (in their order), not `delete`: a deleted property turns a V8 object into a
 * hash table, several times the memory of a customer with fast properties.
 */
function withoutUndefined<T extends object>(value: T): T {
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (field !== undefined) copy[key] = field;
  return copy as T;
}
