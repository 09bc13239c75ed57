import { describe, expect, it } from 'vitest';
import { channelCustomer } from '../../../test/support/channel-customers.ts';
import { LEGACY_MAPPING } from '../../simulators/cloud/simulator-flavours.ts';
import { mapCloudItem } from './map.ts';
import { readMapping } from './mapping.ts';

const kontorItem = {
  id: 'c-00042',
  email: 'anna.kowalska@example.pl',
  firstName: 'Anna',
  lastName: 'Kowalska',
  company: { name: 'Kowalska Design', vatId: 'PL5260250995' },
  phones: ['+48 22 123 45 67', '+48221234567', '+48 601 000 111'],
  website: 'https://kowalska.example.pl',
  guest: false,
  addresses: [
    {
      street: 'ul. Długa 5',
      street2: 'm. 3',
      postalCode: '00-238',
      city: 'Warszawa',
      country: 'pl',
      region: null,
      defaultBilling: true,
      defaultShipping: false,
    },
    {
      street: 'Rue de Rivoli 12',
      street2: null,
      postalCode: '75001',
      city: 'Paris',
      country: 'FR',
      region: 'Île-de-France',
      defaultBilling: false,
      defaultShipping: true,
    },
  ],
  createdAt: '2024-01-02T03:04:05.000Z',
  updatedAt: '2025-06-01T10:00:00.000Z',
};

const legacyItem = {
  customer_no: 10042,
  mail: 'j.smith@example.co.uk',
  first_name: 'John',
  last_name: 'Smith',
  contact: {
    phone_numbers: [
      { kind: 'landline', number: '+44 20 7946 0000' },
      { kind: 'mobile', number: '+44 7700 900123' },
    ],
    homepage: '',
  },
  account_type: 'GUEST',
  addresses: [
    {
      line1: '221B Baker Street',
      line2: '',
      zip: 'NW1 6XE',
      town: 'London',
      country_code: 'gb',
      state: '',
      kind: 'billing',
      ships_here: 1,
    },
  ],
  created: '2024-05-17 08:03:11',
  modified: 1717236000,
};

describe('mapCloudItem', () => {
  it('maps a Kontor-shape item with the default mapping', () => {
    const result = mapCloudItem(kontorItem, readMapping(''));
    expect(result).toEqual({
      ok: true,
      customer: channelCustomer({
        externalId: 'c-00042',
        email: 'anna.kowalska@example.pl',
        firstName: 'Anna',
        lastName: 'Kowalska',
        company: 'Kowalska Design',
        taxId: 'PL5260250995',
        phones: ['+48 22 123 45 67', '+48 601 000 111'],
        websites: ['https://kowalska.example.pl'],
        addresses: [
          {
            street: 'ul. Długa 5, m. 3',
            postalCode: '00-238',
            city: 'Warszawa',
            country: 'PL',
            region: null,
            defaultBilling: true,
            defaultShipping: false,
          },
          {
            street: 'Rue de Rivoli 12',
            postalCode: '75001',
            city: 'Paris',
            country: 'FR',
            region: 'Île-de-France',
            defaultBilling: false,
            defaultShipping: true,
          },
        ],
        createdAt: '2024-01-02T03:04:05.000Z',
        updatedAt: '2025-06-01T10:00:00.000Z',
      }),
    });
  });

  it('maps a legacy item with its mapping: numbers as ids, unix and SQL times, comparisons, spread lists', () => {
    const result = mapCloudItem(legacyItem, readMapping(JSON.stringify(LEGACY_MAPPING)));
    expect(result.ok && result.customer).toMatchObject({
      externalId: '10042',
      email: 'j.smith@example.co.uk',
      company: null,
      taxId: null,
      phones: ['+44 20 7946 0000', '+44 7700 900123'],
      websites: [],
      guest: true,
      addresses: [
        {
          street: '221B Baker Street',
          postalCode: 'NW1 6XE',
          city: 'London',
          country: 'GB',
          region: null,
          defaultBilling: true,
          defaultShipping: true,
        },
      ],
      createdAt: '2024-05-17T08:03:11.000Z',
      updatedAt: '2024-06-01T10:00:00.000Z',
    });
  });

  it('makes the first address the default one when the mapping has no default flags; keeps unknown countries', () => {
    const mapping = readMapping('{"address":{"defaultBilling":null,"defaultShipping":null}}');
    const result = mapCloudItem(
      {
        ...kontorItem,
        addresses: [{ ...kontorItem.addresses[0], country: 'Polska' }, kontorItem.addresses[1]],
      },
      mapping,
    );
    expect(
      result.ok && result.customer.addresses.map((a) => [a.country, a.defaultBilling, a.defaultShipping]),
    ).toEqual([
      ['Polska', true, true],
      ['FR', false, false],
    ]);
  });

  it.each([
    ['not an object', 'x', 'INVALID_RECORD', null],
    ['no id', { ...kontorItem, id: null }, 'MISSING_ID', null],
    ['no change time', { ...kontorItem, updatedAt: undefined }, 'INVALID_DATE', 'c-00042'],
    [
      'an unreadable change time',
      { ...kontorItem, updatedAt: '2025-13-01T00:00:00Z' },
      'INVALID_DATE',
      'c-00042',
    ],
    ['a bad e-mail', { ...kontorItem, email: 'anna(at)example.pl' }, 'INVALID_EMAIL', 'c-00042'],
  ])('rejects an item with %s', (_what, raw, code, externalId) => {
    const result = mapCloudItem(raw, readMapping(''));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.rejected).toMatchObject({ code, externalId });
  });
  it('refuses an item whose addresses are malformed instead of delivering it without them', () => {
    const [billing, shipping] = kontorItem.addresses;
    const malformed: [unknown, string][] = [
      ['ul. Długa 5, 00-238 Warszawa', '"addresses" is not a list'],
      [42, '"addresses" is not a list'],
      [[billing, 'Rue de Rivoli 12'], 'address 2 of "addresses" is not an object'],
      [[[billing]], 'address 1 of "addresses" is not an object'],
      [
        [{ ...billing, street: { line: 'ul. Długa 5' } }],
        'a line of "street" of address 1 of "addresses" is not text',
      ],
      [[billing, { ...shipping, city: ['Paris'] }], '"city" of address 2 of "addresses" is not text'],
      [[{ ...billing, country: { code: 'PL' } }], '"country" of address 1 of "addresses" is not text'],
      [[{ ...billing, postalCode: true }], '"postalCode" of address 1'],
    ];
    for (const [addresses, message] of malformed) {
      const result = mapCloudItem({ ...kontorItem, addresses }, readMapping(''));
      expect(result.ok ? null : result.rejected, message).toEqual({
        externalId: 'c-00042',
        code: 'INVALID_RECORD',
        message: expect.stringContaining(message),
        updatedAt: '2025-06-01T10:00:00.000Z',
      });
    }
    // Through a mapping the fields are those the mapping reads ("town" for city).
    const legacy = mapCloudItem(
      { ...legacyItem, addresses: [{ ...legacyItem.addresses[0], town: { name: 'London' } }] },
      readMapping(JSON.stringify(LEGACY_MAPPING)),
    );
    expect(legacy.ok ? null : legacy.rejected.message).toContain(
      '"city" of address 1 of "addresses" is not text',
    );
    // Nothing at the path (left out or null) is an item without addresses.
    for (const addresses of [undefined, null, []]) {
      const result = mapCloudItem({ ...kontorItem, addresses }, readMapping(''));
      expect(result.ok && result.customer.addresses).toEqual([]);
    }
  });
});
