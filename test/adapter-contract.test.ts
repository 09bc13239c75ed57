/**
 * The adapter contract, checked for every adapter against its simulator: every customer arrives exactly
 * once, pages come in change-time order, Changed since returns exactly the changed customers, a read
 * resumes from its cursor, and the declared capabilities (By email, deletions, read by id) hold.
 */
import { describe, expect, it } from 'vitest';
import type { Adapter, CustomerPage, ReadRequest } from '../src/adapters/adapter.ts';
import { HARNESSES } from '../src/simulators/harnesses.ts';
import type { HarnessOptions, SimulatorHarness } from '../src/simulators/kit/harness.ts';

const CUSTOMERS = 120;

/** 120 customers in pages of 50, so that every read spans several pages. */
const options = (seed: number): HarnessOptions => ({ customers: CUSTOMERS, seed, pageSize: 50 });

async function readAll(adapter: Adapter, harness: SimulatorHarness, request: Partial<ReadRequest> = {}) {
  const pages: CustomerPage[] = [];
  for await (const page of adapter.readCustomers(harness.connection, {
    since: null,
    emails: null,
    cursor: null,
    ...request,
  })) {
    pages.push(page);
  }
  const ids = pages.flatMap((page) => [
    ...page.customers.map((customer) => customer.externalId),
    ...page.rejected.flatMap((record) => (record.externalId === null ? [] : [record.externalId])),
  ]);
  return { pages, ids, deleted: pages.flatMap((page) => page.deleted) };
}

/** The last whole second before now: the simulators keep change times in seconds. */
function secondBeforeNow(): Date {
  return new Date(Math.floor(Date.now() / 1000) * 1000 - 1000);
}

for (const { adapter, start } of HARNESSES) {
  const { capabilities } = adapter;
  describe(`adapter contract: ${adapter.kind}`, () => {
    it('delivers every customer exactly once, in change-time order, in pages no larger than declared', async () => {
      const sim = await start(options(7));
      try {
        const { pages, ids } = await readAll(adapter, sim);
        expect(pages.length).toBeGreaterThan(1);
        expect(ids.length).toBe(new Set(ids).size);
        expect(new Set(ids)).toEqual(new Set(sim.allIds()));
        let previous = '';
        for (const page of pages) {
          const times = page.customers.map((customer) => Date.parse(customer.updatedAt));
          expect(page.customers.length + page.rejected.length).toBeLessThanOrEqual(capabilities.pageSize);
          if (times.length === 0) continue;
          expect(Math.min(...times)).toBeGreaterThanOrEqual(previous === '' ? 0 : Date.parse(previous));
          previous = new Date(Math.max(...times)).toISOString();
        }
      } finally {
        await sim.close();
      }
    });

    it('resumes from the cursor of a page without losing or repeating customers', async () => {
      const sim = await start(options(8));
      try {
        const all = await readAll(adapter, sim);
        const first = all.pages[0] as CustomerPage;
        const rest = await readAll(adapter, sim, { cursor: first.cursor });
        const firstIds = [...first.customers, ...first.rejected].map((record) => record.externalId);
        const together = [...firstIds, ...rest.ids];
        expect(together.length).toBe(new Set(together).size);
        expect(new Set(together)).toEqual(new Set(all.ids));
      } finally {
        await sim.close();
      }
    });

    it(`Changed since ${capabilities.changedSince ? 'returns exactly the changed customers' : 'is not declared: every read returns all'}`, async () => {
      const sim = await start(options(9));
      try {
        const since = secondBeforeNow();
        const changed = await sim.change(3);
        const { ids } = await readAll(adapter, sim, { since });
        if (capabilities.changedSince) expect(new Set(ids)).toEqual(new Set(changed));
        else expect(new Set(ids)).toEqual(new Set(sim.allIds()));
      } finally {
        await sim.close();
      }
    });

    it(`By email is ${capabilities.byEmail ? 'supported: exactly the given customers' : 'not declared: refused, not ignored'}`, async () => {
      const sim = await start(options(10));
      try {
        const wanted = sim.emailsOf(2);
        const emails = wanted.map((item) => item.email.toUpperCase());
        if (capabilities.byEmail) {
          const { ids } = await readAll(adapter, sim, { emails });
          expect(ids.sort()).toEqual(wanted.map((item) => item.externalId).sort());
        } else {
          await expect(readAll(adapter, sim, { emails })).rejects.toMatchObject({
            code: 'BY_EMAIL_UNSUPPORTED',
            kind: 'config',
          });
        }
      } finally {
        await sim.close();
      }
    });

    it(`detects deleted customers (${capabilities.deletions})`, async () => {
      const sim = await start(options(11));
      try {
        const since = secondBeforeNow();
        const removed = await sim.remove(2);
        if (capabilities.deletions === 'tombstones') {
          const { deleted, ids } = await readAll(adapter, sim, { since });
          expect(deleted.map((item) => item.externalId).sort()).toEqual([...removed].sort());
          expect(ids.filter((id) => removed.includes(id))).toEqual([]);
        } else if (capabilities.deletions === 'id-scan') {
          expect(adapter.listIds).toBeTypeOf('function');
          const listed: string[] = [];
          for await (const batch of adapter.listIds?.(sim.connection) ?? []) listed.push(...batch);
          expect(new Set(listed)).toEqual(new Set(sim.allIds()));
          expect(listed.filter((id) => removed.includes(id))).toEqual([]);
        } else {
          expect(adapter.listIds).toBeUndefined();
        }
      } finally {
        await sim.close();
      }
    });

    it(`reads customers by id ${capabilities.byId ? '(byId): exactly those asked for, as the read maps them' : 'is not declared: no readByIds'}`, async () => {
      if (!capabilities.byId) {
        expect(adapter.readByIds).toBeUndefined();
        return;
      }
      const sim = await start(options(13));
      try {
        const { pages } = await readAll(adapter, sim);
        const read = new Map(pages.flatMap((page) => page.customers.map((c) => [c.externalId, c] as const)));
        // More than a page of ids (pageSize 50), every second one, and an id the shop does not have.
        const wanted = sim
          .allIds()
          .filter((_, index) => index % 2 === 0)
          .slice(0, 55);
        const unknown = sim.allIds()[0]?.replace(/.$/, (last) => (last === '0' ? '1' : '0')) ?? 'x';
        const ask = [...wanted, ...(sim.allIds().includes(unknown) ? [] : [unknown])];
        const got: string[] = [];
        for await (const page of adapter.readByIds?.(sim.connection, ask) ?? []) {
          for (const customer of page.customers) {
            got.push(customer.externalId);
            expect(customer).toEqual(read.get(customer.externalId));
          }
          for (const record of page.rejected) if (record.externalId) got.push(record.externalId);
        }
        expect(got.sort()).toEqual([...wanted].sort());
      } finally {
        await sim.close();
      }
    });
  });
}
