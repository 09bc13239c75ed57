/**
 * By email, end to end: Magento selects exactly the customers with the given registration e-mails (ignoring
 * case) and leaves the watermark alone; an adapter without the capability refuses the selection clearly.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runImport } from '../src/import/import-service.ts';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import { type ShopwareSimulator, startShopwareSimulator } from '../src/simulators/shopware/simulator.ts';
import { findChannelByName } from '../src/storage/channel-store.ts';
import { listPartners } from '../src/storage/partner-read-store.ts';
import {
  testAdapters as adapters,
  addMagentoChannel,
  addShopwareChannel,
  importRequest,
} from './support/import-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

describeEachDb('By email', (getDb) => {
  let magento: MagentoSimulator;
  let shopware: ShopwareSimulator;
  beforeAll(async () => {
    magento = await startMagentoSimulator({ customers: 40, seed: 51, brokenShare: 0 });
    shopware = await startShopwareSimulator({ customers: 10, seed: 52, brokenShare: 0 });
  });
  afterAll(async () => {
    await magento?.close();
    await shopware?.close();
  });

  it('imports exactly the customers with the given e-mails, and does not move the watermark', async () => {
    const db = getDb();
    await addMagentoChannel(db, magento, 'shop', { type: 'b2c' });
    const wanted = [magento.store.get(3), magento.store.get(17)].map((customer) => customer?.email as string);
    const run = await runImport(
      { db, adapters },
      importRequest('shop', {
        emails: [wanted[0]?.toUpperCase() as string, wanted[1] as string, 'nobody@example.com'],
        confirmAllWarnings: true,
      }),
    );
    expect(run).toMatchObject({ state: 'finished', changedSince: 'by-email' });
    expect(run.counts).toMatchObject({ read: 2, created: 2 });
    const partners = await listPartners(db, { channel: 'shop' });
    expect(partners.map((p) => p.email).sort()).toEqual([...wanted].sort());
    expect((await findChannelByName(db, 'shop'))?.watermark).toBeNull();

    // Without By email (Changed since: Anytime) the same channel imports everyone.
    const all = await runImport({ db, adapters }, importRequest('shop', { confirmAllWarnings: true }));
    expect(all.counts).toMatchObject({ read: 40, created: 38, unchanged: 2 });
  });

  it('is refused for an adapter that cannot select by e-mail', async () => {
    const db = getDb();
    await addShopwareChannel(db, shopware, 'sw', { type: 'b2c' });
    await expect(
      runImport({ db, adapters }, importRequest('sw', { emails: ['a@example.com'] })),
    ).rejects.toThrow(/Shopware.*e-mail/);
    expect(await listPartners(db, { channel: 'sw' })).toEqual([]);
  });
});
