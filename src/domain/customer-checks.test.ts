import { describe, expect, it } from 'vitest';
import { channelCustomer, expectedAddress } from '../../test/support/channel-customers.ts';
import { customerErrors } from './customer-checks.ts';

const codes = (customer: Parameters<typeof customerErrors>[0]) => customerErrors(customer).map((e) => e.code);
const base = { externalId: '7', updatedAt: '2025-06-01T08:03:11.000Z', lastName: 'Meier' };

describe('customerErrors', () => {
  it('finds a NUL character wherever the record holds text', () => {
    expect(codes(channelCustomer(base))).toEqual([]);
    expect(codes(channelCustomer({ ...base, lastName: 'Mei\u0000er' }))).toEqual(['INVALID_CHARACTERS']);
    expect(codes(channelCustomer({ ...base, phones: ['+49 30 1', '+49\u0000'] }))).toEqual([
      'INVALID_CHARACTERS',
    ]);
    const street = expectedAddress({ street: 'Hauptstr.\u0000 1' });
    expect(codes(channelCustomer({ ...base, addresses: [expectedAddress(), street] }))).toEqual([
      'INVALID_CHARACTERS',
    ]);
    const contact = { name: 'Anna', function: null, email: null, phone: '\u0000' };
    expect(codes(channelCustomer({ ...base, contacts: [contact] }))).toEqual(['INVALID_CHARACTERS']);
  });

  it('takes the text "\\u0000" for what it is, not for a NUL character', () => {
    expect(codes(channelCustomer({ ...base, company: 'Backslash \\u0000 GmbH' }))).toEqual([]);
  });

  it('names a missing name, a malformed e-mail and an unreadable change time', () => {
    expect(codes(channelCustomer({ externalId: '8', updatedAt: 'yesterday', email: 'a@b' }))).toEqual([
      'NO_NAME',
      'INVALID_EMAIL',
      'INVALID_DATE',
    ]);
  });
});
