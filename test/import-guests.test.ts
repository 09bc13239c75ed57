/**
 * Occasional (guest) customers and the pseudo partner, end to end with the Cloud simulator (its customers
 * carry a guest flag): with "Use pseudo partner" guests create no partners; without it a guest is linked to
 * the partner the channel already has for its e-mail, else created.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createCloudAdapter } from '../src/adapters/cloud/adapter.ts';
import { createAdapterRegistry } from '../src/adapters/registry.ts';
import { ChannelService } from '../src/channels/channel-service.ts';
import { runImport } from '../src/import/import-service.ts';
import { type CloudSimulator, startCloudSimulator } from '../src/simulators/cloud/simulator.ts';
import type { Db } from '../src/storage/db.ts';
import { getRunLog } from '../src/storage/import-run-store.ts';
import { listPartners } from '../src/storage/partner-read-store.ts';
import { importRequest } from './support/import-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

const adapters = createAdapterRegistry([
  createCloudAdapter({ http: { retry: { retries: 1, backoffBaseMs: 1 } } }),
]);

describeEachDb('Occasional customers and the pseudo partner', (getDb) => {
  let sim: CloudSimulator;
  beforeEach(async () => {
    sim = await startCloudSimulator({ customers: 40, seed: 41, brokenShare: 0, guestShare: 0.3 });
  });
  afterEach(async () => {
    await sim?.close();
  });

  const guests = () => sim.store.list().filter((raw) => raw.guest === true);
  const addChannel = (db: Db, pseudoPartnerNumber: string | null) =>
    new ChannelService(db, adapters).add({
      name: 'cloud',
      adapter: 'cloud',
      type: 'b2c',
      url: sim.url,
      settings: sim.channelSettings,
      customerApproval: false,
      pseudoPartnerNumber,
    });
  const run = (db: Db) => runImport({ db, adapters }, importRequest('cloud', { confirmAllWarnings: true }));

  it('with "Use pseudo partner" creates no partners for guests, counts and logs them', async () => {
    const db = getDb();
    await addChannel(db, '100000');
    const result = await run(db);
    const guestIds = guests().map((raw) => String(raw.id));
    expect(guestIds.length).toBeGreaterThan(3);
    expect(result.counts).toMatchObject({
      read: 40,
      skipped: guestIds.length,
      created: 40 - guestIds.length,
    });
    const skipped = (await getRunLog(db, result.id)).filter((line) => line.level === 'skipped');
    expect(skipped.map((line) => line.externalId).sort()).toEqual(guestIds.sort());
    expect(skipped[0]?.message).toContain('pseudo partner 100000');
    const linked = (await listPartners(db, { channel: 'cloud' })).map((p) => p.links[0]?.externalId);
    for (const id of guestIds) expect(linked).not.toContain(id);
  });

  it('without it creates guests as partners, or links them to the partner the channel has for the e-mail', async () => {
    const db = getDb();
    await addChannel(db, null);
    const [guest, other] = guests();
    const registered = sim.store.list().find((raw) => raw.guest !== true) as Record<string, unknown>;
    // The registered customer orders again as a guest with the same e-mail (another spelling).
    sim.store.change(String(guest?.id), (raw) => {
      raw.email = String(registered.email).toUpperCase();
    });
    const result = await run(db);
    expect(result.counts.created).toBe(39);
    const partners = await listPartners(db, { channel: 'cloud' });
    const owner = partners.find((p) => p.email === registered.email);
    expect(owner?.links.map((link) => link.externalId).sort()).toEqual(
      [String(guest?.id), String(registered.id)].sort(),
    );
    expect(partners.find((p) => p.links.some((link) => link.externalId === String(other?.id)))?.email).toBe(
      other?.email,
    );
    const line = (await getRunLog(db, result.id)).find((l) => l.externalId === String(guest?.id));
    expect(line).toMatchObject({ level: 'info', code: 'GUEST_LINKED' });
    // Linked to the partner by number, or (same page) to the partner created for the e-mail in this run.
    expect(line?.message).toMatch(
      new RegExp(`linked to (partner ${owner?.number}|the partner created for the same e-mail)`),
    );
  });

  it('refuses a pseudo partner on a B2B channel', async () => {
    await expect(
      new ChannelService(getDb(), adapters).add({
        name: 'b2b',
        adapter: 'cloud',
        type: 'b2b',
        url: sim.url,
        settings: sim.channelSettings,
        customerApproval: false,
        pseudoPartnerNumber: '100000',
      }),
    ).rejects.toThrow('A B2B channel has no pseudo partner');
  });
});
