import { describe, expect, it } from 'vitest';
import { accepted, channelAddress, channelCustomer } from '../../../test/support/channel-customers.ts';
import { changeTimeOf, mapShopwareCustomer } from './map.ts';
import type { ShopwareAddress, ShopwareCustomer } from './shopware-types.ts';

const BILLING = 'a1000000000000000000000000000001';
const SHIPPING = 'a1000000000000000000000000000002';

function address(overrides: Partial<ShopwareAddress> = {}): ShopwareAddress {
  return {
    id: BILLING,
    customerId: 'c0000000000000000000000000000001',
    countryId: 'd0000000000000000000000000000049',
    countryStateId: 'e0000000000000000000000000000001',
    salutationId: null,
    firstName: 'Jürgen',
    lastName: 'Weiß',
    zipcode: '80331',
    city: 'München',
    company: null,
    street: 'Sendlinger Straße 12',
    department: null,
    title: null,
    phoneNumber: '+49 89 1234567',
    additionalAddressLine1: null,
    additionalAddressLine2: null,
    customFields: null,
    createdAt: '2024-01-10T10:00:00.000+00:00',
    updatedAt: null,
    country: {
      id: 'd0000000000000000000000000000049',
      iso: 'DE',
      iso3: 'DEU',
      name: 'Germany',
      apiAlias: 'country',
    },
    countryState: {
      id: 'e0000000000000000000000000000001',
      countryId: 'x',
      shortCode: 'DE-BY',
      name: 'Bayern',
      apiAlias: 'country_state',
    },
    apiAlias: 'customer_address',
    ...overrides,
  };
}

function customer(overrides: Partial<ShopwareCustomer> = {}): ShopwareCustomer {
  return {
    id: 'c0000000000000000000000000000001',
    customerNumber: '10042',
    email: 'juergen.weiss@example.de',
    firstName: 'Jürgen',
    lastName: 'Weiß',
    company: null,
    vatIds: null,
    accountType: 'private',
    guest: false,
    createdAt: '2024-01-10T10:00:00.123+00:00',
    updatedAt: null,
    defaultBillingAddressId: BILLING,
    defaultShippingAddressId: BILLING,
    addresses: [address()],
    apiAlias: 'customer',
    ...overrides,
  } as ShopwareCustomer;
}

const mapped = (raw: unknown) => accepted(mapShopwareCustomer(raw));

describe('mapShopwareCustomer', () => {
  it('maps a private customer; the change time is createdAt while updatedAt is null; regions are not imported', () => {
    expect(mapped(customer())).toEqual(
      channelCustomer({
        externalId: 'c0000000000000000000000000000001',
        email: 'juergen.weiss@example.de',
        firstName: 'Jürgen',
        lastName: 'Weiß',
        phones: ['+49 89 1234567'],
        addresses: [
          channelAddress({
            street: 'Sendlinger Straße 12',
            postalCode: '80331',
            city: 'München',
            country: 'DE',
          }),
        ],
        createdAt: '2024-01-10T10:00:00.123Z',
        updatedAt: '2024-01-10T10:00:00.123Z',
      }),
    );
  });

  it('uses updatedAt once the customer was changed, converting the offset to UTC', () => {
    const raw = customer({ updatedAt: '2025-03-01T09:15:00.500+02:00' });
    expect(mapped(raw).updatedAt).toBe('2025-03-01T07:15:00.500Z');
    expect(changeTimeOf(raw)).toBe('2025-03-01T07:15:00.500Z');
  });

  it('takes company and the first VAT id of a business account, and flags default addresses', () => {
    const result = mapped(
      customer({
        accountType: 'business',
        company: ' Weiß Maschinenbau GmbH ',
        vatIds: ['', 'DE123456789', 'DE999999999'],
        defaultShippingAddressId: SHIPPING,
        addresses: [
          address({
            company: 'Weiß Maschinenbau GmbH',
            additionalAddressLine1: '3. OG',
            additionalAddressLine2: ' ',
          }),
          address({
            id: SHIPPING,
            street: 'Lagerweg 1',
            city: 'Freising',
            zipcode: '85354',
            phoneNumber: '+49 8161 9876',
          }),
        ],
      }),
    );
    expect(result).toMatchObject({ company: 'Weiß Maschinenbau GmbH', taxId: 'DE123456789' });
    expect(result.addresses).toEqual([
      expect.objectContaining({
        street: 'Sendlinger Straße 12, 3. OG',
        defaultBilling: true,
        defaultShipping: false,
      }),
      expect.objectContaining({
        street: 'Lagerweg 1',
        city: 'Freising',
        defaultBilling: false,
        defaultShipping: true,
      }),
    ]);
  });

  it('takes the billing address company of a business account without a customer company, not of a private one', () => {
    const addresses = [address({ company: 'Büro Weiß' })];
    expect(mapped(customer({ accountType: 'business', addresses })).company).toBe('Büro Weiß');
    expect(mapped(customer({ accountType: undefined, addresses })).company).toBe('Büro Weiß');
    expect(mapped(customer({ accountType: 'private', addresses })).company).toBeNull();
  });

  it('collects distinct phone numbers of all addresses, default billing first', () => {
    const result = mapped(
      customer({
        defaultBillingAddressId: SHIPPING,
        addresses: [
          address({ phoneNumber: '+49 89 1234567' }),
          address({ id: SHIPPING, phoneNumber: '+49 171 5550001' }),
          address({ id: 'a1000000000000000000000000000003', phoneNumber: '+49891234567' }),
          address({ id: 'a1000000000000000000000000000004', phoneNumber: null }),
        ],
      }),
    );
    expect(result.phones).toEqual(['+49 171 5550001', '+49 89 1234567']);
  });

  it('marks guest accounts as occasional customers', () => {
    expect(mapped(customer({ guest: true })).guest).toBe(true);
  });

  it('rejects unusable records with stable codes', () => {
    const code = (raw: unknown) => {
      const result = mapShopwareCustomer(raw);
      return result.ok ? 'ok' : result.rejected.code;
    };
    expect(code('x')).toBe('INVALID_RECORD');
    expect(code(customer({ id: '42' }))).toBe('MISSING_ID');
    expect(code(customer({ createdAt: '0000-00-00 00:00:00' }))).toBe('INVALID_DATE');
    expect(code(customer({ email: 'juergen(at)example.de' }))).toBe('INVALID_EMAIL');
    expect(code(customer({ email: '  ' }))).toBe('INVALID_EMAIL');
    // A country without an ISO code is delivered as it is; the import warns about it (UNKNOWN_COUNTRY).
    const northernIreland = mapShopwareCustomer(
      customer({
        addresses: [
          address({
            country: { id: 'x', iso: 'XI', iso3: null, name: 'Northern Ireland', apiAlias: 'country' },
          }),
        ],
      }),
    );
    expect(northernIreland.ok && northernIreland.customer.addresses[0]?.country).toBe('XI');
    const rejected = mapShopwareCustomer(
      customer({ email: 'nope', updatedAt: '2025-01-01T00:00:00.000+00:00' }),
    );
    expect(rejected).toMatchObject({
      ok: false,
      rejected: { externalId: 'c0000000000000000000000000000001', updatedAt: '2025-01-01T00:00:00.000Z' },
    });
    if (!rejected.ok) expect(rejected.rejected.message).toContain('10042');
  });

  it('refuses a customer whose addresses are malformed instead of delivering it without addresses', () => {
    const refusal = (overrides: Partial<ShopwareCustomer>) => {
      const result = mapShopwareCustomer(
        customer({ updatedAt: '2025-01-01T00:00:00.000+00:00', ...overrides }),
      );
      return result.ok ? null : result.rejected;
    };
    const malformed = [
      { addresses: 'not-a-list' as unknown as ShopwareAddress[] },
      { addresses: null },
      { addresses: [null as unknown as ShopwareAddress] },
      { addresses: [address({ street: { line: 'Sendlinger Straße 12' } as unknown as string })] },
      { addresses: [address({ country: null })] },
      { addresses: [address(), address({ id: SHIPPING, city: ['München'] as unknown as string })] },
    ];
    for (const overrides of malformed) {
      expect(refusal(overrides), JSON.stringify(overrides.addresses)).toMatchObject({
        externalId: 'c0000000000000000000000000000001',
        code: 'INVALID_RECORD',
        message: expect.stringContaining('10042'),
        updatedAt: '2025-01-01T00:00:00.000Z',
      });
    }
    expect(refusal({ addresses: 'not-a-list' as unknown as ShopwareAddress[] })?.message).toContain(
      '"addresses" is not a list',
    );
    expect(refusal({ addresses: [address({ country: null })] })?.message).toContain('has no country');
    // No address at all is a customer without an address.
    expect(mapped(customer({ addresses: [] })).addresses).toEqual([]);
  });
});
