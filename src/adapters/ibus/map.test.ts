import { describe, expect, it } from 'vitest';
import { SYNCHRONIZED_CUSTOMER as customer } from '../../../test/support/ibus-customers.ts';
import { mapIbusEntry } from './map.ts';

describe('mapIbusEntry', () => {
  it('maps every field of a customer', () => {
    expect(mapIbusEntry(customer)).toEqual({
      kind: 'customer',
      customer: {
        externalId: 'K-000042',
        email: 'einkauf@mueller-soehne.de',
        firstName: 'Jürgen',
        lastName: 'Müller',
        company: 'Müller & Söhne GmbH',
        taxId: 'DE811569869',
        phones: ['+49 89 1234567', '+49 171 2345678'],
        websites: ['https://www.mueller-soehne.de'],
        addresses: [
          {
            street: 'Leopoldstraße 1, 3. OG',
            postalCode: '80802',
            city: 'München',
            country: 'DE',
            region: 'Bayern',
            defaultBilling: true,
            defaultShipping: false,
          },
          {
            street: 'Lagerweg 5',
            postalCode: '85748',
            city: 'Garching',
            country: 'DE',
            region: null,
            defaultBilling: false,
            defaultShipping: true,
          },
        ],
        contacts: [
          {
            name: 'Eva Huber',
            function: 'Einkauf',
            email: 'e.huber@mueller-soehne.de',
            phone: '+49 171 111',
          },
        ],
        salesTaxClassification: 'domestic',
        salesRepresentative: 'SR-03',
        guest: false,
        createdAt: '2025-05-30T17:00:00.000Z',
        updatedAt: '2025-06-01T08:03:11.123Z',
      },
    });
  });

  it('takes the invoice address as default billing, and main for both without typed ones', () => {
    const typed = mapIbusEntry({
      ...customer,
      addresses: [
        { ...customer.addresses[0], type: 'correspondence' },
        { ...customer.addresses[1], type: 'invoice' },
        { ...customer.addresses[0], type: 'main' },
      ],
    });
    const flags = (r: ReturnType<typeof mapIbusEntry>) =>
      r.kind === 'customer' ? r.customer.addresses.map((a) => [a.defaultBilling, a.defaultShipping]) : null;
    expect(flags(typed)).toEqual([
      [false, false],
      [true, false],
      [false, true],
    ]);
    expect(flags(mapIbusEntry({ ...customer, addresses: [] }))).toEqual([]);
  });

  it('maps a tombstone to a deleted customer at its change time', () => {
    expect(mapIbusEntry({ id: 'K-000007', changedAt: '2025-06-02T10:00:00.000Z', deleted: true })).toEqual({
      kind: 'deleted',
      deleted: { externalId: 'K-000007', deletedAt: '2025-06-02T10:00:00.000Z' },
    });
  });

  it('delivers unknown countries and classification codes as they are, and no e-mail as null', () => {
    const result = mapIbusEntry({
      ...customer,
      email: null,
      salesTaxClassification: 'EXPORT_ZERO',
      addresses: [{ ...customer.addresses[0], countryCode: ' Deutschland ' }],
      salesRepresentative: null,
    });
    expect(result.kind === 'customer' && result.customer).toMatchObject({
      email: null,
      salesTaxClassification: 'EXPORT_ZERO',
      salesRepresentative: null,
      addresses: [{ country: 'Deutschland' }],
    });
  });

  it.each([
    [null, 'INVALID_RECORD', null],
    [{ ...customer, id: '' }, 'MISSING_ID', null],
    [{ ...customer, changedAt: '2024-02-30T10:00:00.000Z' }, 'INVALID_DATE', 'K-000042'],
    [{ ...customer, changedAt: undefined }, 'INVALID_DATE', 'K-000042'],
    [{ ...customer, email: 'einkauf (at) mueller.de' }, 'INVALID_EMAIL', 'K-000042'],
    [{ ...customer, name: '  ' }, 'INVALID_RECORD', 'K-000042'],
  ])('rejects %# with %s', (raw, code, externalId) => {
    const result = mapIbusEntry(raw);
    expect(result.kind).toBe('rejected');
    if (result.kind !== 'rejected') return;
    expect(result.rejected).toMatchObject({ code, externalId });
    expect(result.rejected.message.length).toBeGreaterThan(20);
  });
  it('refuses a customer whose addresses are malformed instead of delivering it without them', () => {
    const [main, delivery] = customer.addresses;
    const malformed: [unknown, string][] = [
      ['not-a-list', '"addresses" is not a list'],
      [null, '"addresses" is not a list'],
      [{ 0: main }, '"addresses" is not a list'],
      [[main, 'Lagerweg 5'], 'address 2 of "addresses" is not an object'],
      [[null], 'address 1 of "addresses" is not an object'],
      [
        [{ ...main, street: { name: 'Leopoldstraße 1' } }],
        '"street" of address 1 of "addresses" is not text',
      ],
      [[main, { ...delivery, city: ['Garching'] }], '"city" of address 2 of "addresses" is not text'],
      [[{ ...main, countryCode: { code: 'DE' } }], '"countryCode" of address 1 of "addresses" is not text'],
      [[{ ...main, postalCode: true }], '"postalCode" of address 1'],
    ];
    for (const [addresses, message] of malformed) {
      const result = mapIbusEntry({ ...customer, addresses });
      expect(result.kind === 'rejected' ? result.rejected : result, message).toEqual({
        externalId: 'K-000042',
        code: 'INVALID_RECORD',
        message: expect.stringContaining(message),
        updatedAt: '2025-06-01T08:03:11.123Z',
      });
    }
    // An empty list is a customer without addresses.
    const none = mapIbusEntry({ ...customer, addresses: [] });
    expect(none.kind === 'customer' && none.customer.addresses).toEqual([]);
  });
});
