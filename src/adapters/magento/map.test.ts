import { describe, expect, it } from 'vitest';
import { expectedAddress, expectedCustomer } from '../../../test/support/channel-customers.ts';
import type { MagentoCompany, MagentoCustomer } from './magento-types.ts';
import { mapMagentoCustomer } from './map.ts';

/** A customer as GET /V1/customers/search renders it (null fields left out, ids as numbers). */
const b2c: MagentoCustomer = {
  id: 1042,
  group_id: 1,
  default_billing: '2211',
  default_shipping: '2212',
  created_at: '2021-03-04 05:06:07',
  updated_at: '2024-11-30 23:59:58',
  created_in: 'Default Store View',
  dob: '1984-02-29',
  email: ' zofia.wisniewska@wp.pl ',
  firstname: 'Zofia',
  lastname: 'Wiśniewska',
  gender: 2,
  store_id: 1,
  website_id: 1,
  addresses: [
    {
      id: 2211,
      customer_id: 1042,
      region: { region_code: null, region: null, region_id: 0 },
      region_id: 0,
      country_id: 'PL',
      street: ['ul. Floriańska 12/4', '  '],
      telephone: '+48 12 421 11 11',
      postcode: '31-154',
      city: 'Kraków',
      firstname: 'Zofia',
      lastname: 'Wiśniewska',
      default_billing: true,
    },
    {
      id: 2212,
      customer_id: 1042,
      region: { region_code: 'BER', region: 'Berlin', region_id: 82 },
      region_id: 82,
      country_id: 'de',
      street: ['Friedrichstraße 43', 'Hinterhaus', '2. OG'],
      company: 'Büro Schmidt',
      telephone: '+48124211111',
      postcode: '10117',
      city: ' Berlin ',
      firstname: 'Zofia',
      lastname: 'Wiśniewska',
      default_shipping: true,
    },
  ],
  disable_auto_group_change: 0,
  extension_attributes: { is_subscribed: false },
};

const b2b: MagentoCustomer = {
  id: 7,
  group_id: 2,
  default_billing: '9',
  default_shipping: '9',
  created_at: '2019-01-01 00:00:00',
  updated_at: '2019-01-02 00:00:00',
  email: 'einkauf@mueller-maschinenbau.de',
  firstname: 'Jürgen',
  middlename: 'Karl',
  lastname: 'Müller',
  taxvat: 'DE999999999',
  store_id: 1,
  website_id: 1,
  addresses: [
    {
      id: 9,
      customer_id: 7,
      region: { region_code: 'BAY', region: 'Bayern', region_id: 81 },
      region_id: 81,
      country_id: 'DE',
      street: ['Schloßplatz 1'],
      company: ' Müller Maschinenbau GmbH ',
      vat_id: 'DE123456789',
      telephone: '+49 89 1234567',
      postcode: '80331',
      city: 'München',
      firstname: 'Jürgen',
      lastname: 'Müller',
      default_billing: true,
      default_shipping: true,
    },
  ],
};

const mapped = (raw: unknown, context = {}) => {
  const result = mapMagentoCustomer(raw, context);
  if (!result.ok) throw new Error(`rejected: ${result.rejected.message}`);
  return result.customer;
};

describe('mapMagentoCustomer', () => {
  it('maps a B2C customer with separate billing and shipping addresses', () => {
    expect(mapped(b2c)).toEqual(
      expectedCustomer({
        externalId: '1042',
        email: 'zofia.wisniewska@wp.pl',
        firstName: 'Zofia',
        lastName: 'Wiśniewska',
        company: null,
        taxId: null,
        phones: ['+48 12 421 11 11'],
        websites: [],
        addresses: [
          expectedAddress({
            street: 'ul. Floriańska 12/4',
            postalCode: '31-154',
            city: 'Kraków',
            country: 'PL',
            defaultShipping: false,
          }),
          expectedAddress({
            street: 'Friedrichstraße 43, Hinterhaus, 2. OG',
            postalCode: '10117',
            region: 'Berlin',
            defaultBilling: false,
          }),
        ],
        createdAt: '2021-03-04T05:06:07.000Z',
        updatedAt: '2024-11-30T23:59:58.000Z',
      }),
    );
  });

  it('takes company and tax id from the default billing address, before the customer taxvat', () => {
    const customer = mapped(b2b);
    expect(customer).toMatchObject({
      company: 'Müller Maschinenbau GmbH',
      taxId: 'DE123456789',
      firstName: 'Jürgen Karl',
    });
    expect(customer.addresses[0]).toMatchObject({
      region: 'Bayern',
      defaultBilling: true,
      defaultShipping: true,
    });
  });

  it('falls back to the customer taxvat when the billing address has no VAT id', () => {
    const address = { ...b2b.addresses?.[0], vat_id: '  ' };
    expect(mapped({ ...b2b, addresses: [address] })).toMatchObject({
      company: 'Müller Maschinenbau GmbH',
      taxId: 'DE999999999',
    });
    expect(mapped({ ...b2c, taxvat: 'RSSMRA85T10A562S' }).taxId).toBe('RSSMRA85T10A562S');
  });

  it('uses the first address when there is no default billing address, and no company from other addresses', () => {
    const { default_billing: _a, default_shipping: _b, ...rest } = b2b;
    const noDefaults = {
      ...rest,
      addresses: b2b.addresses?.map(({ default_billing: _c, default_shipping: _d, ...a }) => a),
    };
    expect(mapped(noDefaults)).toMatchObject({ company: 'Müller Maschinenbau GmbH' });
    expect(mapped(noDefaults).addresses[0]).toMatchObject({ defaultBilling: false, defaultShipping: false });
    // Zofia ships to an office: that does not make her a company.
    expect(mapped(b2c).company).toBeNull();
  });

  it('reads defaults from the customer when the address flags are missing', () => {
    const addresses = b2c.addresses?.map(({ default_billing: _a, default_shipping: _b, ...a }) => a);
    const customer = mapped({ ...b2c, addresses });
    expect(customer.addresses.map((a) => [a.defaultBilling, a.defaultShipping])).toEqual([
      [true, false],
      [false, true],
    ]);
  });

  it('takes company and VAT id of an Adobe Commerce B2B company user from the company, with the user as contact', () => {
    const company = { id: 3, company_name: 'Müller Holding AG', vat_tax_id: 'DE811111111' } as MagentoCompany;
    const user: MagentoCustomer = {
      ...b2b,
      extension_attributes: {
        company_attributes: {
          customer_id: 7,
          company_id: 3,
          status: 1,
          job_title: 'Einkauf',
          telephone: '+49 89 7654321',
        },
      },
    };
    const customer = mapped(user, { companies: new Map([[3, company]]) });
    expect(customer).toMatchObject({ company: 'Müller Holding AG', taxId: 'DE811111111' });
    expect(customer.phones).toEqual(['+49 89 1234567', '+49 89 7654321']);
    expect(customer.contacts).toEqual([
      {
        name: 'Jürgen Karl Müller',
        function: 'Einkauf',
        email: 'einkauf@mueller-maschinenbau.de',
        phone: '+49 89 7654321',
      },
    ]);
    // Without the company looked up, the billing address still gives the company.
    expect(mapped(user).company).toBe('Müller Maschinenbau GmbH');
  });

  it('turns empty and blank values into null and keeps a customer without addresses', () => {
    const customer = mapped({
      id: 5,
      email: 'a@b.co',
      firstname: ' ',
      lastname: '',
      updated_at: '2024-01-01 00:00:00',
    });
    expect(customer).toMatchObject({
      firstName: null,
      lastName: null,
      addresses: [],
      phones: [],
      createdAt: null,
    });
  });

  it('keeps a customer whose created_at is unreadable, without createdAt', () => {
    expect(mapped({ ...b2c, created_at: '2021-02-30 00:00:00' }).createdAt).toBeNull();
  });
});

describe('mapMagentoCustomer rejections', () => {
  const rejection = (raw: unknown) => {
    const result = mapMagentoCustomer(raw);
    if (result.ok) throw new Error('expected a rejection');
    return result.rejected;
  };

  it('rejects e-mails that are missing or not e-mail addresses', () => {
    expect(rejection({ ...b2c, email: undefined })).toEqual({
      externalId: '1042',
      code: 'INVALID_EMAIL',
      message: 'Customer 1042 has no e-mail address.',
      updatedAt: '2024-11-30T23:59:58.000Z',
    });
    for (const email of [
      'zofia(at)wp.pl',
      'zofia@',
      'zofia@@wp.pl',
      'zofia @wp.pl',
      'zofia',
      'zofia@wp',
      '.zofia@wp.pl',
      'zo..fia@wp.pl',
    ]) {
      expect(rejection({ ...b2c, email })).toMatchObject({
        code: 'INVALID_EMAIL',
        message: `Customer 1042: "${email}" is not a valid e-mail address.`,
      });
    }
    expect(mapped({ ...b2c, email: 'jürgen.groß@münchen.de' }).email).toBe('jürgen.groß@münchen.de');
  });

  it('delivers an address country that is not an ISO 3166 code as the shop has it (the import warns)', () => {
    const addresses = [b2c.addresses?.[0], { ...b2c.addresses?.[1], country_id: 'uk' }];
    expect(mapped({ ...b2c, addresses }).addresses.map((address) => address.country)).toEqual(['PL', 'UK']);
  });

  it('refuses a customer whose addresses are malformed instead of delivering it without addresses', () => {
    const [billing, shipping] = b2c.addresses ?? [];
    const malformed: [unknown, string | null][] = [
      ['not-a-list', '"addresses" is not a list'],
      [{ 0: billing }, '"addresses" is not a list'],
      [[billing, 'Friedrichstraße 43'], 'address 2 of "addresses" is not an object'],
      [[null], 'address 1 of "addresses" is not an object'],
      [
        [{ ...billing, street: 'ul. Floriańska 12/4' }],
        '"street" of address 1 of "addresses" is not a list of lines',
      ],
      [[{ ...billing, street: [{ line: 'ul. Floriańska 12/4' }] }], 'a line of "street"'],
      [[{ ...billing, city: { name: 'Kraków' } }], '"city" of address 1 of "addresses" is not text'],
      [[{ ...billing, postcode: ['31-154'] }], '"postcode" of address 1'],
      [[billing, { ...shipping, country_id: null }], null],
      [
        [billing, { ...shipping, country_id: { code: 'DE' } }],
        '"country_id" of address 2 of "addresses" is not text',
      ],
      [[{ ...billing, region: 'Małopolskie' }], '"region" of address 1 of "addresses" is not an object'],
    ];
    for (const [addresses, message] of malformed) {
      const result = mapMagentoCustomer({ ...b2c, addresses });
      if (message === null) {
        expect(result.ok, JSON.stringify(addresses)).toBe(true);
        continue;
      }
      expect(result.ok ? null : result.rejected, JSON.stringify(addresses)).toEqual({
        externalId: '1042',
        code: 'INVALID_RECORD',
        message: expect.stringContaining(message),
        updatedAt: '2024-11-30T23:59:58.000Z',
      });
    }
    // Magento leaves out an empty address list: a customer without addresses.
    expect(mapped({ ...b2c, addresses: undefined }).addresses).toEqual([]);
    expect(mapped({ ...b2c, addresses: null }).addresses).toEqual([]);
  });

  it('rejects an unreadable updated_at without a change time', () => {
    expect(rejection({ ...b2c, updated_at: '0000-00-00 00:00:00' })).toEqual({
      externalId: '1042',
      code: 'INVALID_DATE',
      message:
        'Customer 1042: updated_at "0000-00-00 00:00:00" is not a date and time (expected "YYYY-MM-DD HH:MM:SS").',
      updatedAt: null,
    });
    expect(rejection({ ...b2c, updated_at: '2024-11-30T23:59:58Z' }).code).toBe('INVALID_DATE');
    expect(rejection({ ...b2c, updated_at: undefined }).code).toBe('INVALID_DATE');
  });

  it('rejects records without an id and things that are not records', () => {
    expect(rejection({ ...b2c, id: undefined })).toMatchObject({
      externalId: null,
      code: 'MISSING_ID',
      updatedAt: '2024-11-30T23:59:58.000Z',
    });
    expect(rejection({ ...b2c, id: '1042' }).code).toBe('MISSING_ID');
    expect(rejection({ ...b2c, id: 0 }).code).toBe('MISSING_ID');
    expect(rejection('customer')).toMatchObject({ externalId: null, code: 'INVALID_RECORD' });
    expect(rejection(null).code).toBe('INVALID_RECORD');
  });
});
