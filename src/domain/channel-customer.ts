/**
 * The neutral record every adapter delivers: one customer of a sales channel, already mapped from the
 * shop's own format. Import rules work only on this shape; they never see shop-specific fields.
 */
import type { PartnerAddress, PartnerContact } from './partner.ts';

/** Addresses and contacts arrive in the shape the partner master keeps them. */
export type ChannelAddress = PartnerAddress;
export type ChannelContact = PartnerContact;

export interface ChannelCustomer {
  /** The customer's id in the sales channel; unique per channel. */
  externalId: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  taxId: string | null;
  phones: string[];
  websites: string[];
  addresses: ChannelAddress[];
  contacts: ChannelContact[];
  salesTaxClassification: string | null;
  salesRepresentative: string | null;
  /** An occasional (guest) customer without an account in the channel. */
  guest: boolean;
  /** When the customer was created in the channel (ISO 8601, UTC), if known. */
  createdAt: string | null;
  /** When the customer last changed in the channel (ISO 8601, UTC); drives Changed since. */
  updatedAt: string;
}

/** A raw record the adapter could not turn into a ChannelCustomer: logged as an error, never imported. */
export interface RejectedRecord {
  externalId: string | null;
  code: string;
  message: string;
  /** The record's change time, if it could be read: the watermark must not pass it. */
  updatedAt: string | null;
  /** The shop's record as it came (kept with the open record, docs/import-rules.md "Open records"). */
  raw?: unknown;
  /** The e-mail of the raw record, where the adapter could read one. */
  email?: string | null;
}

/** Whether the customer entered company data (decides B2B in a B2B & B2C channel). */
export function hasCompanyData(customer: Pick<ChannelCustomer, 'company'>): boolean {
  return customer.company !== null && customer.company.trim() !== '';
}

/**
 * The partner's name: a B2B partner is the company (the person's name only when no company was given); a
 * B2C partner is the person (the company only when no person's name was given).
 */
export function partnerName(
  type: 'B2B' | 'B2C',
  customer: Pick<ChannelCustomer, 'firstName' | 'lastName' | 'company'>,
): string {
  const person = [customer.firstName, customer.lastName]
    .filter((part) => part && part.trim() !== '')
    .join(' ');
  const company = customer.company?.trim() ?? '';
  if (type === 'B2B') return company !== '' ? company : person;
  return person !== '' ? person : company;
}
