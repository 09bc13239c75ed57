/**
 * The generated shop as the simulator keeps it (customers made on demand): the same customer from the same
 * (seed, index) every time, look-ups by id and e-mail that find exactly the generated customers, e-mails
 * unique, ids ascending with gaps, and the order by (updated_at, entity_id).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED_UNTIL, GeneratedShop } from './seed.ts';

const shopOf = (customers: number, seed = 42) =>
  new GeneratedShop({ customers, seed, brokenShare: 0.03, b2b: true, until: DEFAULT_SEED_UNTIL });

describe('GeneratedShop', () => {
  it('generates each customer from its seed and index, and finds it by id and by e-mail', () => {
    const shop = shopOf(3000);
    const again = shopOf(3000);
    const emails = new Set<string>();
    let gaps = 0;
    for (let index = 0; index < shop.count; index++) {
      const customer = shop.customerAt(index);
      expect(again.customerAt(index)).toEqual(customer);
      expect(shop.indexOfId(customer.id as number)).toBe(index);
      expect(shop.indexOfEmail(String(customer.email).toLowerCase())).toBe(index);
      emails.add(String(customer.email).toLowerCase());
      if (index > 0 && (customer.id as number) > shop.idAt(index - 1) + 1) gaps += 1;
    }
    expect(emails.size).toBe(shop.count);
    expect(gaps).toBeGreaterThan(0);
    expect(shop.indexOfId(shop.lastId + 1)).toBe(-1);
    expect(shop.indexOfEmail('nobody@example.org')).toBe(-1);
  });

  it('keeps the order by (updated_at, entity_id) and the position of every customer in it', () => {
    const shop = shopOf(2000, 7);
    const keys = Array.from({ length: shop.count }, (_, position) => {
      const index = shop.indexByUpdated(position);
      expect(shop.positionByUpdated(index)).toBe(position);
      return [shop.updatedAt(index), shop.idAt(index)] as const;
    });
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    expect(keys).toEqual(sorted);
    expect(keys.some(([at]) => at === '0000-00-00 00:00:00')).toBe(true);
  });
});
