import { describe, expect, it } from 'vitest';
import { canonicalRequest, sign, signatureMatches } from './signature.ts';
import { toWebshopTime, webshopTimeOrder, webshopTimeToIso } from './webshop-dates.ts';

const KEY = '0123456789abcdef0123456789abcdef';
const parts = {
  method: 'get',
  path: '/api/erp/customers',
  query: [
    ['modifiedFrom', '2025-03-01T00:00:00.000Z'],
    ['limit', '200'],
  ] as const,
  timestamp: '1740924309',
  protocol: '17',
  shop: 'Sklep B2B',
};

describe('request signature', () => {
  it('signs the canonical request: upper-case method, sorted encoded query, one part per line', () => {
    expect(canonicalRequest(parts)).toBe(
      'GET\n/api/erp/customers\nlimit=200&modifiedFrom=2025-03-01T00%3A00%3A00.000Z\n1740924309\n17\nSklep B2B',
    );
    // The worked example of docs/protocols/webshop.md.
    expect(sign(KEY, parts)).toBe('3107bdbc58f3decb8e5b82de1fc9ad7b0b7df465dfa327b88d013bc8b8ad7cd8');
    expect(signatureMatches(KEY, parts, sign(KEY, parts))).toBe(true);
    expect(signatureMatches('another-key-0123456789', parts, sign(KEY, parts))).toBe(false);
    expect(signatureMatches(KEY, { ...parts, shop: 'x' }, sign(KEY, parts))).toBe(false);
  });
});

describe('webshop times', () => {
  it("writes Europe/Warsaw local time with the season's offset and reads it back as UTC", () => {
    expect(toWebshopTime(new Date('2025-01-15T08:00:00.250Z'))).toBe('2025-01-15T09:00:00.250+01:00');
    expect(toWebshopTime(new Date('2025-07-15T08:00:00.000Z'))).toBe('2025-07-15T10:00:00.000+02:00');
    expect(webshopTimeToIso('2025-07-15T10:00:00.000+02:00')).toBe('2025-07-15T08:00:00.000Z');
    expect(webshopTimeToIso('0001-01-01T00:00:00')).toBeNull();
    expect(webshopTimeOrder('0001-01-01T00:00:00')).toBe(Date.parse('0001-01-01T00:00:00Z'));
  });
});
