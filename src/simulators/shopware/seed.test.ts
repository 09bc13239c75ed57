/**
 * The generated Shopware shop: the same seed gives the same shop whichever customer is made first; the
 * change time never falls with the index and (change time, id) is index order, with groups of equal times;
 * ids carry their index; e-mails are unique but for guests who ordered twice; a share is broken.
 */
import { describe, expect, it } from 'vitest';
import type { ShopwareCustomer } from '../../adapters/shopware/shopware-types.ts';
import { BaseShop } from './base-shop.ts';
import { BULK_UPDATE, customerAt, DEFAULT_SEED_UNTIL, generateShop, MIGRATION, timelineOf } from './seed.ts';

const options = { customers: 2000, seed: 7, brokenShare: 0.05, until: DEFAULT_SEED_UNTIL };
const changeTime = (customer: ShopwareCustomer) => Date.parse(customer.updatedAt ?? customer.createdAt);

describe('generated Shopware shop', () => {
  const shop = generateShop(options);
  const { customers } = shop;

  it('is the same for the same seed, in any order of making, and another for another seed', () => {
    const timeline = timelineOf(options);
    for (const index of [1999, 0, 777, 3]) {
      expect(customerAt(timeline, timeline.skeleton(index))).toEqual(customers[index]);
    }
    const small = { ...options, customers: 50 };
    expect(generateShop(small)).toEqual(generateShop(small));
    expect(generateShop({ ...small, seed: 8 }).customers).not.toEqual(generateShop(small).customers);
  });

  it('orders (change time, id) by index, with groups of equal times from the migration and the bulk update', () => {
    for (let i = 1; i < customers.length; i++) {
      const [a, b] = [customers[i - 1] as ShopwareCustomer, customers[i] as ShopwareCustomer];
      expect(changeTime(a) < changeTime(b) || (changeTime(a) === changeTime(b) && a.id < b.id)).toBe(true);
    }
    const migrated = customers.filter((c) => c.updatedAt === null && Date.parse(c.createdAt) === MIGRATION);
    const bulk = customers.filter((c) => c.updatedAt !== null && Date.parse(c.updatedAt) === BULK_UPDATE);
    expect(migrated.length).toBeGreaterThan(50);
    expect(bulk.length).toBeGreaterThan(50);
    expect(customers.some((c) => c.updatedAt !== null && Date.parse(c.createdAt) === MIGRATION)).toBe(true);
    for (const customer of customers) {
      expect(Date.parse(customer.createdAt)).toBeLessThanOrEqual(changeTime(customer));
      expect(changeTime(customer)).toBeLessThan(DEFAULT_SEED_UNTIL.getTime());
    }
  });

  it('finds every customer by its id, and no other id', () => {
    const base = new BaseShop(timelineOf(options));
    for (const [index, customer] of customers.entries()) expect(base.indexOf(customer.id)).toBe(index);
    expect(base.indexOf('0'.repeat(32))).toBe(-1);
    expect(base.indexOf(`${(customers[5] as ShopwareCustomer).id.slice(0, 31)}0`)).toBe(-1);
    expect(base.indexOf((customers[5] as ShopwareCustomer).addresses?.[0]?.id as string)).toBe(-1);
  });

  it('keeps e-mails unique, except for guests who ordered again as guests', () => {
    const byEmail = new Map<string, ShopwareCustomer[]>();
    for (const customer of customers)
      byEmail.set(customer.email, [...(byEmail.get(customer.email) ?? []), customer]);
    const shared = [...byEmail.values()].filter((group) => group.length > 1);
    expect(shared.length).toBeGreaterThan(0);
    for (const group of shared) expect(group.every((customer) => customer.guest)).toBe(true);
  });

  it('breaks about the share asked for, never a guest', () => {
    expect(shop.broken.size).toBeGreaterThan(options.customers * options.brokenShare * 0.6);
    expect(shop.broken.size).toBeLessThan(options.customers * options.brokenShare * 1.4);
    const byId = new Map(customers.map((customer) => [customer.id, customer]));
    for (const [id, kind] of shop.broken) {
      const customer = byId.get(id) as ShopwareCustomer;
      expect(customer.guest).toBe(false);
      if (kind === 'email') expect(customer.email).not.toMatch(/^[^@\s()]+@[^@\s]+$/);
    }
  });
});
