/**
 * Progress with a total: the Magento and Shopware adapters tell each page the read's total (total_count,
 * total with total-count-mode), the import carries it with the pages read to the batch run (progress), and
 * the API shows it. Adapters without a total report pages only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerPage } from '../src/adapters/adapter.ts';
import { createMagentoAdapter } from '../src/adapters/magento/adapter.ts';
import { createShopwareAdapter } from '../src/adapters/shopware/adapter.ts';
import { runJobNow } from '../src/batch/run-job-now.ts';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import { type ShopwareSimulator, startShopwareSimulator } from '../src/simulators/shopware/simulator.ts';
import { importBody, testApi } from './support/api-fixtures.ts';
import { FAST_TIMING, testApplications } from './support/batch-fixtures.ts';
import { addMagentoChannel, addShopwareChannel } from './support/import-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

async function pagesOf(pages: AsyncIterable<CustomerPage>): Promise<CustomerPage[]> {
  const all: CustomerPage[] = [];
  for await (const page of pages) all.push(page);
  return all;
}

const records = (page: CustomerPage) => page.customers.length + page.rejected.length;

let magento: MagentoSimulator;
let shopware: ShopwareSimulator;
beforeAll(async () => {
  magento = await startMagentoSimulator({ customers: 23, seed: 3, brokenShare: 0.1 });
  shopware = await startShopwareSimulator({ customers: 37, seed: 4, brokenShare: 0 });
});
afterAll(async () => {
  await magento?.close();
  await shopware?.close();
});

describe('the total a shop tells', () => {
  it('Magento: every page carries the read total from total_count (also in a resumed read)', async () => {
    const adapter = createMagentoAdapter();
    const connection = { url: magento.url, settings: { token: magento.token, pageSize: '5' } };
    const pages = await pagesOf(
      adapter.readCustomers(connection, { since: null, emails: null, cursor: null }),
    );
    expect(pages.map(records)).toEqual([5, 5, 5, 5, 3]);
    expect(pages.map((page) => page.total)).toEqual([23, 23, 23, 23, 23]);

    // From the middle (a resumed read): the total counts what this read delivers.
    const resumed = await pagesOf(
      adapter.readCustomers(connection, { since: null, emails: null, cursor: pages[1]?.cursor ?? null }),
    );
    expect(resumed.map((page) => page.total)).toEqual([13, 13, 13]);
  });

  it('Shopware: the exact total of both keyset streams, asked once with their first page', async () => {
    const bodies: Array<Record<string, unknown>> = [];
    const adapter = createShopwareAdapter({
      http: {
        fetch: async (input, init) => {
          if (String(input).includes('/api/search/customer')) bodies.push(JSON.parse(String(init?.body)));
          return fetch(input, init);
        },
      },
    });
    const connection = {
      url: shopware.url,
      settings: {
        clientId: shopware.integration.clientId,
        clientSecret: shopware.integration.clientSecret,
        pageSize: '10',
      },
    };
    const pages = await pagesOf(
      adapter.readCustomers(connection, { since: null, emails: null, cursor: null }),
    );
    expect(pages.map(records)).toEqual([10, 10, 10, 7]);
    expect(pages.map((page) => page.total)).toEqual([37, 37, 37, 37]);
    // Counted once per stream (two streams), not on every page.
    expect(bodies.filter((body) => body['total-count-mode'] === 1)).toHaveLength(2);
    expect(bodies.length).toBeGreaterThan(2);
  });
});

describeEachDb('a run reports its pages and the total', (getDb) => {
  it('keeps pages and total with the batch run, which the API shows', async () => {
    const db = getDb();
    const api = testApi(db);
    await api.addUser('alice', 'administrator');
    const alice = await api.as('alice');
    await addMagentoChannel(db, magento, 'shop', { settings: { token: magento.token, pageSize: '5' } });
    await addShopwareChannel(db, shopware, 'sw', {
      settings: {
        clientId: shopware.integration.clientId,
        clientSecret: shopware.integration.clientSecret,
        pageSize: '10',
      },
    });
    for (const [channel, expected] of [
      ['shop', { pages: 5, total: 23 }],
      ['sw', { pages: 4, total: 37 }],
    ] as const) {
      const filed = await alice.post('/api/import-customers', importBody({ channel }));
      expect(filed.statusCode, filed.body).toBe(201);
      const id = filed.json().id as number;
      await runJobNow({
        db,
        applications: testApplications,
        jobId: id,
        serverName: 'progress',
        timing: FAST_TIMING,
      });
      const job = (await alice.get(`/api/jobs/${id}`)).json();
      expect(job.runs[0].state).toBe('finished');
      expect(job.runs[0].progress).toEqual(expected);
      expect(job.runs[0].counts.read).toBe(expected.total);
    }
  });
});
