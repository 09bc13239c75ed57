/**
 * A long read goes on in a worker thread (src/import/read-hand-off.ts): for every adapter the import then
 * gets the same customers in the same order as from the adapter alone, with the shop's total counted from
 * the start; the worker reads one page ahead of the import, and no more; the worker's errors arrive as the
 * adapter's, and a stop ends the worker's read.
 */
import { describe, expect, it } from 'vitest';
import type { Adapter, ChannelConnection, CustomerPage } from '../src/adapters/adapter.ts';
import { defaultAdapters } from '../src/adapters/registry.ts';
import { AuthError, ConfigError, KontorError } from '../src/domain/errors.ts';
import { HAND_OFF_PAGES, readChannel } from '../src/import/read-hand-off.ts';
import { readInWorker } from '../src/import/worker-read.ts';
import { HARNESSES, harnessOf } from '../src/simulators/harnesses.ts';
import { startMagentoSimulator } from '../src/simulators/magento/simulator.ts';

const CUSTOMERS = 260;
const PAGE = 10; // 26 pages: the rest after HAND_OFF_PAGES is read in the worker
const request = { since: null, emails: null, cursor: null };

const ids = (pages: CustomerPage[]) =>
  pages.flatMap((page) => [
    ...page.customers.map((customer) => customer.externalId),
    ...page.rejected.map((record) => record.externalId),
  ]);

async function collect(source: AsyncIterable<CustomerPage>): Promise<CustomerPage[]> {
  const pages: CustomerPage[] = [];
  for await (const page of source) pages.push(page);
  return pages;
}

function alone(adapter: Adapter, connection: ChannelConnection) {
  return collect(adapter.readCustomers(connection, request));
}

describe('a long read handed to a worker thread', () => {
  for (const { adapter: harnessAdapter, start } of HARNESSES) {
    // The adapter as the import has it (the harness's own retries faster, and only the registry's cross threads).
    const adapter = defaultAdapters.get(harnessAdapter.kind);
    it(`${adapter.kind}: the same customers in the same order as the adapter alone`, async () => {
      const sim = await start({ customers: CUSTOMERS, seed: 11, pageSize: PAGE });
      try {
        const expected = await alone(adapter, sim.connection);
        expect(expected.length).toBeGreaterThan(HAND_OFF_PAGES);
        const handedOff: number[] = [];
        const pages = await collect(
          readChannel(adapter, sim.connection, request, new AbortController().signal, {
            onHandOff: (read) => handedOff.push(read),
          }),
        );
        expect(handedOff).toHaveLength(1);
        expect(handedOff[0]).toBeLessThanOrEqual(HAND_OFF_PAGES);
        expect(ids(pages)).toEqual(ids(expected));
        expect(pages.map((page) => page.customers)).toEqual(expected.map((page) => page.customers));
        expect(pages.map((page) => page.total)).toEqual(expected.map((page) => page.total));
      } finally {
        await sim.close();
      }
    });
  }

  it('the worker reads one page ahead of the import, and not two', async () => {
    const sim = await startMagentoSimulator({ customers: 60, seed: 4, brokenShare: 0 });
    try {
      const connection = { url: sim.url, settings: { token: sim.token, pageSize: String(PAGE) } };
      const expected = await alone(defaultAdapters.get('magento'), connection);
      // The adapter pages by keyset (entity_id after the last one read): one search request a page.
      const served = () =>
        sim.requests.filter((request) => request.path.includes('/V1/customers/search')).length;
      sim.requests.length = 0;
      const pages = readInWorker({ kind: 'magento', connection, request });
      const received: CustomerPage[] = [];
      for (let asked = 1; asked <= 2; asked += 1) {
        const next = await pages.next();
        if (next.done) throw new Error('the read ended early');
        received.push(next.value);
        // Unasked, the worker fetches the page after the one it handed over...
        await expect.poll(served, { timeout: 5_000 }).toBe(asked + 1);
        // ...and stops there until the import asks again.
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(served()).toBe(asked + 1);
      }
      for await (const page of pages) received.push(page);
      expect(ids(received)).toEqual(ids(expected));
      expect(received.map((page) => page.customers)).toEqual(expected.map((page) => page.customers));
    } finally {
      await sim.close();
    }
  });

  it('a short read stays on the import thread', async () => {
    const { start } = harnessOf('magento') as (typeof HARNESSES)[number];
    const adapter = defaultAdapters.get('magento');
    const sim = await start({ customers: 40, seed: 3, pageSize: PAGE });
    try {
      let handedOff = false;
      const pages = await collect(
        readChannel(adapter, sim.connection, request, new AbortController().signal, {
          onHandOff: () => {
            handedOff = true;
          },
        }),
      );
      expect(ids(pages)).toEqual(ids(await alone(adapter, sim.connection)));
      expect(handedOff).toBe(false);
    } finally {
      await sim.close();
    }
  });

  it("the worker's errors arrive as the adapter's, with their kind and code", async () => {
    const { start } = harnessOf('magento') as (typeof HARNESSES)[number];
    const adapter = defaultAdapters.get('magento');
    const sim = await start({ customers: CUSTOMERS, seed: 5, pageSize: PAGE });
    try {
      const pages: CustomerPage[] = [];
      const read = readChannel(adapter, sim.connection, request, new AbortController().signal, {
        // From the worker's first request on, the shop refuses the token.
        onHandOff: () => sim.faults.injectFailure({ times: 100, status: 401 }),
      });
      const failure = await (async () => {
        for await (const page of read) pages.push(page);
      })().catch((error: unknown) => error);
      expect(pages).toHaveLength(HAND_OFF_PAGES);
      expect(failure).toBeInstanceOf(AuthError);
      const alone401 = await (async () => {
        sim.faults.injectFailure({ times: 1, status: 401 });
        await alone(adapter, sim.connection);
      })().catch((error: unknown) => error);
      expect((failure as KontorError).code).toBe((alone401 as KontorError).code);
      expect((failure as KontorError).message).toBe((alone401 as KontorError).message);
    } finally {
      await sim.close();
    }
  });

  it('an adapter the worker does not know fails the read with a configuration error', async () => {
    const read = readInWorker({
      kind: 'nope',
      connection: { url: 'http://127.0.0.1:9', settings: {} },
      request,
    });
    const failure = await collect(read).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as ConfigError).code).toBe('UNKNOWN_ADAPTER');
  });

  it('a stop ends the read in the worker with the reason', async () => {
    const { start } = harnessOf('magento') as (typeof HARNESSES)[number];
    const sim = await start({ customers: CUSTOMERS, seed: 9, pageSize: PAGE });
    try {
      const stop = new AbortController();
      const data = { kind: 'magento', connection: sim.connection, request };
      const pages: CustomerPage[] = [];
      const failure = await (async () => {
        for await (const page of readInWorker(data, stop.signal)) {
          pages.push(page);
          if (pages.length === 3) stop.abort(new Error('maximum run time reached'));
        }
      })().catch((error: unknown) => error);
      expect(pages).toHaveLength(3);
      expect(failure).toBeInstanceOf(KontorError);
      expect((failure as KontorError).code).toBe('ABORTED');
      expect((failure as KontorError).message).toContain('maximum run time reached');
    } finally {
      await sim.close();
    }
  });
});
