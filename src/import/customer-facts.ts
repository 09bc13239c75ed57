/**
 * What the import works out from a customer's data alone, once per customer: its fingerprint and whether it
 * holds NUL characters (every record needs them), and, for a record that will be written, its match keys and
 * its rows for the page write. The read-ahead of the pipeline prepares each page as soon as it is read
 * (`prepareCustomers`), which on a PostgreSQL server runs while the page before it is in the database; the
 * plan and the write then find the results ready, and work out what was not prepared on the spot.
 * Customers are not changed once read, so a result never goes stale.
 */
import { createHash } from 'node:crypto';
import type { ChannelCustomer } from '../domain/channel-customer.ts';
import { type MatchKeys, matchKeys } from '../domain/match-keys.ts';
import type { PartnerType } from '../domain/partner.ts';
import { partnerTypeAtCreation } from '../domain/partner-rules.ts';
import type { ChannelType } from '../domain/sales-channel.ts';
import { createdHistoryJson, type PartnerRowSource, partnerRowFields } from '../storage/partner-rows.ts';

export interface CustomerFacts {
  /** A stable digest of the customer's data without its change and creation times. */
  fingerprint: string;
  /** Some text of the customer holds a NUL character (which the database cannot store). */
  hasNul: boolean;
}

interface Known extends CustomerFacts {
  keys?: MatchKeys;
  /** The customer's partner row for the page write (storage/partner-rows.ts). */
  rowFields?: string;
  /** The history of a partner created from it, for the type it was worked out for. */
  createdHistory?: { type: PartnerType; json: string };
}

const known = new WeakMap<ChannelCustomer, Known>();

function knownOf(customer: ChannelCustomer): Known {
  let facts = known.get(customer);
  if (facts === undefined) {
    const { createdAt, updatedAt, ...data } = customer;
    const json = JSON.stringify(data);
    facts = {
      fingerprint: createHash('sha256').update(json).digest('base64url'),
      // The same as searching JSON.stringify(customer): a NUL anywhere shows as \u0000 in the JSON text.
      hasNul: json.includes('\\u0000') || updatedAt.includes('\0') || (createdAt?.includes('\0') ?? false),
    };
    known.set(customer, facts);
  }
  return facts;
}

export function customerFacts(customer: ChannelCustomer): CustomerFacts {
  return knownOf(customer);
}

/** The customer's normalised match keys (domain/match-keys.ts). */
export function customerKeys(customer: ChannelCustomer): MatchKeys {
  const facts = knownOf(customer);
  facts.keys ??= matchKeys(customer);
  return facts.keys;
}

function rowFields(customer: ChannelCustomer): string {
  const facts = knownOf(customer);
  facts.rowFields ??= partnerRowFields(customer, customerKeys(customer));
  return facts.rowFields;
}

function createdHistory(customer: ChannelCustomer, type: PartnerType): string {
  const facts = knownOf(customer);
  if (facts.createdHistory?.type !== type)
    facts.createdHistory = { type, json: createdHistoryJson(customer, type) };
  return facts.createdHistory.json;
}

/**
 * Works out the facts of a page's customers and, for those `written` says will be written (not unchanged),
 * their rows and the history they would get as partners created in a channel of `channelType`.
 */
export function prepareCustomers(
  customers: readonly ChannelCustomer[],
  channelType: ChannelType,
  written: (customer: ChannelCustomer, facts: CustomerFacts) => boolean,
): void {
  for (const customer of customers) {
    const facts = knownOf(customer);
    if (facts.hasNul || !written(customer, facts)) continue;
    rowFields(customer);
    createdHistory(customer, partnerTypeAtCreation(channelType, customer));
  }
}

/** The page write's rows from the facts (worked out now where they were not prepared). */
export const PREPARED_ROWS: PartnerRowSource = { fields: rowFields, createdHistory };
