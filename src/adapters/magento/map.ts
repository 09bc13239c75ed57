/**
 * Maps a raw Magento customer (as GET /V1/customers/search renders it) to the neutral ChannelCustomer,
 * or to a RejectedRecord with a stable code when the record is unusable:
 *   INVALID_RECORD  not a customer object, or its addresses not of their shape: not a list, an address
 *                   that is not an object, a field that is not text (never taken as "no address", which
 *                   would remove the addresses stored for the partner)
 *   MISSING_ID      no positive integer id
 *   INVALID_DATE    updated_at is not a real "YYYY-MM-DD HH:MM:SS" date-time (e.g. MySQL's zero date)
 *   INVALID_EMAIL   no e-mail address, or not an e-mail address
 * A country_id that is not an ISO code is delivered as it is: the import rules warn about it (UNKNOWN_COUNTRY).
 * The decisions (which address gives company and tax id, phones, street lines) are documented in
 * docs/adapters/magento.md.
 */
import type { ChannelAddress, ChannelContact } from '../../domain/channel-customer.ts';
import { addressListProblem } from '../address-shape.ts';
import { type MapResult, reject } from '../map-results.ts';
import { distinctPhones, isEmail, text } from '../record-values.ts';
import { magentoDateToIso } from './magento-dates.ts';
import type { MagentoAddress, MagentoCompany, MagentoCustomer } from './magento-types.ts';

export interface MapContext {
  /** Adobe Commerce B2B companies by id, when the channel looks them up. */
  companies?: ReadonlyMap<number, MagentoCompany>;
}

/** The address fields the mapping reads. */
const ADDRESS_FIELDS = {
  texts: ['country_id', 'postcode', 'city', 'company', 'telephone', 'vat_id'],
  lines: ['street'],
  parts: { region: ['region', 'region_code'] },
} as const;

export function mapMagentoCustomer(raw: unknown, context: MapContext = {}): MapResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return reject(null, 'INVALID_RECORD', 'The shop sent a customer record that is not an object.', null);
  }
  const customer = raw as MagentoCustomer;
  const id = customer.id;
  if (typeof id !== 'number' || !Number.isInteger(id) || id <= 0) {
    return reject(
      null,
      'MISSING_ID',
      'The shop sent a customer without an id.',
      isoOrNull(customer.updated_at),
    );
  }
  const externalId = String(id);
  const updatedAt = isoOrNull(customer.updated_at);
  if (updatedAt === null) {
    return reject(
      externalId,
      'INVALID_DATE',
      `Customer ${externalId}: updated_at "${customer.updated_at ?? ''}" is not a date and time (expected "YYYY-MM-DD HH:MM:SS").`,
      null,
    );
  }
  const email = text(customer.email);
  if (email === null)
    return reject(externalId, 'INVALID_EMAIL', `Customer ${externalId} has no e-mail address.`, updatedAt);
  if (!isEmail(email)) {
    return reject(
      externalId,
      'INVALID_EMAIL',
      `Customer ${externalId}: "${email}" is not a valid e-mail address.`,
      updatedAt,
    );
  }

  const problem = addressListProblem(customer.addresses, 'addresses', ADDRESS_FIELDS);
  if (problem !== null)
    return reject(externalId, 'INVALID_RECORD', `Customer ${externalId}: ${problem}.`, updatedAt);
  // Magento leaves out a customer's empty address list.
  const rawAddresses = customer.addresses ?? [];
  const addresses: ChannelAddress[] = [];
  for (const address of rawAddresses) {
    const country = text(address.country_id)?.toUpperCase() ?? null;
    addresses.push(mapAddress(address, country, customer));
  }

  const billing = defaultBillingAddress(customer, rawAddresses);
  const companyUser = companyUserOf(customer);
  const company = companyUser.companyId !== null ? context.companies?.get(companyUser.companyId) : undefined;
  const firstName =
    [text(customer.firstname), text(customer.middlename)].filter((part) => part !== null).join(' ') || null;
  const lastName = text(customer.lastname);
  const contacts: ChannelContact[] = [];
  if (companyUser.companyId !== null) {
    contacts.push({
      name: [firstName, lastName].filter((part) => part !== null).join(' ') || email,
      function: companyUser.jobTitle,
      email,
      phone: companyUser.telephone,
    });
  }

  return {
    ok: true,
    customer: {
      externalId,
      email,
      firstName,
      lastName,
      company: text(company?.company_name) ?? text(billing?.company),
      taxId: text(company?.vat_tax_id) ?? text(billing?.vat_id) ?? text(customer.taxvat),
      phones: distinctPhones([...rawAddresses.map((address) => address.telephone), companyUser.telephone]),
      websites: [],
      addresses,
      contacts,
      salesTaxClassification: null,
      salesRepresentative: null,
      guest: false,
      createdAt: isoOrNull(customer.created_at),
      updatedAt,
    },
  };
}

function mapAddress(
  address: MagentoAddress,
  country: string | null,
  customer: MagentoCustomer,
): ChannelAddress {
  const lines = Array.isArray(address.street)
    ? address.street.map((line) => text(line)).filter((line) => line !== null)
    : [];
  const id = address.id === undefined ? undefined : String(address.id);
  return {
    street: lines.length > 0 ? lines.join(', ') : null,
    postalCode: text(address.postcode),
    city: text(address.city),
    country,
    region: text(address.region?.region) ?? text(address.region?.region_code),
    defaultBilling: address.default_billing === true || (id !== undefined && id === customer.default_billing),
    defaultShipping:
      address.default_shipping === true || (id !== undefined && id === customer.default_shipping),
  };
}

/** The default billing address; without one, the first address (the one entered at registration). */
function defaultBillingAddress(
  customer: MagentoCustomer,
  addresses: MagentoAddress[],
): MagentoAddress | undefined {
  const flagged = addresses.find(
    (address) =>
      address.default_billing === true ||
      (address.id !== undefined && String(address.id) === customer.default_billing),
  );
  return flagged ?? (customer.default_billing === undefined ? addresses[0] : undefined);
}

function companyUserOf(customer: MagentoCustomer): {
  companyId: number | null;
  jobTitle: string | null;
  telephone: string | null;
} {
  const attributes = customer.extension_attributes?.company_attributes;
  const companyId = attributes?.company_id;
  if (typeof companyId !== 'number' || companyId <= 0)
    return { companyId: null, jobTitle: null, telephone: null };
  return { companyId, jobTitle: text(attributes?.job_title), telephone: text(attributes?.telephone) };
}

function isoOrNull(value: unknown): string | null {
  return typeof value === 'string' ? magentoDateToIso(value) : null;
}
