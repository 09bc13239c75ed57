/**
 * Issue 13's Cloud case: a customer whose updatedAt is "yesterday" (not a date) used to hold the Last transfer
 * watermark for good, so that every Last transfer read nearly everything again. Kept as an open record, it no
 * longer holds it: the next Last transfer reads only the overlap, and the record stays open (the Cloud adapter
 * cannot read by id: docs/adapters.md) until a read returns it valid.
 */
import { afterEach, expect, it } from 'vitest';
import { createCloudAdapter } from '../src/adapters/cloud/adapter.ts';
import { createAdapterRegistry } from '../src/adapters/registry.ts';
import { ChannelService } from '../src/channels/channel-service.ts';
import { runImport } from '../src/import/import-service.ts';
import { createServices } from '../src/services.ts';
import { type CloudSimulator, startCloudSimulator } from '../src/simulators/cloud/simulator.ts';
import { lastTransfer } from './support/import-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

const adapters = createAdapterRegistry([
  createCloudAdapter({ http: { retry: { retries: 1, backoffBaseMs: 1 } } }),
]);

describeEachDb('Open records: a Cloud customer updated "yesterday"', (getDb) => {
  const sims: CloudSimulator[] = [];
  afterEach(async () => {
    await Promise.all(sims.splice(0).map((sim) => sim.close()));
  });

  it('is kept open and no longer holds the watermark: the next Last transfer reads only the overlap', async () => {
    const db = getDb();
    const sim = await startCloudSimulator({
      flavour: 'kontor',
      customers: 60,
      seed: 16,
      brokenShare: 0.1,
      guestShare: 0,
    });
    sims.push(sim);
    const yesterday = [...sim.broken].filter(([, kind]) => kind === 'date').map(([id]) => id);
    expect(yesterday.length).toBeGreaterThan(0);
    await new ChannelService(db, adapters).add({
      name: 'cloud',
      adapter: 'cloud',
      type: 'b2b-b2c',
      url: sim.url,
      settings: sim.channelSettings,
      customerApproval: false,
      pseudoPartnerNumber: null,
    });
    const services = createServices(db, adapters);
    expect(services.adapters.get('cloud').capabilities.byId).toBe(false);

    const first = await runImport({ db, adapters }, lastTransfer('cloud'));
    expect(first.counts.read).toBe(60);
    expect(first.watermarkAfter).not.toBeNull();
    const open = await services.records.list({ channel: 'cloud', state: 'open' });
    expect(open.records.map((record) => record.externalId)).toEqual(expect.arrayContaining(yesterday));
    expect(open.total).toBe(first.counts.errors);

    const second = await runImport({ db, adapters }, lastTransfer('cloud'));
    expect(second.state).toBe('finished');
    expect(second.counts.read).toBeLessThan(10);
    expect(second.counts.unchanged).toBe(second.counts.read);
    expect(second.watermarkAfter).toBe(first.watermarkAfter);
    // Not returned by the read, the records stay open (nothing vanishes from view).
    const still = await services.records.list({ channel: 'cloud', state: 'open' });
    expect(still.records.map((record) => record.externalId).sort()).toEqual(
      open.records.map((record) => record.externalId).sort(),
    );
  });
});
