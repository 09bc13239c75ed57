/**
 * What an import would write into a partner, and which of its fields that changes (the preview's
 * `changes`): the same columns the import's update sets (type and status are never touched by an update).
 */
import { type ChannelCustomer, partnerName } from '../domain/channel-customer.ts';
import type { Partner, PartnerType } from '../domain/partner.ts';

/** The partner fields that an import sets from the channel's data. */
export interface ImportedFields {
  name: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  company: string | null;
  taxId: string | null;
  phones: string[];
  websites: string[];
  addresses: Partner['addresses'];
  contacts: Partner['contacts'];
  salesTaxClassification: string | null;
  salesRepresentative: string | null;
}

export interface FieldChange {
  field: keyof ImportedFields;
  from: unknown;
  to: unknown;
}

const FIELDS: ReadonlyArray<keyof ImportedFields> = [
  'name',
  'firstName',
  'lastName',
  'email',
  'company',
  'taxId',
  'phones',
  'websites',
  'addresses',
  'contacts',
  'salesTaxClassification',
  'salesRepresentative',
];

/** The fields a partner of this type gets from the customer. */
export function importedFields(customer: ChannelCustomer, type: PartnerType): ImportedFields {
  return {
    name: partnerName(type, customer),
    firstName: customer.firstName,
    lastName: customer.lastName,
    email: customer.email,
    company: customer.company,
    taxId: customer.taxId,
    phones: customer.phones,
    websites: customer.websites,
    addresses: customer.addresses.map(address),
    contacts: customer.contacts.map(contact),
    salesTaxClassification: customer.salesTaxClassification,
    salesRepresentative: customer.salesRepresentative,
  };
}

/** The imported fields of a stored partner. */
export function storedFields(partner: Partner): ImportedFields {
  return {
    name: partner.name,
    firstName: partner.firstName,
    lastName: partner.lastName,
    email: partner.email,
    company: partner.company,
    taxId: partner.taxId,
    phones: partner.phones,
    websites: partner.websites,
    addresses: partner.addresses.map(address),
    contacts: partner.contacts.map(contact),
    salesTaxClassification: partner.salesTaxClassification,
    salesRepresentative: partner.salesRepresentative,
  };
}

/** An address with its keys in one order (compared as JSON), as the partner master stores it. */
function address(value: Partner['addresses'][number]): Partner['addresses'][number] {
  return {
    street: value.street ?? null,
    postalCode: value.postalCode ?? null,
    city: value.city ?? null,
    country: value.country ?? null,
    region: value.region ?? null,
    defaultBilling: value.defaultBilling === true,
    defaultShipping: value.defaultShipping === true,
  };
}

function contact(value: Partner['contacts'][number]): Partner['contacts'][number] {
  return {
    name: value.name,
    function: value.function ?? null,
    email: value.email ?? null,
    phone: value.phone ?? null,
  };
}

/** The fields whose value differs, in a fixed order. */
export function fieldChanges(before: ImportedFields, after: ImportedFields): FieldChange[] {
  return FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field])).map(
    (field) => ({ field, from: before[field], to: after[field] }),
  );
}
