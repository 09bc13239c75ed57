/**
 * The ChannelCustomer an adapter's mapping returns, for the expectations of mapping tests: the fields a
 * test names, and for every other field no value (null, empty lists, not a guest).
 */
import type { ChannelCustomer } from '../../src/domain/channel-customer.ts';

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
