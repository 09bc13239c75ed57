/** A stable fingerprint of a customer's data, so that a re-read of unchanged data writes nothing. */
import { hash } from 'node:crypto';
import type { ChannelCustomer } from '../domain/channel-customer.ts';

/** SHA-256 (base64url) of the customer's JSON without its times; `hash` is the one-shot form (Node >= 20.12). */
export function customerFingerprint(customer: ChannelCustomer): string {
  const { createdAt: _created, updatedAt: _updated, ...data } = customer;
  return hash('sha256', JSON.stringify(data), 'base64url');
}
