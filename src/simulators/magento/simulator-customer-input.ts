/**
 * A customer as the customer repository saves it (POST and PUT /V1/customers): Magento's validation
 * (required names, e-mail syntax, address fields, country codes), fields not sent kept from the existing
 * customer, addresses only replaced if sent, default billing and shipping from the address flags, and the
 * B2B company attributes. E-mail uniqueness needs the whole shop: the store checks it.
 */
import type { MagentoAddress, MagentoCustomer, MagentoRegion } from '../../adapters/magento/magento-types.ts';
import { isCountryCode } from '../../domain/countries.ts';
import { MagentoApiError, MESSAGES, required } from './simulator-errors.ts';

/** What a save needs from the shop: new ids, whether it has B2B, whether an e-mail is taken. */
export interface CustomerIds {
  b2b: boolean;
  /** Another customer of the website has this e-mail (case ignored). */
  emailTaken(email: string, websiteId: number, self: number | undefined): boolean;
  nextCustomerId(): number;
  nextAddressId(): number;
}

const EMAIL = /^[^\s@()<>,;:"[\]]+@[^\s@()<>,;:"[\]]+\.[A-Za-z]{2,}$/;

export function buildCustomer(
  data: Record<string, unknown>,
  existing: MagentoCustomer | undefined,
  now: string,
  ids: CustomerIds,
): MagentoCustomer {
  const merged: Record<string, unknown> = { ...(existing ?? {}), ...data };
  validateCustomer(merged);
  const email = String(merged.email);
  const websiteId = integerOr(merged.website_id, 1);
  if (ids.emailTaken(email, websiteId, existing?.id)) throw new MagentoApiError(400, MESSAGES.emailExists);
  const id = existing?.id ?? ids.nextCustomerId();
  const addresses =
    data.addresses === undefined && existing
      ? (existing.addresses ?? [])
      : listOf(data.addresses, 'addresses').map((item) =>
          buildAddress(asObject(item, 'address'), id, existing, ids),
        );
  const defaultBilling = defaultAddressId(addresses, 'default_billing', merged.default_billing);
  const defaultShipping = defaultAddressId(addresses, 'default_shipping', merged.default_shipping);
  for (const address of addresses) {
    delete address.default_billing;
    delete address.default_shipping;
    if (String(address.id) === defaultBilling) address.default_billing = true;
    if (String(address.id) === defaultShipping) address.default_shipping = true;
  }
  const extension = { ...asRecord(existing?.extension_attributes), ...asRecord(data.extension_attributes) };
  if (extension.is_subscribed === undefined) extension.is_subscribed = false;
  if (ids.b2b) {
    extension.company_attributes = {
      company_id: 0,
      ...asRecord(extension.company_attributes),
      customer_id: id,
    };
  }
  return compact({
    id,
    group_id: integerOr(merged.group_id, 1),
    default_billing: defaultBilling,
    default_shipping: defaultShipping,
    confirmation: optionalText(merged.confirmation),
    created_at: existing?.created_at ?? now,
    updated_at: now,
    created_in: optionalText(merged.created_in) ?? 'Default Store View',
    dob: optionalText(merged.dob),
    email,
    firstname: String(merged.firstname),
    lastname: String(merged.lastname),
    middlename: optionalText(merged.middlename),
    prefix: optionalText(merged.prefix),
    suffix: optionalText(merged.suffix),
    gender: merged.gender === undefined ? undefined : integerOr(merged.gender, 0),
    store_id: integerOr(merged.store_id, 1),
    taxvat: optionalText(merged.taxvat),
    website_id: websiteId,
    addresses,
    disable_auto_group_change: integerOr(merged.disable_auto_group_change, 0),
    extension_attributes: extension,
  });
}

function buildAddress(
  data: Record<string, unknown>,
  customerId: number,
  existing: MagentoCustomer | undefined,
  ids: CustomerIds,
): MagentoAddress {
  for (const field of ['firstname', 'lastname', 'city', 'country_id', 'telephone']) {
    if (blank(data[field])) throw required(field);
  }
  const street = listOf(data.street, 'street').map(String);
  if (street.length === 0 || street.every((line) => line.trim() === '')) throw required('street');
  const country = String(data.country_id);
  if (!isCountryCode(country))
    throw new MagentoApiError(400, MESSAGES.invalidFieldValue, { fieldName: 'countryId', value: country });
  const knownId =
    typeof data.id === 'number' && existing?.addresses?.some((address) => address.id === data.id);
  const region = regionOf(data.region, data.region_id);
  const address: MagentoAddress = compact({
    id: knownId ? (data.id as number) : ids.nextAddressId(),
    customer_id: customerId,
    region,
    region_id: region.region_id,
    country_id: country,
    street,
    company: optionalText(data.company),
    telephone: String(data.telephone),
    fax: optionalText(data.fax),
    postcode: optionalText(data.postcode),
    city: String(data.city),
    firstname: String(data.firstname),
    lastname: String(data.lastname),
    middlename: optionalText(data.middlename),
    prefix: optionalText(data.prefix),
    suffix: optionalText(data.suffix),
    vat_id: optionalText(data.vat_id),
  });
  if (data.default_billing === true) address.default_billing = true;
  if (data.default_shipping === true) address.default_shipping = true;
  return address;
}

function validateCustomer(data: Record<string, unknown>): void {
  const errors: MagentoApiError[] = [];
  if (blank(data.firstname)) errors.push(required('firstname'));
  if (blank(data.lastname)) errors.push(required('lastname'));
  if (typeof data.email !== 'string' || !EMAIL.test(data.email)) {
    errors.push(
      new MagentoApiError(400, MESSAGES.invalidFieldValue, {
        fieldName: 'email',
        value: String(data.email ?? ''),
      }),
    );
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) {
    throw new MagentoApiError(
      400,
      MESSAGES.inputExceptions,
      undefined,
      errors.map((error) => error.body()),
    );
  }
}

/** The default address: the one flagged in the request, else the customer's id if that address is still there. */
function defaultAddressId(
  addresses: MagentoAddress[],
  flag: 'default_billing' | 'default_shipping',
  requested: unknown,
): string | undefined {
  const flagged = addresses.find((address) => address[flag] === true);
  if (flagged) return String(flagged.id);
  const wanted = requested === undefined || requested === null ? undefined : String(requested);
  return addresses.some((address) => String(address.id) === wanted) ? wanted : undefined;
}

function regionOf(region: unknown, regionId: unknown): MagentoRegion {
  const data = asRecord(region);
  const id = integerOr(data.region_id ?? regionId, 0);
  const name = optionalText(data.region) ?? null;
  const code = optionalText(data.region_code) ?? (id === 0 ? name : null);
  return { region_code: code, region: name, region_id: id };
}

export function asObject(value: unknown, name: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw required(name);
  return value as Record<string, unknown>;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function listOf(value: unknown, name: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value))
    throw new MagentoApiError(400, MESSAGES.invalidType, { value: String(value), type: `${name}[]` });
  return value;
}

function blank(value: unknown): boolean {
  return value === undefined || value === null || String(value).trim() === '';
}

function optionalText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return String(value);
}

export function integerOr(value: unknown, fallback: number): number {
  const parsed = typeof value === 'number' ? value : Number.parseInt(String(value ?? ''), 10);
  return Number.isFinite(parsed) ? parsed : fallback;
}

/** Magento leaves out null values; so does the simulator. */
function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}
