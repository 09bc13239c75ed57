/**
 * Builders of the records adapter tests expect, so that each test names only what its shop sets: an
 * address defaults to the default billing and shipping address Hauptstraße 1, 10115 Berlin, DE, without a
 * region; a customer to one without contacts, sales tax classification or sales representative, and not a guest.
 */
import type { ChannelAddress, ChannelCustomer } from '../../src/domain/channel-customer.ts';

export function expectedAddress(fields: Partial<ChannelAddress> = {}): ChannelAddress {
  return {
    street: 'Hauptstraße 1',
    postalCode: '10115',
    city: 'Berlin',
    country: 'DE',
    region: null,
    defaultBilling: true,
    defaultShipping: true,
    ...fields,
  };
}

type CustomerDefaults = 'contacts' | 'salesTaxClassification' | 'salesRepresentative' | 'guest';

export function expectedCustomer(
  fields: Omit<ChannelCustomer, CustomerDefaults> & Partial<Pick<ChannelCustomer, CustomerDefaults>>,
): ChannelCustomer {
  return { contacts: [], salesTaxClassification: null, salesRepresentative: null, guest: false, ...fields };
}
