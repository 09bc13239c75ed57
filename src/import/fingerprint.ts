/** A stable fingerprint of a customer's data, so that a re-read of unchanged data writes nothing. */
import { createHash } from 'node:crypto';
import type { ChannelCustomer } from '../domain/channel-customer.ts';

export function customerFingerprint(customer: ChannelCustomer): string {
  const { createdAt: _created, updatedAt: _updated, ...data } = customer;
  return createHash('sha256').update(JSON.stringify(data)).digest('base64url');
}
