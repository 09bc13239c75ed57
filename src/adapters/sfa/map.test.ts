import { describe, expect, it } from 'vitest';
import { mapSfaCustomer } from './map.ts';
import type { SfaCustomer } from './sfa-types.ts';

const rep = (code: string) => ({ id: 1, code, firstName: 'Jan', lastName: 'Kowalski' });
const customer = (overrides: Partial<SfaCustomer> = {}): SfaCustomer => ({
  id: '3f2b8c1e-4a5d-4e6f-9a7b-1c2d3e4f5a6b',
  number: 'K/2024/000123',
  name: 'Müller Haustechnik GmbH',
  taxId: 'DE123456789',
  email: 'info@mueller-haustechnik.de',
  phone: '+49 30 1234567',
  mobile: '+49301234567',
  website: 'https://www.mueller-haustechnik.de',
  address: { street: 'Hauptstraße 12, 3. OG', postalCode: '10115', city: 'Berlin', country: 'de' },
  deliveryAddresses: [
    { id: 'd1', street: 'Lagerweg 1', postalCode: '12099', city: 'Berlin', country: 'DE', isDefault: true },
    {
      id: 'd2',
      street: 'Rue 5',
      postalCode: '75001',
      city: 'Paris',
      country: 'Frankreich',
      isDefault: false,
    },
  ],
  contactPersons: [
    { id: 'c1', firstName: 'Eva', lastName: 'Braun', position: 'Einkauf', email: 'eva@m.de', phone: null },
    { id: 'c2', firstName: null, lastName: null, position: null, email: null, phone: '+49 1' },
  ],
  owner: rep('AKRAUSE'),
  createdBy: rep('JKOWALSKI'),
  deviceId: 'android-jkowalski',
  enteredAt: '2024-05-17T09:58:00',
  createdAt: '2024-05-17T10:03:11.000Z',
  modifiedAt: '2025-02-01T08:00:00.500Z',
  ...overrides,
});

describe('mapSfaCustomer', () => {
  it('maps a customer: company as name, phones, website, main and delivery addresses, contacts, owner', () => {
    expect(mapSfaCustomer(customer())).toEqual({
      ok: true,
      customer: {
        externalId: '3f2b8c1e-4a5d-4e6f-9a7b-1c2d3e4f5a6b',
        email: 'info@mueller-haustechnik.de',
        firstName: null,
        lastName: null,
        company: 'Müller Haustechnik GmbH',
        taxId: 'DE123456789',
        phones: ['+49 30 1234567'],
        websites: ['https://www.mueller-haustechnik.de'],
        addresses: [
          {
            street: 'Hauptstraße 12, 3. OG',
            postalCode: '10115',
            city: 'Berlin',
            country: 'DE',
            region: null,
            defaultBilling: true,
            defaultShipping: false,
          },
          {
            street: 'Lagerweg 1',
            postalCode: '12099',
            city: 'Berlin',
            country: 'DE',
            region: null,
            defaultBilling: false,
            defaultShipping: true,
          },
          {
            street: 'Rue 5',
            postalCode: '75001',
            city: 'Paris',
            country: 'Frankreich',
            region: null,
            defaultBilling: false,
            defaultShipping: false,
          },
        ],
        contacts: [{ name: 'Eva Braun', function: 'Einkauf', email: 'eva@m.de', phone: null }],
        salesTaxClassification: null,
        salesRepresentative: 'AKRAUSE',
        guest: false,
        createdAt: '2024-05-17T10:03:11.000Z',
        updatedAt: '2025-02-01T08:00:00.500Z',
      },
    });
  });

  it('ships to the main address without a default delivery address; the creator is the representative without owner', () => {
    const result = mapSfaCustomer(customer({ deliveryAddresses: [], owner: null, website: null }));
    expect(result).toMatchObject({
      ok: true,
      customer: {
        salesRepresentative: 'JKOWALSKI',
        websites: [],
        addresses: [{ defaultBilling: true, defaultShipping: true }],
      },
    });
  });

  it.each([
    ['not an object', null, { externalId: null, code: 'INVALID_RECORD' }],
    ['no id', { ...customer(), id: '' }, { externalId: null, code: 'MISSING_ID' }],
    [
      'a local modifiedAt',
      { ...customer(), modifiedAt: '2025-02-01T08:00:00' },
      { code: 'INVALID_DATE', updatedAt: null },
    ],
    [
      'contact persons as text',
      { ...customer(), contactPersons: 'Jan Kowalski, tel. 601' },
      { code: 'INVALID_RECORD' },
    ],
    ['an address as text', { ...customer(), address: 'ul. Długa 5' }, { code: 'INVALID_RECORD' }],
  ])('rejects a record with %s', (_what, raw, rejected) => {
    const result = mapSfaCustomer(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.rejected).toMatchObject(rejected);
  });
  it('refuses a customer whose addresses are malformed instead of delivering it without them', () => {
    const base = customer();
    const [first] = base.deliveryAddresses;
    const malformed: [Partial<Record<keyof SfaCustomer, unknown>>, string][] = [
      [{ address: 'Hauptstraße 12, 10115 Berlin' }, '"address" is not an object'],
      [{ address: [base.address] }, '"address" is not an object'],
      [
        { address: { ...base.address, street: { line: 'Hauptstraße 12' } } },
        '"street" of "address" is not text',
      ],
      [{ address: { ...base.address, country: { code: 'DE' } } }, '"country" of "address" is not text'],
      [{ deliveryAddresses: 'Lagerweg 1' }, '"deliveryAddresses" is not a list'],
      [{ deliveryAddresses: [first, 'Rue 5'] }, 'address 2 of "deliveryAddresses" is not an object'],
      [
        { deliveryAddresses: [{ ...first, city: ['Berlin'] }] },
        '"city" of address 1 of "deliveryAddresses" is not text',
      ],
      [{ deliveryAddresses: [{ ...first, country: ['DE'] }] }, '"country" of address 1'],
      [{ deliveryAddresses: [{ ...first, postalCode: true }] }, '"postalCode" of address 1'],
    ];
    for (const [overrides, message] of malformed) {
      const result = mapSfaCustomer({ ...base, ...overrides });
      expect(result.ok ? null : result.rejected, message).toEqual({
        externalId: '3f2b8c1e-4a5d-4e6f-9a7b-1c2d3e4f5a6b',
        code: 'INVALID_RECORD',
        message: expect.stringContaining(message),
        updatedAt: '2025-02-01T08:00:00.500Z',
      });
    }
    // No main address (null) and no delivery addresses (null) are a customer without addresses.
    const none = mapSfaCustomer({ ...base, address: null, deliveryAddresses: null });
    expect(none.ok && none.customer.addresses).toEqual([]);
  });
});
