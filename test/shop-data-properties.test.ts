/**
 * Property-based test of every adapter against the bad data a real shop sends: its simulator's answers pass
 * through a proxy that replaces values inside the records by values of any type (null, numbers, objects,
 * lists, odd text, a missing key). Whatever the data, the read goes on to its end, every customer arrives
 * once, as a customer or as a rejection with a code and a message, and a customer delivered is well formed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChannelCustomer } from '../src/domain/channel-customer.ts';
import { HARNESSES } from '../src/simulators/harnesses.ts';
import { type Mutation, startCorruptingProxy } from './support/corrupting-proxy.ts';

/** What each shop pages and identifies its customers by: the proxy leaves these keys alone. */
const PAGING_KEYS: Record<string, readonly string[]> = {
  magento: ['id', 'updated_at', 'created_at', 'total_count', 'search_criteria'],
  shopware: ['id', 'updatedAt', 'createdAt', 'total', 'customerNumber', 'aggregations'],
  webshop: ['id', 'modifiedAt', 'hasMore'],
  sfa: ['id', 'modifiedAt', 'meta'],
  ibus: ['id', 'changedAt', 'sequence', 'deleted', 'type'],
  cloud: ['id', 'customerId', 'updatedAt', 'modified', 'next', 'cursor'],
  amazon: ['AmazonOrderId', 'BuyerInfo', 'LastUpdateDate', 'PurchaseDate', 'OrderStatus', 'NextToken'],
  oxid: ['OXID', 'OXTIMESTAMP', 'OXCREATE', 'cursor'],
  'retail-pos': ['customerId', 'modifiedAt', 'next'],
};

const oddText = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'x'.repeat(5000),
  '😀',
  '0000-00-00',
  'null',
  '<b>',
  '\u202e',
);
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string(),
  oddText,
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.string(), fc.integer()), { maxKeys: 3 }),
);
const mutations: fc.Arbitrary<Mutation[]> = fc.array(fc.record({ pathPick: fc.nat(), value: oddValue }), {
  minLength: 1,
  maxLength: 40,
});

const isTextOrNull = (value: unknown) => value === null || typeof value === 'string';

function expectWellFormed(customer: ChannelCustomer): void {
  expect(typeof customer.externalId).toBe('string');
  expect(customer.externalId).not.toBe('');
  expect(Number.isNaN(Date.parse(customer.updatedAt))).toBe(false);
  for (const key of ['email', 'firstName', 'lastName', 'company', 'taxId'] as const) {
    expect(isTextOrNull(customer[key]), `${key} of ${customer.externalId}`).toBe(true);
  }
  for (const list of [customer.phones, customer.websites]) {
    expect(list.every((item) => typeof item === 'string')).toBe(true);
  }
  expect(Array.isArray(customer.addresses)).toBe(true);
  for (const address of customer.addresses) {
    for (const value of Object.values(address)) {
      expect(value === null || ['string', 'boolean', 'number'].includes(typeof value)).toBe(true);
    }
  }
  expect(typeof customer.guest).toBe('boolean');
}

for (const { adapter, start } of HARNESSES) {
  describe(`bad shop data: ${adapter.kind}`, () => {
    it('any record is delivered once, as a customer or a rejection with a reason, and the read goes on', async () => {
      const sim = await start({ customers: 30, seed: 21, brokenShare: 0, pageSize: 10 });
      const protectedKeys = new Set(PAGING_KEYS[adapter.kind] ?? ['id']);
      try {
        await fc.assert(
          fc.asyncProperty(mutations, async (plan) => {
            const proxy = await startCorruptingProxy({
              target: sim.connection.url,
              mutations: plan,
              protectedKeys,
            });
            try {
              const ids: string[] = [];
              let unnamed = 0;
              for await (const page of adapter.readCustomers(
                { ...sim.connection, url: proxy.url },
                { since: null, emails: null, cursor: null },
              )) {
                for (const customer of page.customers) {
                  expectWellFormed(customer);
                  ids.push(customer.externalId);
                }
                for (const record of page.rejected) {
                  expect(record.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
                  expect(record.message.trim()).not.toBe('');
                  if (record.externalId === null) unnamed++;
                  else ids.push(record.externalId);
                }
              }
              expect(proxy.mutated()).toBeGreaterThan(0);
              expect(ids.length).toBe(new Set(ids).size);
              const all = new Set(sim.allIds());
              expect(ids.filter((id) => !all.has(id))).toEqual([]);
              expect(ids.length + unnamed).toBe(all.size);
            } finally {
              await proxy.close();
            }
          }),
          { numRuns: 12, seed: 20261202 },
        );
      } finally {
        await sim.close();
      }
    }, 120_000);
  });
}
