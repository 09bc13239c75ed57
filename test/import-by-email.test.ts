/**
 * By email, end to end: Magento selects exactly the customers with the given registration e-mails (ignoring
 * case) and leaves the watermark alone; every address the shop does not know is logged EMAIL_NOT_FOUND (a
 * warning) on each adapter that selects by e-mail (Magento, OXID); an adapter without the capability refuses
 * the selection clearly.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runImport } from '../src/import/import-service.ts';
import { RunService } from '../src/import/run-service.ts';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import { type OxidSimulator, startOxidSimulator } from '../src/simulators/oxid/simulator.ts';
import { type ShopwareSimulator, startShopwareSimulator } from '../src/simulators/shopware/simulator.ts';
import { findChannelByName } from '../src/storage/channel-store.ts';
import { listPartners } from '../src/storage/partner-read-store.ts';
import {
  testAdapters as adapters,
  addMagentoChannel,
  addShopwareChannel,
  createChannel,
  importRequest,
} from './support/import-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

describeEachDb('By email', (getDb) => {
  let magento: MagentoSimulator;
  let shopware: ShopwareSimulator;
  let oxid: OxidSimulator;
  beforeAll(async () => {
    oxid = await startOxidSimulator({ customers: 60, seed: 53, brokenShare: 0.1 });
    magento = await startMagentoSimulator({ customers: 40, seed: 51, brokenShare: 0 });
    shopware = await startShopwareSimulator({ customers: 10, seed: 52, brokenShare: 0 });
  });
  afterAll(async () => {
    await magento?.close();
    await shopware?.close();
    await oxid?.close();
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
    expect(run.counts).toMatchObject({ read: 2, created: 2, warnings: 1, errors: 0 });
    expect(await new RunService(db).log(run.id)).toEqual([
      {
        level: 'warning',
        externalId: null,
        code: 'EMAIL_NOT_FOUND',
        message: 'The shop has no customer with the e-mail nobody@example.com.',
      },
    ]);
    const partners = await listPartners(db, { channel: 'shop' });
    expect(partners.map((p) => p.email).sort()).toEqual([...wanted].sort());
    expect((await findChannelByName(db, 'shop'))?.watermark).toBeNull();

    // Without By email (Changed since: Anytime) the same channel imports everyone.
    const all = await runImport({ db, adapters }, importRequest('shop', { confirmAllWarnings: true }));
    expect(all.counts).toMatchObject({ read: 40, created: 38, unchanged: 2 });
  });

  it('OXID: logs each unknown address, and not one whose record was read but refused', async () => {
    const db = getDb();
    await createChannel(db, adapters, {
      name: 'ox',
      adapter: 'oxid',
      type: 'b2c',
      url: oxid.url,
      settings: { apiKey: oxid.apiKey, pageSize: '25' },
    });
    const users = oxid.store.customers();
    const broken = users.find((user) => oxid.broken.get(user.columns.OXID) === 'date');
    const sound = users.find((user) => !oxid.broken.has(user.columns.OXID));
    if (!broken || !sound) throw new Error('the seed has no user with a broken date');
    const emails = [
      sound.columns.OXUSERNAME,
      broken.columns.OXUSERNAME,
      'nobody@example.com',
      'Ghost@Example.org',
    ];
    const run = await runImport(
      { db, adapters },
      importRequest('ox', { emails: emails.map(String), confirmAllWarnings: true }),
    );
    expect(run.counts).toMatchObject({ read: 2, created: 1, errors: 1, warnings: 2 });
    const log = await new RunService(db).log(run.id);
    expect(log.filter((line) => line.code === 'EMAIL_NOT_FOUND')).toEqual([
      expect.objectContaining({
        level: 'warning',
        externalId: null,
        message: expect.stringContaining('nobody@example.com'),
      }),
      expect.objectContaining({
        level: 'warning',
        externalId: null,
        message: expect.stringContaining('Ghost@Example.org'),
      }),
    ]);
    expect(log.find((line) => line.code === 'INVALID_DATE')?.externalId).toBe(broken.columns.OXID);
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
