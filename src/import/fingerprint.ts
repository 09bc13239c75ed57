/** A stable fingerprint of a customer's data, so that a re-read of unchanged data writes nothing. */
import type { ChannelCustomer } from '../domain/channel-customer.ts';
import { customerFacts } from './customer-facts.ts';

export function customerFingerprint(customer: ChannelCustomer): string {
  return customerFacts(customer).fingerprint;
}
