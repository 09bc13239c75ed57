import { describe, expect, it } from 'vitest';
import { mapWebshopItem } from './map.ts';
import type { WebshopCustomer } from './webshop-types.ts';

const company = (overrides: Partial<WebshopCustomer> = {}): WebshopCustomer => ({
  id: 1042,
  deleted: false,
  name: ' Nowak Instalacje Sp. z o.o. ',
  tin: 'PL5260250995',
  email: 'biuro@nowak-instalacje.pl',
  phones: [
    { type: 'phone', number: '+48 12 345 67 89' },
    { type: 'mobile', number: '+48 601 234 567' },
    { type: 'fax', number: '+48 12 345 67 80' },
  ],
  addresses: [
    {
      id: 1,
      name: 'Nowak Instalacje',
      street: 'ul. Długa 5',
      street2: 'lok. 3',
      postalCode: '31-147',
      city: 'Kraków',
      countryCode: 'pl',
      phone: '+48 12 3456789',
      isBilling: true,
      isDelivery: false,
      isDefaultBilling: true,
      isDefaultDelivery: false,
    },
    {
      id: 2,
      name: 'Magazyn',
      street: 'ul. Składowa 12',
      street2: null,
      postalCode: '30-001',
      city: 'Kraków',
      countryCode: 'Polska',
      phone: '+48 12 999 99 99',
      isBilling: false,
      isDelivery: true,
      isDefaultBilling: false,
      isDefaultDelivery: true,
    },
  ],
  employees: [
    {
      id: 7,
      firstName: 'Jan',
      lastName: 'Nowak',
      position: null,
      email: 'jan@nowak.pl',
      phone: null,
      isMain: true,
      active: true,
    },
    {
      id: 8,
      firstName: 'Ewa',
      lastName: 'Lis',
      position: 'Zakupy',
      email: 'ewa@nowak.pl',
      phone: '+48 600 000 001',
      isMain: false,
      active: true,
    },
    {
      id: 9,
      firstName: 'Olek',
      lastName: 'Stary',
      position: 'Zakupy',
      email: null,
      phone: null,
      isMain: false,
      active: false,
    },
    {
      id: 10,
      firstName: null,
      lastName: null,
      position: 'Biuro',
      email: 'biuro@nowak.pl',
      phone: null,
      isMain: false,
      active: true,
    },
  ],
  createdAt: '2024-01-15T09:00:00.000+01:00',
  modifiedAt: '2025-03-02T14:05:09.120+01:00',
  ...overrides,
});

describe('mapWebshopItem', () => {
  it('maps a company: owner as name, TIN, callable phones, billing and delivery addresses, active employees', () => {
    const result = mapWebshopItem(company());
    expect(result).toEqual({
      kind: 'customer',
      customer: {
        externalId: '1042',
        email: 'biuro@nowak-instalacje.pl',
        firstName: 'Jan',
        lastName: 'Nowak',
        company: 'Nowak Instalacje Sp. z o.o.',
        taxId: 'PL5260250995',
        phones: ['+48 12 345 67 89', '+48 601 234 567', '+48 12 999 99 99'],
        websites: [],
        addresses: [
          {
            street: 'ul. Długa 5, lok. 3',
            postalCode: '31-147',
            city: 'Kraków',
            country: 'PL',
            region: null,
            defaultBilling: true,
            defaultShipping: false,
          },
          {
            street: 'ul. Składowa 12',
            postalCode: '30-001',
            city: 'Kraków',
            country: 'Polska',
            region: null,
            defaultBilling: false,
            defaultShipping: true,
          },
        ],
        contacts: [
          { name: 'Jan Nowak', function: null, email: 'jan@nowak.pl', phone: null },
          { name: 'Ewa Lis', function: 'Zakupy', email: 'ewa@nowak.pl', phone: '+48 600 000 001' },
          { name: 'biuro@nowak.pl', function: 'Biuro', email: 'biuro@nowak.pl', phone: null },
        ],
        salesTaxClassification: null,
        salesRepresentative: null,
        guest: false,
        createdAt: '2024-01-15T08:00:00.000Z',
        updatedAt: '2025-03-02T13:05:09.120Z',
      },
    });
  });

  it('takes lists the webshop writes as null as empty', () => {
    const result = mapWebshopItem(company({ phones: null, addresses: null, employees: null }));
    expect(result).toMatchObject({
      kind: 'customer',
      customer: { phones: [], addresses: [], contacts: [], firstName: null, lastName: null },
    });
  });

  it('delivers a tombstone as a deleted customer', () => {
    const at = '2025-07-01T10:00:00.000+02:00';
    expect(mapWebshopItem({ id: 77, deleted: true, deletedAt: at, modifiedAt: at })).toEqual({
      kind: 'deleted',
      deleted: { externalId: '77', deletedAt: '2025-07-01T08:00:00.000Z' },
    });
  });

  it.each([
    ['not an object', 'x', { externalId: null, code: 'INVALID_RECORD', updatedAt: null }],
    [
      'no id',
      { ...company(), id: 0 },
      { externalId: null, code: 'MISSING_ID', updatedAt: '2025-03-02T13:05:09.120Z' },
    ],
    [
      'the empty date',
      { ...company(), modifiedAt: '0001-01-01T00:00:00' },
      { externalId: '1042', code: 'INVALID_DATE', updatedAt: null },
    ],
    [
      'employees not a list',
      { ...company(), employees: 'Jan Nowak' },
      { externalId: '1042', code: 'INVALID_RECORD' },
    ],
  ])('rejects a record with %s', (_what, raw, rejected) => {
    const result = mapWebshopItem(raw);
    expect(result.kind).toBe('rejected');
    if (result.kind === 'rejected') {
      expect(result.rejected).toMatchObject(rejected);
      expect(result.rejected.message.length).toBeGreaterThan(20);
    }
  });
  it('refuses a customer whose addresses are malformed instead of dropping or blanking them', () => {
    const [billing, delivery] = company().addresses ?? [];
    const malformed: [unknown, string][] = [
      ['ul. Długa 5', '"addresses" is not a list'],
      [[billing, 'ul. Składowa 12'], 'address 2 of "addresses" is not an object'],
      [[null, delivery], 'address 1 of "addresses" is not an object'],
      [[{ ...billing, street: { line: 'ul. Długa 5' } }], '"street" of address 1 of "addresses" is not text'],
      [[billing, { ...delivery, city: ['Kraków'] }], '"city" of address 2 of "addresses" is not text'],
      [
        [{ ...billing, countryCode: { code: 'PL' } }],
        '"countryCode" of address 1 of "addresses" is not text',
      ],
      [[{ ...billing, postalCode: false }], '"postalCode" of address 1'],
    ];
    for (const [addresses, message] of malformed) {
      const result = mapWebshopItem({ ...company(), addresses });
      expect(result.kind === 'rejected' ? result.rejected : result, message).toEqual({
        externalId: '1042',
        code: 'INVALID_RECORD',
        message: expect.stringContaining(message),
        updatedAt: '2025-03-02T13:05:09.120Z',
      });
    }
    // The webshop writes an empty list as null: a customer without addresses.
    const none = mapWebshopItem({ ...company(), addresses: null });
    expect(none.kind === 'customer' && none.customer.addresses).toEqual([]);
  });
});
