import { describe, expect, it } from 'vitest';
import { channelAddress, channelCustomer } from '../../../test/support/channel-customers.ts';
import { BuyerCollector, type BuyerRecord } from './map.ts';
import type { SpOrder } from './sp-api-types.ts';

function order(id: string, fields: Partial<SpOrder> = {}): SpOrder {
  return {
    AmazonOrderId: id,
    PurchaseDate: '2025-05-01T10:00:00Z',
    LastUpdateDate: '2025-05-02T10:00:00Z',
    OrderStatus: 'Shipped',
    MarketplaceId: 'A1PA6795UKMFR9',
    IsBusinessOrder: false,
    BuyerInfo: { BuyerEmail: 'Abc123@marketplace.amazon.de', BuyerName: 'Anna Schmidt' },
    ShippingAddress: {
      Name: 'Anna Schmidt',
      AddressLine1: 'Hauptstraße 12',
      City: 'Berlin',
      PostalCode: '10115',
      CountryCode: 'DE',
      Phone: '+49 30 1234567',
      AddressType: 'Residential',
    },
    ...fields,
  };
}

function collect(...orders: unknown[]): { records: BuyerRecord[]; collector: BuyerCollector } {
  const collector = new BuyerCollector();
  for (const item of orders) collector.add(item);
  return { records: collector.records(), collector };
}

function only(records: BuyerRecord[]) {
  expect(records).toHaveLength(1);
  const [record] = records;
  if (!record?.ok) throw new Error(`expected a customer, got ${JSON.stringify(record)}`);
  return record.customer;
}

describe('BuyerCollector', () => {
  it('maps a consumer buyer: lower-case key, name split, the shipping address as the only address, a guest', () => {
    const customer = only(collect(order('302-0000001-0000001')).records);
    expect(customer).toEqual(
      channelCustomer({
        externalId: 'abc123@marketplace.amazon.de',
        email: 'Abc123@marketplace.amazon.de',
        firstName: 'Anna',
        lastName: 'Schmidt',
        phones: ['+49 30 1234567'],
        addresses: [
          channelAddress({ street: 'Hauptstraße 12', postalCode: '10115', city: 'Berlin', country: 'DE' }),
        ],
        guest: true,
        updatedAt: '2025-05-02T10:00:00.000Z',
      }),
    );
  });

  it('delivers a buyer with several orders once: data of the latest order placed, change time of the latest change', () => {
    const older = order('302-0000001-0000001', {
      PurchaseDate: '2025-01-01T10:00:00Z',
      LastUpdateDate: '2025-06-10T08:00:00Z', // changed late (e.g. a late status change)
      ShippingAddress: {
        Name: 'Anna Schmidt',
        AddressLine1: 'Alte Straße 1',
        City: 'Bonn',
        CountryCode: 'DE',
      },
    });
    const newer = order('302-0000002-0000002', {
      PurchaseDate: '2025-06-01T10:00:00Z',
      LastUpdateDate: '2025-06-02T10:00:00Z',
    });
    const other = order('302-0000003-0000003', {
      BuyerInfo: { BuyerEmail: 'zzz@marketplace.amazon.de', BuyerName: 'Zoe Zorn' },
    });
    const { records } = collect(older, other, newer);
    expect(records.map((record) => record.key)).toEqual([
      'zzz@marketplace.amazon.de',
      'abc123@marketplace.amazon.de',
    ]);
    const anna = records[1];
    expect(anna?.ok && anna.customer.addresses[0]?.street).toBe('Hauptstraße 12');
    expect(anna?.updatedAt).toBe('2025-06-10T08:00:00.000Z');
  });

  it('skips orders without buyer data (Pending, Canceled, no restricted data token)', () => {
    const pending = order('302-0000004-0000004', { OrderStatus: 'Pending', BuyerInfo: {} });
    delete pending.ShippingAddress;
    const { records, collector } = collect(
      pending,
      order('302-0000005-0000005', { BuyerInfo: undefined }),
      null,
    );
    expect(records).toEqual([]);
    expect(collector.skippedOrders).toBe(3);
  });

  it('maps an Amazon Business buyer: company, tax id, the buyer as contact, not a guest; company lines dropped', () => {
    const customer = only(
      collect(
        order('403-0000001-0000001', {
          MarketplaceId: 'A33AVAJ2PDY3EV',
          IsBusinessOrder: true,
          BuyerInfo: {
            BuyerEmail: 'biz@marketplace.amazon.com.tr',
            BuyerName: 'Özlem Arslan',
            PurchaseOrderNumber: 'PO-1',
          },
          BuyerTaxInformation: {
            BuyerLegalCompanyName: 'Yılmaz Ltd. Şti.',
            BuyerTaxRegistrationId: '2647246925',
          },
          ShippingAddress: {
            Name: 'Özlem Arslan',
            CompanyName: 'Yılmaz Ltd. Şti.',
            AddressLine1: 'Yılmaz Ltd. Şti.',
            AddressLine2: 'Atatürk Cd. No: 5',
            City: 'İstanbul',
            StateOrRegion: 'İstanbul',
            PostalCode: '34367',
            CountryCode: 'tr',
            AddressType: 'Commercial',
          },
        }),
      ).records,
    );
    expect(customer).toMatchObject({
      company: 'Yılmaz Ltd. Şti.',
      taxId: '2647246925',
      guest: false,
      phones: [],
      contacts: [
        { name: 'Özlem Arslan', function: null, email: 'biz@marketplace.amazon.com.tr', phone: null },
      ],
      addresses: [{ street: 'Atatürk Cd. No: 5', country: 'TR', region: 'İstanbul' }],
    });
  });

  it('takes company and tax id of Brazil, Mexico and India business orders from BuyerTaxInfo', () => {
    const customer = only(
      collect(
        order('701-0000001-0000001', {
          MarketplaceId: 'A1AM78C64UM0Y8',
          IsBusinessOrder: true,
          BuyerInfo: {
            BuyerEmail: 'mx@marketplace.amazon.com.mx',
            BuyerName: 'María José García López',
            BuyerTaxInfo: {
              CompanyLegalName: 'Comercial García SA de CV',
              TaxClassifications: [{ Name: 'RFC', Value: 'CGA010101AB1' }],
            },
          },
          ShippingAddress: { Name: 'María José García López', City: 'Monterrey', CountryCode: 'MX' },
        }),
      ).records,
    );
    expect(customer).toMatchObject({
      firstName: 'María José',
      lastName: 'García López',
      company: 'Comercial García SA de CV',
      taxId: 'CGA010101AB1',
    });
  });

  it('does not make a consumer a company for shipping to an office; takes the recipient name without a buyer name', () => {
    const customer = only(
      collect(
        order('302-0000006-0000006', {
          BuyerInfo: { BuyerEmail: 'abc123@marketplace.amazon.de' },
          ShippingAddress: {
            Name: 'Sanne van den Berg',
            CompanyName: 'Kantoor B.V.',
            City: 'Utrecht',
            CountryCode: 'NL',
          },
        }),
      ).records,
    );
    expect(customer).toMatchObject({
      firstName: 'Sanne',
      lastName: 'van den Berg',
      company: null,
      guest: true,
    });
  });

  it('rejects buyers it cannot use, once each, with the change time where it is known; leaves countries to the import rules', () => {
    const { records } = collect(
      order('302-0000007-0000007', { BuyerInfo: { BuyerEmail: 'not-an-email' } }),
      order('302-0000008-0000008', {
        BuyerInfo: { BuyerEmail: 'uk@marketplace.amazon.co.uk' },
        ShippingAddress: { Name: 'Tom Smith', City: 'London', CountryCode: 'uk' },
      }),
      order('302-0000009-0000009', {
        BuyerInfo: { BuyerEmail: 'nodate@marketplace.amazon.de' },
        LastUpdateDate: '25.05.2025',
      }),
    );
    expect(
      records.map((record) =>
        record.ok ? record.customer.addresses[0]?.country : [record.rejected.code, record.rejected.updatedAt],
      ),
    ).toEqual([['INVALID_DATE', null], ['INVALID_EMAIL', '2025-05-02T10:00:00.000Z'], 'UK']);
  });

  it('refuses a buyer whose shipping address is malformed instead of delivering it without an address', () => {
    const malformed = [
      'not-an-address',
      ['Hauptstraße 12'],
      { Name: 'Anna Schmidt', AddressLine1: { line: 'Hauptstraße 12' }, City: 'Berlin', CountryCode: 'DE' },
      { Name: 'Anna Schmidt', AddressLine1: 'Hauptstraße 12', City: 'Berlin', CountryCode: ['DE'] },
    ];
    for (const shipping of malformed) {
      const { records } = collect(order('302-0000010-0000010', { ShippingAddress: shipping as never }));
      expect(records, JSON.stringify(shipping)).toMatchObject([
        {
          ok: false,
          rejected: {
            externalId: 'abc123@marketplace.amazon.de',
            code: 'INVALID_RECORD',
            message: expect.stringContaining('302-0000010-0000010'),
            updatedAt: '2025-05-02T10:00:00.000Z',
          },
        },
      ]);
    }
    // Amazon gives no address for some orders: that is a buyer without an address.
    expect(
      only(collect(order('302-0000011-0000011', { ShippingAddress: undefined })).records).addresses,
    ).toEqual([]);
  });
});
