import { expect, it } from 'vitest';
import { channelAddress, channelCustomer } from '../../test/support/channel-customers.ts';
import { customerFingerprint } from './fingerprint.ts';

const customer = channelCustomer({
  externalId: '42',
  updatedAt: '2025-01-01T00:00:00.000Z',
  createdAt: '2024-01-01T00:00:00.000Z',
  email: 'anna@example.com',
  firstName: 'Anna',
  lastName: 'Müller',
  phones: ['+49 30 1234567'],
  addresses: [channelAddress({ street: 'Weg 1', postalCode: '10115', city: 'Berlin', country: 'DE' })],
});

it('keeps the fingerprints that links store: the same value as before for the same data', () => {
  // Stored in channel_link.fingerprint by earlier versions: a different value would make the next
  // re-import rewrite every partner of every channel once.
  expect(customerFingerprint(customer)).toBe('A3kmuldDZnYTGLOHKvKY1vXTSQyBmUBqB9W2Io4DD2w');
});

it('ignores the change and creation times, and changes with any data', () => {
  const later = { ...customer, updatedAt: '2026-01-01T00:00:00.000Z', createdAt: '2020-01-01T00:00:00.000Z' };
  expect(customerFingerprint(later)).toBe(customerFingerprint(customer));
  expect(customerFingerprint({ ...customer, lastName: 'Müler' })).not.toBe(customerFingerprint(customer));
  const moved = { ...customer, addresses: [{ ...customer.addresses[0]!, city: 'Köln' }] };
  expect(customerFingerprint(moved)).not.toBe(customerFingerprint(customer));
});
