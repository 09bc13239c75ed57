import { describe, expect, it } from 'vitest';
import { expectInvalidSetting } from '../../../test/support/setting-expectations.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { readShopwareSettings } from './settings.ts';
import { baseUrl } from './shopware-api.ts';
import { shopwareDateToIso, toRenderedDate, toStorageDate } from './shopware-dates.ts';

describe('readShopwareSettings', () => {
  it('applies the defaults and reads every setting', () => {
    expect(readShopwareSettings({ clientId: ' SWIAX ', clientSecret: ' s3cret ' })).toEqual({
      clientId: 'SWIAX',
      clientSecret: 's3cret',
      pageSize: 100,
      salesChannelId: null,
      requestsPerSecond: null,
    });
    expect(
      readShopwareSettings({
        clientId: 'SWIAX',
        clientSecret: 's',
        pageSize: '500',
        salesChannelId: '98432DEF39FC4624B33213A56B8C944D',
        requestsPerSecond: '4',
      }),
    ).toMatchObject({
      pageSize: 500,
      salesChannelId: '98432def39fc4624b33213a56b8c944d',
      requestsPerSecond: 4,
    });
  });

  it('refuses missing credentials and invalid values, without echoing the secret', () => {
    expect(() => readShopwareSettings({ clientSecret: 's' })).toThrow(
      expect.objectContaining({ code: 'SETTING_MISSING' }),
    );
    expect(() => readShopwareSettings({ clientId: 'SWIAX' })).toThrow(/clientSecret/);
    const settings = { clientId: 'SWIAX', clientSecret: 'very-secret' };
    for (const [key, value] of [
      ['pageSize', '501'],
      ['pageSize', '0'],
      ['salesChannelId', 'storefront'],
      ['requestsPerSecond', '-1'],
    ] as const) {
      expectInvalidSetting(() => readShopwareSettings({ ...settings, [key]: value }), 'very-secret');
    }
  });
});

describe('Shopware URLs, dates and cursors', () => {
  it('accepts the base URL with a pasted /api or /admin', () => {
    expect(baseUrl('https://shop.example.com/')).toBe('https://shop.example.com');
    expect(baseUrl('https://shop.example.com/admin')).toBe('https://shop.example.com');
    expect(baseUrl('https://shop.example.com/shop/api/')).toBe('https://shop.example.com/shop');
  });

  it('reads rendered dates and writes the storage format', () => {
    expect(shopwareDateToIso('2024-05-17T08:03:11.123+00:00')).toBe('2024-05-17T08:03:11.123Z');
    expect(shopwareDateToIso('2024-05-17T10:03:11+02:00')).toBe('2024-05-17T08:03:11.000Z');
    expect(shopwareDateToIso('2024-02-30T08:03:11.000+00:00')).toBeNull();
    expect(shopwareDateToIso('2024-05-17 08:03:11')).toBeNull();
    expect(toStorageDate(new Date('2024-05-17T08:03:11.123Z'))).toBe('2024-05-17 08:03:11.123');
    expect(toRenderedDate(new Date('2024-05-17T08:03:11.123Z'))).toBe('2024-05-17T08:03:11.123+00:00');
  });

  it('round-trips cursors and refuses foreign ones', () => {
    const cursor = {
      fresh: { t: '2024-05-17T08:03:11.123Z', ids: ['0123456789abcdef0123456789abcdef'], offset: null },
      changed: { t: null, ids: [], offset: null },
    };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(() => decodeCursor('magento:v1|2024-05-17 08:03:11|4711')).toThrow(
      expect.objectContaining({ code: 'INVALID_CURSOR' }),
    );
    expect(() => decodeCursor('shopware:v1|e30')).toThrow(
      expect.objectContaining({ code: 'INVALID_CURSOR' }),
    );
  });
});
