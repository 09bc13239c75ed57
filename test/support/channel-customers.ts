/**
 * The ChannelCustomer and ChannelAddress a mapping test expects, written with only the fields that say
 * something: a customer without e-mail, names, company, tax id, lists, classification, representative or
 * creation time, not a guest; an address without region that is the default billing and shipping address
 * (`expectedAddress`: Hauptstraße 1, 10115 Berlin, DE unless the test names other values).
 */
import type { MapResult } from '../../src/adapters/map-results.ts';
import type { ChannelAddress, ChannelCustomer } from '../../src/domain/channel-customer.ts';

export function channelCustomer(
  fields: Pick<ChannelCustomer, 'externalId' | 'updatedAt'> & Partial<ChannelCustomer>,
): ChannelCustomer {
  return {
    email: null,
    firstName: null,
    lastName: null,
    company: null,
    taxId: null,
    phones: [],
    websites: [],
    addresses: [],
    contacts: [],
    salesTaxClassification: null,
    salesRepresentative: null,
    guest: false,
    createdAt: null,
    ...fields,
  };
}

export function channelAddress(
  fields: Pick<ChannelAddress, 'street' | 'postalCode' | 'city' | 'country'> & Partial<ChannelAddress>,
): ChannelAddress {
  return { region: null, defaultBilling: true, defaultShipping: true, ...fields };
}

export function expectedAddress(fields: Partial<ChannelAddress> = {}): ChannelAddress {
  return channelAddress({
    street: 'Hauptstraße 1',
    postalCode: '10115',
    city: 'Berlin',
    country: 'DE',
    ...fields,
  });
}

type CustomerDefaults = 'contacts' | 'salesTaxClassification' | 'salesRepresentative' | 'guest';

/** A customer with every field but contacts, classification, representative and guest named by the test. */
export function expectedCustomer(
  fields: Omit<ChannelCustomer, CustomerDefaults> & Partial<Pick<ChannelCustomer, CustomerDefaults>>,
): ChannelCustomer {
  return channelCustomer(fields);
}

/** The customer a mapping delivered; a rejection fails the test with its message. */
export function accepted(result: MapResult): ChannelCustomer {
  if (!result.ok) throw new Error(`rejected: ${result.rejected.message}`);
  return result.customer;
}
