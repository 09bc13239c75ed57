/**
 * The compact copies of the stores equal the generated records (every field, nested objects and arrays,
 * nulls kept), share no object with them, and make one string of equal strings.
 */
import { describe, expect, it } from 'vitest';
import { generateShop as generateMagento } from '../magento/seed.ts';
import { DEFAULT_SEED_UNTIL } from '../sample-data/locales.ts';
import { generateShop as generateShopware } from '../shopware/seed.ts';
import { compactCopy, compactInPlace } from './compact-records.ts';

describe('compact records', () => {
  it('copies generated Magento and Shopware customers exactly (B2B and broken records too)', () => {
    for (const seed of [1, 42]) {
      const magento = generateMagento({
        customers: 400,
        seed,
        brokenShare: 0.1,
        b2b: true,
        until: DEFAULT_SEED_UNTIL,
      }).customers;
      const shopware = generateShopware({ customers: 400, seed, brokenShare: 0.1, until: DEFAULT_SEED_UNTIL })
        .customers as unknown[];
      for (const records of [magento as unknown[], shopware]) {
        const copies = compactInPlace([...records]);
        expect(copies).toStrictEqual(records);
        for (const [index, copy] of copies.entries()) expect(copy).not.toBe(records[index]);
      }
    }
  });

  it('keeps nulls and key order, and shares equal strings', () => {
    const pool = new Map<string, string>();
    const city = ['Ber', 'lin'].join('');
    const a = compactCopy({ id: 1, city, street: ['Hauptstr. 1', null], region: { code: null } }, pool);
    const b = compactCopy({ id: 2, city: `Ber${'lin'}`, street: [], region: { code: 'BE' } }, pool);
    expect(Object.keys(a)).toEqual(['id', 'city', 'street', 'region']);
    expect(a).toStrictEqual({ id: 1, city: 'Berlin', street: ['Hauptstr. 1', null], region: { code: null } });
    expect(pool.get('Berlin')).toBe(a.city);
    expect(b.city).toBe(a.city);
  });
});
