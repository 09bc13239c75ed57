/**
 * The rows of the page write (partner-write-store.ts) as JSON text: the partner columns that every import sets
 * from the channel's data, with the addresses and contacts by position, and the history of a created partner.
 * Pure functions of the customer: the import works them out once per customer, ahead of the page's
 * transaction where it can (src/import/customer-facts.ts), and the write joins the texts.
 */
import type { ChannelCustomer } from '../domain/channel-customer.ts';
import { partnerName } from '../domain/channel-customer.ts';
import type { MatchKeys } from '../domain/match-keys.ts';
import type { PartnerType } from '../domain/partner.ts';
import { createdChanges } from './partner-history-store.ts';
import { matchColumns } from './partner-match-store.ts';

/** The partner's columns and its addresses and contacts, as the members of a JSON object (without braces). */
export function partnerRowFields(customer: ChannelCustomer, keys: MatchKeys): string {
  const row = {
    name_b2b: partnerName('B2B', customer),
    name_b2c: partnerName('B2C', customer),
    first_name: customer.firstName,
    last_name: customer.lastName,
    email: customer.email,
    company: customer.company,
    tax_id: customer.taxId,
    phones: customer.phones,
    websites: customer.websites,
    sales_tax_classification: customer.salesTaxClassification,
    sales_representative: customer.salesRepresentative,
    // The normalised keys of the partner's new data (matching, docs/import-rules.md).
    ...matchColumns(keys),
    addresses: customer.addresses.map((address, position) => ({
      position,
      street: address.street,
      postal_code: address.postalCode,
      city: address.city,
      country: address.country,
      region: address.region,
      default_billing: address.defaultBilling,
      default_shipping: address.defaultShipping,
    })),
    contacts: customer.contacts.map((contact, position) => ({ position, ...contact })),
  };
  return JSON.stringify(row).slice(1, -1);
}

/** The history entries of a partner created from the customer, as a JSON array. */
export function createdHistoryJson(customer: ChannelCustomer, type: PartnerType): string {
  return JSON.stringify(createdChanges(customer, type));
}

/** Where the write gets a customer's row texts: built on the spot, or worked out ahead (customer-facts.ts). */
export interface PartnerRowSource {
  fields(customer: ChannelCustomer): string;
  createdHistory(customer: ChannelCustomer, type: PartnerType): string;
}
