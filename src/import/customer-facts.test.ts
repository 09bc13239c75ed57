import { describe, expect, it, vi } from 'vitest';
import { channelAddress, channelCustomer } from '../../test/support/channel-customers.ts';
import { matchKeys } from '../domain/match-keys.ts';
import * as rows from '../storage/partner-rows.ts';
import { createdHistoryJson, partnerRowFields } from '../storage/partner-rows.ts';
import { customerFacts, customerKeys, PREPARED_ROWS, prepareCustomers } from './customer-facts.ts';

const customer = (fields: Partial<Parameters<typeof channelCustomer>[0]> = {}) =>
  channelCustomer({
    externalId: '7',
    updatedAt: '2026-01-02T03:04:05Z',
    email: 'Anna@Example.com',
    firstName: 'Anna',
    lastName: 'Berg',
    phones: ['030 1234567'],
    addresses: [
      channelAddress({ street: 'Hauptstraße 1', postalCode: '10115', city: 'Berlin', country: 'DE' }),
    ],
    ...fields,
  });

describe('customerFacts', () => {
  it('works out a customer once and gives the same facts again', () => {
    const one = customer();
    expect(customerFacts(one)).toBe(customerFacts(one));
    expect(customerKeys(one)).toEqual(matchKeys(one));
    expect(customerKeys(one)).toBe(customerKeys(one));
    expect(PREPARED_ROWS.fields(one)).toBe(partnerRowFields(one, matchKeys(one)));
  });

  it('fingerprints the data without its change and creation times', () => {
    const one = customer();
    const later = customer({ updatedAt: '2026-05-05T00:00:00Z', createdAt: '2020-01-01T00:00:00Z' });
    const renamed = customer({ lastName: 'Berg-Lund' });
    expect(customerFacts(later).fingerprint).toBe(customerFacts(one).fingerprint);
    expect(customerFacts(renamed).fingerprint).not.toBe(customerFacts(one).fingerprint);
  });

  it('finds a NUL character wherever it is, as a search of the whole JSON would', () => {
    const cases = [
      customer(),
      customer({ lastName: 'Be\u0000rg' }),
      customer({
        addresses: [channelAddress({ street: 'x\u0000', postalCode: '1', city: 'c', country: 'DE' })],
      }),
      customer({ updatedAt: '2026-01-02\u0000' }),
      customer({ createdAt: '\u00002020-01-01' }),
      customer({ phones: ['1', '\u0000'] }),
    ];
    expect(cases.map((item) => customerFacts(item).hasNul)).toEqual(
      cases.map((item) => JSON.stringify(item).includes('\\u0000')),
    );
    expect(cases.map((item) => customerFacts(item).hasNul)).toEqual([false, true, true, true, true, true]);
  });

  it('prepares the rows of the records to be written, and works out the others when asked', () => {
    const person = customer();
    const company = customer({ company: 'Berg GmbH' });
    const unchanged = customer({ externalId: '8' });
    const history = vi.spyOn(rows, 'createdHistoryJson');
    prepareCustomers([person, company, unchanged], 'b2b-b2c', (item) => item !== unchanged);
    expect(history.mock.calls.map(([item, type]) => [item, type])).toEqual([
      [person, 'B2C'],
      [company, 'B2B'],
    ]);
    // Prepared: given again without working it out; another type (or a record not prepared) on demand.
    expect(PREPARED_ROWS.createdHistory(person, 'B2C')).toBe(createdHistoryJson(person, 'B2C'));
    expect(history).toHaveBeenCalledTimes(3);
    expect(PREPARED_ROWS.createdHistory(person, 'B2B')).toBe(createdHistoryJson(person, 'B2B'));
    expect(PREPARED_ROWS.fields(unchanged)).toBe(partnerRowFields(unchanged, matchKeys(unchanged)));
    history.mockRestore();
  });
});
