import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { baseUrl } from './magento-api.ts';
import { readMagentoSettings } from './settings.ts';

describe('readMagentoSettings', () => {
  it('applies the defaults', () => {
    expect(readMagentoSettings({ token: ' abc123 ' })).toEqual({
      token: 'abc123',
      storeCode: 'all',
      pageSize: 300,
      websiteId: null,
      requestsPerSecond: null,
      b2bCompanies: false,
    });
  });

  it('reads every setting', () => {
    expect(
      readMagentoSettings({
        token: 't',
        storeCode: 'de_de',
        pageSize: '300',
        websiteId: '2',
        requestsPerSecond: '2.5',
        b2bCompanies: 'yes',
      }),
    ).toEqual({
      token: 't',
      storeCode: 'de_de',
      pageSize: 300,
      websiteId: 2,
      requestsPerSecond: 2.5,
      b2bCompanies: true,
    });
  });

  it('refuses a missing token and invalid values, without echoing the token', () => {
    expect(() => readMagentoSettings({})).toThrow(
      expect.objectContaining({ code: 'SETTING_MISSING', kind: 'config' }),
    );
    const invalid: Array<Record<string, string>> = [
      { pageSize: '0' },
      { pageSize: 'ten' },
      { storeCode: 'de-de' },
      { websiteId: '-1' },
      { requestsPerSecond: '0' },
      { b2bCompanies: 'maybe' },
    ];
    for (const settings of invalid) {
      expect(() => readMagentoSettings({ token: 'secret-token', ...settings })).toThrow(
        expect.objectContaining({
          code: 'SETTING_INVALID',
          message: expect.not.stringContaining('secret-token'),
        }),
      );
    }
  });
});

describe('baseUrl', () => {
  it('strips trailing slashes and a REST path the user may have pasted', () => {
    expect(baseUrl('https://shop.example.com/')).toBe('https://shop.example.com');
    expect(baseUrl('https://shop.example.com/rest')).toBe('https://shop.example.com');
    expect(baseUrl('https://shop.example.com/rest/V1/')).toBe('https://shop.example.com');
    expect(baseUrl('https://shop.example.com/rest/default/V1')).toBe('https://shop.example.com');
    expect(baseUrl('https://example.com/shop/index.php')).toBe('https://example.com/shop/index.php');
  });
});

describe('cursor', () => {
  it('round-trips and refuses foreign cursors', () => {
    const cursor = { updatedAt: '2024-05-17 08:03:11', id: 4711 };
    expect(encodeCursor(cursor)).toBe('magento:v1|2024-05-17 08:03:11|4711');
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(() => decodeCursor('shopware:abc')).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
  });
});
