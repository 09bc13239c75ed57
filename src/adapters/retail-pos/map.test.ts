import { describe, expect, it } from 'vitest';
import { ean13 } from '../../simulators/retail-pos/seed.ts';
import { localIsoWithOffset } from '../date-times.ts';
import { mapPosCustomer } from './map.ts';
import type { PosAddress, PosCustomer } from './pos-types.ts';

function customer(overrides: Partial<PosCustomer> = {}): PosCustomer {
  return {
    customerId: '100045',
    status: 'active',
    type: 'person',
    firstName: 'Agnieszka',
    lastName: 'Wójcik',
    companyName: null,
    taxId: null,
    email: 'agnieszka.wojcik@wp.pl',
    phone: '601 234 567',
    mobilePhone: '+48 601 234 567',
    address: { street: 'ul. Marszałkowska 12/4', postalCode: '00-026', city: 'Warszawa', countryCode: 'pl' },
    loyaltyCards: [
      {
        cardNumber: '2900000000452',
        status: 'active',
        issuedAt: '2024-03-01T10:15:30+01:00',
        storeId: 'PL-WAR-01',
      },
    ],
    registeredIn: { storeId: 'PL-WAR-01', storeName: 'Kontor Retail Warszawa' },
    marketingConsent: true,
    createdAt: '2024-03-01T10:15:30+01:00',
    modifiedAt: '2025-06-01T08:00:00.123Z',
    ...overrides,
  };
}

function mapped(raw: unknown) {
  const result = mapPosCustomer(raw);
  if (!result.ok) throw new Error(result.rejected.message);
  return result.customer;
}

describe('mapping a Retail POS customer', () => {
  it('maps a store customer; the customer number is the external id, cards and store are not imported', () => {
    expect(mapped(customer())).toEqual({
      externalId: '100045',
      email: 'agnieszka.wojcik@wp.pl',
      firstName: 'Agnieszka',
      lastName: 'Wójcik',
      company: null,
      taxId: null,
      phones: ['601 234 567', '+48 601 234 567'],
      websites: [],
      addresses: [
        {
          street: 'ul. Marszałkowska 12/4',
          postalCode: '00-026',
          city: 'Warszawa',
          country: 'PL',
          region: null,
          defaultBilling: true,
          defaultShipping: true,
        },
      ],
      contacts: [],
      salesTaxClassification: null,
      salesRepresentative: null,
      guest: false,
      createdAt: '2024-03-01T09:15:30.000Z',
      updatedAt: '2025-06-01T08:00:00.123Z',
    });
  });

  it('maps a company customer with its tax id; a company name of a person customer is no company', () => {
    const company = mapped(
      customer({ type: 'company', companyName: 'Wójcik Sp. z o.o.', taxId: '5260250995' }),
    );
    expect(company).toMatchObject({ company: 'Wójcik Sp. z o.o.', taxId: '5260250995' });
    expect(mapped(customer({ companyName: 'Wójcik Sp. z o.o.' })).company).toBeNull();
  });

  it('takes customers without e-mail or address (registered with a phone number only)', () => {
    const phoneOnly = mapped(customer({ email: null, address: null, mobilePhone: null }));
    expect(phoneOnly).toMatchObject({ email: null, addresses: [], phones: ['601 234 567'] });
    const empty = mapped(
      customer({ address: { street: ' ', postalCode: null, city: null, countryCode: null } }),
    );
    expect(empty.addresses).toEqual([]);
  });

  it('delivers a country that is no ISO code as it is, for the import rules to warn about', () => {
    for (const countryCode of ['POL', 'D', 'UK']) {
      const address = { street: 'Rynek 1', postalCode: '00-001', city: 'Kraków', countryCode };
      expect(mapped(customer({ address })).addresses[0]?.country).toBe(countryCode);
    }
  });

  it('refuses a customer whose address is malformed instead of delivering it without one', () => {
    const address = customer().address as PosAddress;
    const malformed: [unknown, string][] = [
      ['ul. Marszałkowska 12/4, 00-026 Warszawa', '"address" is not an object'],
      [[address], '"address" is not an object'],
      [{ ...address, street: { line: 'ul. Marszałkowska 12/4' } }, '"street" of "address" is not text'],
      [{ ...address, city: ['Warszawa'] }, '"city" of "address" is not text'],
      [
        { ...address, countryCode: null, postalCode: { code: '00-026' } },
        '"postalCode" of "address" is not text',
      ],
      [{ ...address, countryCode: { iso: 'PL' } }, '"countryCode" of "address" is not text'],
    ];
    for (const [malformedAddress, message] of malformed) {
      const result = mapPosCustomer({ ...customer(), address: malformedAddress });
      expect(result.ok ? null : result.rejected, message).toEqual({
        externalId: '100045',
        code: 'INVALID_RECORD',
        message: expect.stringContaining(message),
        updatedAt: '2025-06-01T08:00:00.123Z',
      });
    }
    // No address (null or left out) is a customer without an address.
    expect(mapped(customer({ address: null })).addresses).toEqual([]);
    expect(mapped({ ...customer(), address: undefined }).addresses).toEqual([]);
  });

  it('rejects what it cannot use, with stable codes', () => {
    const rejected = (raw: unknown) => {
      const result = mapPosCustomer(raw);
      if (result.ok) throw new Error('not rejected');
      return result.rejected;
    };
    expect(rejected(null)).toMatchObject({ code: 'INVALID_RECORD' });
    expect(rejected(customer({ customerId: ' ' }))).toMatchObject({
      code: 'MISSING_ID',
      updatedAt: '2025-06-01T08:00:00.123Z',
    });
    for (const modifiedAt of ['2025-06-01 08:00:00', '2025-06-01T08:00:00', 'yesterday'])
      expect(rejected(customer({ modifiedAt }))).toMatchObject({ code: 'INVALID_DATE', updatedAt: null });
    for (const email of ['jan.kowalski@wp', 'jan.kowalski.wp.pl', 'jan@@wp.pl'])
      expect(rejected(customer({ email }))).toMatchObject({ code: 'INVALID_EMAIL', externalId: '100045' });
  });

  it('writes card numbers as EAN-13 and store times with their offset (simulator data)', () => {
    expect(ean13('400638133393')).toBe('4006381333931');
    expect(localIsoWithOffset(Date.parse('2025-06-01T08:00:00Z'), 'Europe/Warsaw')).toBe(
      '2025-06-01T10:00:00+02:00',
    );
    expect(localIsoWithOffset(Date.parse('2025-01-01T08:00:00Z'), 'Europe/London')).toBe(
      '2025-01-01T08:00:00+00:00',
    );
  });
});
