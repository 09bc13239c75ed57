import { describe, expect, it } from 'vitest';
import { expectedAddress, expectedCustomer } from '../../../test/support/channel-customers.ts';
import {
  OTHER_COUNTRY_ID,
  OXID_COUNTRIES,
  oxidCountryOf,
} from '../../simulators/oxid/simulator-countries.ts';
import { emptyUserColumns } from '../../simulators/oxid/simulator-store.ts';
import { mapOxidUser, type OxidMapContext, streetLine } from './map.ts';
import type { OxidAddress, OxidUser } from './oxid-types.ts';

const context: OxidMapContext = {
  timeZone: 'Europe/Berlin',
  countries: new Map(OXID_COUNTRIES.map((country) => [country.OXID, country.OXISOALPHA2])),
};
const DE = oxidCountryOf('DE').OXID;
const PL = oxidCountryOf('PL').OXID;

function user(overrides: Partial<OxidUser> = {}): OxidUser {
  return {
    ...emptyUserColumns(),
    OXID: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
    OXUSERNAME: 'Anna.Mueller@example.de',
    OXCUSTNR: '12',
    OXFNAME: 'Anna',
    OXLNAME: 'Müller',
    OXSTREET: 'Hauptstraße',
    OXSTREETNR: '12a',
    OXADDINFO: '2. OG',
    OXZIP: '10115',
    OXCITY: 'Berlin',
    OXCOUNTRYID: DE,
    OXFON: '+49 30 1234567',
    OXCREATE: '2024-01-15 10:00:00',
    OXREGISTER: '2024-01-15 10:00:00',
    OXTIMESTAMP: '2025-06-01 10:15:30',
    guest: false,
    changed: '2025-06-01 10:15:30',
    addresses: [],
    ...overrides,
  };
}

function delivery(overrides: Partial<OxidAddress> = {}): OxidAddress {
  return {
    OXID: 'ad000000000000000000000000000001',
    OXUSERID: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
    OXCOMPANY: '',
    OXFNAME: 'Anna',
    OXLNAME: 'Müller',
    OXSTREET: 'ul. Floriańska',
    OXSTREETNR: '15',
    OXADDINFO: '',
    OXCITY: 'Kraków',
    OXCOUNTRYID: PL,
    OXSTATEID: '',
    OXZIP: '31-019',
    OXFON: '+48 601 234 567',
    OXFAX: '',
    OXSAL: 'MRS',
    OXTIMESTAMP: '2025-06-02 09:00:00',
    ...overrides,
  };
}

function mapped(raw: unknown) {
  const result = mapOxidUser(raw, context);
  if (!result.ok) throw new Error(`rejected: ${result.rejected.message}`);
  return result.customer;
}

describe('mapping an OXID user', () => {
  it('maps the user, its billing address from oxuser and its delivery addresses from oxaddress', () => {
    const customer = mapped(
      user({
        OXCOMPANY: 'Müller Consulting GmbH',
        OXUSTID: 'DE123456789',
        OXMOBFON: '+49 151 11111111',
        OXPRIVFON: '+49 30 1234567',
        OXURL: 'https://www.mueller-consulting.de',
        changed: '2025-06-02 09:00:00',
        addresses: [delivery()],
      }),
    );
    expect(customer).toEqual(
      expectedCustomer({
        externalId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
        email: 'Anna.Mueller@example.de',
        firstName: 'Anna',
        lastName: 'Müller',
        company: 'Müller Consulting GmbH',
        taxId: 'DE123456789',
        phones: ['+49 30 1234567', '+49 151 11111111', '+48 601 234 567'],
        websites: ['https://www.mueller-consulting.de'],
        addresses: [
          expectedAddress({ street: 'Hauptstraße 12a, 2. OG' }),
          expectedAddress({
            street: 'ul. Floriańska 15',
            postalCode: '31-019',
            city: 'Kraków',
            country: 'PL',
            defaultBilling: false,
            defaultShipping: false,
          }),
        ],
        createdAt: '2024-01-15T09:00:00.000Z',
        // "changed" (the latest of user and addresses), in the shop's zone (CEST).
        updatedAt: '2025-06-02T07:00:00.000Z',
      }),
    );
  });

  it('reads the date-times in the time zone the connector reports', () => {
    const result = mapOxidUser(user(), { ...context, timeZone: 'America/New_York' });
    expect(result.ok && result.customer.updatedAt).toBe('2025-06-01T14:15:30.000Z');
    expect(result.ok && result.customer.createdAt).toBe('2024-01-15T15:00:00.000Z');
  });

  it('falls back to OXTIMESTAMP without "changed" and leaves a zero OXCREATE out', () => {
    const customer = mapped(
      user({ changed: undefined as unknown as string, OXCREATE: '0000-00-00 00:00:00' }),
    );
    expect(customer.updatedAt).toBe('2025-06-01T08:15:30.000Z');
    expect(customer.createdAt).toBeNull();
  });

  it('delivers a country id the shop does not know, or one without ISO code, as it is', () => {
    const unknown = mapped(user({ OXCOUNTRYID: '8f241f11095d9c1b2.00000000' }));
    expect(unknown.addresses[0]?.country).toBe('8f241f11095d9c1b2.00000000');
    const other = mapped(user({ OXCOUNTRYID: OTHER_COUNTRY_ID }));
    expect(other.addresses[0]?.country).toBe(OTHER_COUNTRY_ID);
  });

  it('gives no billing address when oxuser has none, and none for empty delivery rows', () => {
    const customer = mapped(
      user({
        OXSTREET: '',
        OXSTREETNR: '',
        OXADDINFO: '',
        OXZIP: '',
        OXCITY: '',
        OXCOUNTRYID: '',
        addresses: [delivery({ OXSTREET: '', OXSTREETNR: '', OXZIP: '', OXCITY: '', OXCOUNTRYID: '' })],
      }),
    );
    expect(customer.addresses).toEqual([]);
  });

  it('keeps the state id as region, and a guest as a guest', () => {
    const customer = mapped(
      user({
        OXSTREET: 'Main Street',
        OXSTREETNR: '1600',
        OXADDINFO: '',
        OXCITY: 'Springfield',
        OXZIP: '62701',
        OXCOUNTRYID: oxidCountryOf('US').OXID,
        OXSTATEID: 'IL',
        guest: true,
      }),
    );
    expect(customer.addresses[0]).toMatchObject({ street: '1600 Main Street', country: 'US', region: 'IL' });
    expect(customer.guest).toBe(true);
  });

  it('writes the house number where the country puts it', () => {
    expect(streetLine('Hauptstraße', '12a', null, 'DE')).toBe('Hauptstraße 12a');
    expect(streetLine('rue de Rivoli', '12', 'Bâtiment B', 'FR')).toBe('12 rue de Rivoli, Bâtiment B');
    expect(streetLine('High Street', '7', null, 'GB')).toBe('7 High Street');
    expect(streetLine('Packstation', null, null, null)).toBe('Packstation');
    expect(streetLine(null, null, 'c/o Müller', 'DE')).toBe('c/o Müller');
    expect(streetLine(null, null, null, 'DE')).toBeNull();
  });

  it('rejects records it cannot use, with stable codes', () => {
    const rejected = (raw: unknown) => {
      const result = mapOxidUser(raw, context);
      if (result.ok) throw new Error('not rejected');
      return result.rejected;
    };
    expect(rejected('x')).toMatchObject({ code: 'INVALID_RECORD', externalId: null, updatedAt: null });
    expect(rejected(user({ OXID: '' }))).toMatchObject({
      code: 'MISSING_ID',
      updatedAt: '2025-06-01T08:15:30.000Z',
    });
    expect(rejected(user({ changed: '0000-00-00 00:00:00' }))).toMatchObject({
      code: 'INVALID_DATE',
      externalId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
      updatedAt: null,
    });
    for (const name of ['', 'anna.mueller@', 'anna mueller@example.de', 'anna.mueller'])
      expect(rejected(user({ OXUSERNAME: name }))).toMatchObject({
        code: 'INVALID_EMAIL',
        updatedAt: '2025-06-01T08:15:30.000Z',
      });
  });
  it('refuses a user whose addresses are malformed instead of delivering it without them', () => {
    const refusal = (raw: unknown) => {
      const result = mapOxidUser(raw, context);
      return result.ok ? null : result.rejected;
    };
    const malformed: [unknown, string][] = [
      [user({ addresses: 'not-a-list' as unknown as OxidAddress[] }), '"addresses" is not a list'],
      [user({ addresses: undefined }), '"addresses" is not a list'],
      [
        user({ addresses: [delivery(), 'x' as unknown as OxidAddress] }),
        'address 2 of "addresses" is not an object',
      ],
      [user({ addresses: [null as unknown as OxidAddress] }), 'address 1 of "addresses" is not an object'],
      [
        user({ addresses: [delivery({ OXSTREET: { name: 'Floriańska' } as unknown as string })] }),
        '"OXSTREET" of address 1 of "addresses" is not text',
      ],
      [
        user({ addresses: [delivery({ OXCOUNTRYID: [PL] as unknown as string })] }),
        '"OXCOUNTRYID" of address 1 of "addresses" is not text',
      ],
      [user({ OXCITY: ['Berlin'] as unknown as string }), '"OXCITY" of the user is not text'],
      [user({ OXCOUNTRYID: { id: DE } as unknown as string }), '"OXCOUNTRYID" of the user is not text'],
    ];
    for (const [raw, message] of malformed) {
      expect(refusal(raw), message).toEqual({
        externalId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
        code: 'INVALID_RECORD',
        message: expect.stringContaining(message),
        updatedAt: '2025-06-01T08:15:30.000Z',
      });
    }
    // An empty list is a user without delivery addresses.
    expect(mapped(user({ addresses: [] })).addresses).toHaveLength(1);
  });
});
