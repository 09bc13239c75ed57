import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../domain/errors.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { LWA_TOKEN_URL, readAmazonSettings } from './settings.ts';

const VALID = {
  marketplaceIds: 'A1PA6795UKMFR9, A13V1IB3VIYZZH;A1PA6795UKMFR9',
  clientId: 'amzn1.application-oa2-client.0123456789abcdef0123456789abcdef',
  clientSecret: 'amzn1.oa2-cs.v1.secret-secret',
  refreshToken: 'Atzr|IwEBIA-refresh-token',
};

function refusal(settings: Record<string, string>): string {
  try {
    readAmazonSettings(settings);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the settings to be refused');
}

describe('readAmazonSettings', () => {
  it('reads the settings with their defaults', () => {
    expect(readAmazonSettings(VALID)).toEqual({
      marketplaceIds: ['A1PA6795UKMFR9', 'A13V1IB3VIYZZH'],
      clientId: VALID.clientId,
      clientSecret: VALID.clientSecret,
      refreshToken: VALID.refreshToken,
      tokenUrl: LWA_TOKEN_URL,
      pageSize: 300,
    });
  });

  it('says what is wrong, never showing a secret', () => {
    expect(refusal({ ...VALID, marketplaceIds: ' ' })).toContain('"marketplaceIds"');
    expect(refusal({ ...VALID, marketplaceIds: 'amazon.de' })).toContain('marketplace ids such as');
    expect(refusal({ ...VALID, marketplaceIds: 'A1PA6795UKMFR9,ATVPDKIKX0DER' })).toContain(
      'different regions',
    );
    expect(refusal({ ...VALID, clientId: 'my-app' })).toContain('amzn1.application-oa2-client');
    const accessToken = refusal({ ...VALID, refreshToken: 'Atza|short-lived-token' });
    expect(accessToken).toContain('an access token');
    expect(accessToken).not.toContain('short-lived-token');
    expect(refusal({ ...VALID, tokenUrl: 'api.amazon.com' })).toContain('"tokenUrl"');
    expect(refusal({ ...VALID, pageSize: '0' })).toContain('"pageSize"');
    expect(refusal({ ...VALID, clientSecret: '' })).toContain('"clientSecret"');
  });
});

describe('Amazon cursor', () => {
  it('round-trips, keys with odd characters included, and refuses other text', () => {
    const cursor = {
      from: '2025-06-01T00:00:00Z',
      to: '2025-06-30T11:58:00Z',
      after: { updatedAt: '2025-06-29T10:00:00.000Z', key: 'a|b%c@marketplace.amazon.de' },
    };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    const first = { ...cursor, after: { updatedAt: null, key: 'x@marketplace.amazon.de' } };
    expect(decodeCursor(encodeCursor(first))).toEqual(first);
    expect(() => decodeCursor('magento:v1|2024-05-17 08:03:11|4711')).toThrow(ConfigError);
    expect(() => decodeCursor('amazon:v1|2025-06-01T00:00:00Z|2025-06-30T11:58:00Z||%E0%A4%A')).toThrow(
      ConfigError,
    );
  });
});
