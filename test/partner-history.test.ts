/**
 * A partner's change history, release and block by a user, and merging two partners (docs/import-rules.md
 * "Change history", "Merging"), end to end: Magento simulator, import runs, a real database.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runImport } from '../src/import/import-service.ts';
import { PartnerService } from '../src/partners/partner-service.ts';
import { startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import { recordUserLink } from '../src/storage/partner-history-store.ts';
import { listPartners } from '../src/storage/partner-read-store.ts';
import { findEmailOwners } from '../src/storage/partner-write-store.ts';
import {
  addMagentoChannel,
  anytime,
  byExternalId,
  lastTransfer,
  testAdapters,
} from './support/import-fixtures.ts';
import { MagentoRest } from './support/magento-rest.ts';
import { describeEachDb } from './support/test-databases.ts';

type Simulator = Awaited<ReturnType<typeof startMagentoSimulator>>;

describeEachDb('Partner history, status and merge', (getDb) => {
  let sim: Simulator;
  let rest: MagentoRest;
  const deps = () => ({ db: getDb(), adapters: testAdapters });
  const service = () => new PartnerService(getDb());

  beforeAll(async () => {
    sim = await startMagentoSimulator({ customers: 8, seed: 11, brokenShare: 0 });
    rest = new MagentoRest(sim.url, sim.token);
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('records the fields an import gave, then only the changed fields of a re-import, with their runs', async () => {
    await addMagentoChannel(getDb(), sim, 'shop');
    const first = await runImport(deps(), anytime('shop'));
    const customers = await rest.all();
    const customer = customers[0]!;
    const partner = byExternalId(await listPartners(getDb(), { channel: 'shop' }), 'shop').get(
      String(customer.id),
    )!;

    const created = await service().history(partner.number);
    expect(created.length).toBeGreaterThan(0);
    expect(created.every((entry) => entry.run === first.id && entry.action === 'import')).toBe(true);
    expect(created).toContainEqual(
      expect.objectContaining({ field: 'email', from: null, to: customer.email, run: first.id }),
    );
    expect(created).toContainEqual(expect.objectContaining({ field: 'name', from: null, to: partner.name }));

    // Nothing changed: a re-import records nothing.
    const same = await runImport(deps(), anytime('shop'));
    expect(same.counts.updated).toBe(0);
    expect(await service().history(partner.number)).toEqual(created);

    await rest.change(customer.id, (c) => ({ ...c, firstname: 'Zoë', email: `new.${c.email}` }));
    const changed = await runImport(deps(), lastTransfer('shop'));
    expect(changed.counts.updated).toBe(1);
    const history = await service().history(partner.number);
    const added = history.slice(created.length);
    expect(added.map((entry) => entry.field).sort()).toEqual(expect.arrayContaining(['email', 'firstName']));
    expect(added.every((entry) => entry.run === changed.id)).toBe(true);
    expect(added).toContainEqual(
      expect.objectContaining({ field: 'email', from: customer.email, to: `new.${customer.email}` }),
    );
    expect(added).toContainEqual(
      expect.objectContaining({ field: 'firstName', from: customer.firstname, to: 'Zoë' }),
    );
    // Fields that did not change are not recorded again.
    expect(added.map((entry) => entry.field)).not.toContain('addresses');

    // The cockpit's filter: the partners the run created or changed.
    expect((await service().search({ run: changed.id })).items.map((p) => p.number)).toEqual([
      partner.number,
    ]);
    expect((await service().search({ run: first.id })).total).toBe(customers.length);
    expect((await service().search({ run: same.id })).total).toBe(0);
  });

  it('records a changed address as the whole list, old -> new, in the partner JSON shape', async () => {
    await addMagentoChannel(getDb(), sim, 'shop');
    await runImport(deps(), anytime('shop'));
    const customer = (await rest.all()).find((c) => c.addresses.length > 0 && !c.addresses[0]?.company)!;
    const number = byExternalId(await listPartners(getDb(), { channel: 'shop' }), 'shop').get(
      String(customer.id),
    )!.number;
    const before = (await service().get(number))!;
    await rest.change(customer.id, (c) => ({
      ...c,
      addresses: c.addresses.map((a, i) => (i === 0 ? { ...a, city: 'Neustadt' } : a)),
    }));
    const run = await runImport(deps(), lastTransfer('shop'));
    const after = (await service().get(number))!;
    expect(after.addresses[0]?.city).toBe('Neustadt');
    const changes = (await service().history(number)).filter((entry) => entry.run === run.id);
    expect(changes).toEqual([
      expect.objectContaining({ field: 'addresses', from: before.addresses, to: after.addresses }),
    ]);
  });

  it('releases and blocks with who did it; imports never change the status', async () => {
    await addMagentoChannel(getDb(), sim, 'b2b', { type: 'b2b' });
    await runImport(deps(), anytime('b2b'));
    const [partner] = await listPartners(getDb(), { channel: 'b2b' });
    expect(partner?.status).toBe('Blocked');
    const released = await service().setStatus(partner!.number, 'Released', 'anna');
    expect(released.status).toBe('Released');
    await service().setStatus(partner!.number, 'Released', 'anna'); // no change: nothing recorded
    await service().setStatus(partner!.number, 'Blocked', 'ben');
    const statuses = (await service().history(partner!.number)).filter((entry) => entry.action === 'status');
    expect(statuses).toEqual([
      expect.objectContaining({ field: 'status', from: 'Blocked', to: 'Released', by: 'anna' }),
      expect.objectContaining({ field: 'status', from: 'Released', to: 'Blocked', by: 'ben' }),
    ]);
    expect(statuses[0]).not.toHaveProperty('run');
    await runImport(deps(), anytime('b2b'));
    expect((await service().get(partner!.number))?.status).toBe('Blocked');
  });

  it('merges two partners: links, addresses, contacts and history move or stay reachable; imports update the survivor', async () => {
    await addMagentoChannel(getDb(), sim, 'shop');
    await addMagentoChannel(getDb(), sim, 'second');
    await runImport(deps(), anytime('shop'));
    await runImport(deps(), anytime('second'));
    const customer = (await rest.all()).find((c) => c.addresses.length > 0)!;
    const all = await listPartners(getDb());
    const keep = byExternalId(all, 'shop').get(String(customer.id))!;
    const remove = byExternalId(all, 'second').get(String(customer.id))!;
    expect(keep.number).not.toBe(remove.number);
    const removedHistory = await service().history(remove.number);

    // Not while an import of a channel they are linked to runs (its page may have read the link).
    await getDb().query(
      `insert into import_run (channel_id, state, changed_since, lease_expires_at)
       select id, 'running', 'anytime', now() + interval '1 minute' from sales_channel where name = 'second'`,
    );
    await expect(service().merge(keep.number, remove.number, 'anna')).rejects.toMatchObject({
      code: 'IMPORT_RUNNING',
      message: expect.stringContaining('"second"'),
    });
    await getDb().query(
      `update import_run set state = 'finished', finished_at = now() where state = 'running'`,
    );

    const merge = await service().merge(keep.number, remove.number, 'anna');
    expect(merge).toMatchObject({
      kept: keep.number,
      removed: remove.number,
      by: 'anna',
      moved: { links: 1, addresses: remove.addresses.length, contacts: remove.contacts.length },
    });

    const survivor = (await service().get(keep.number))!;
    expect(survivor.mergedInto).toBeNull();
    expect(survivor.links.map((l) => `${l.channel}:${l.externalId}`).sort()).toEqual(
      [`second:${customer.id}`, `shop:${customer.id}`].sort(),
    );
    expect(survivor.addresses).toEqual([...keep.addresses, ...remove.addresses]);
    expect(survivor.contacts).toEqual([...keep.contacts, ...remove.contacts]);
    const merged = (await service().get(remove.number))!;
    expect(merged).toMatchObject({ mergedInto: keep.number, links: [], addresses: [], contacts: [] });

    // The survivor's history has both partners' history and the merge, by whom.
    const history = await service().history(keep.number);
    expect(history).toContainEqual(
      expect.objectContaining({ action: 'merge', field: 'mergedFrom', to: remove.number, by: 'anna' }),
    );
    for (const entry of removedHistory) expect(history).toContainEqual({ ...entry, partner: remove.number });
    expect(await service().merges()).toEqual([merge]);

    // A merged partner no longer owns its e-mail (DUPLICATE_EMAIL, guests): only the survivor does.
    const owners = await findEmailOwners(getDb(), 0, [customer.email]);
    expect(owners.get(customer.email.toLowerCase())?.map((owner) => owner.number)).toEqual([keep.number]);

    // Normal lists leave the merged partner out, unless asked.
    const numbers = (await service().listMatching({})).map((p) => p.number);
    expect(numbers).toContain(keep.number);
    expect(numbers).not.toContain(remove.number);
    expect((await service().listMatching({ merged: 'only' })).map((p) => p.number)).toEqual([remove.number]);

    // Refusals, with nothing changed.
    await expect(service().merge(keep.number, keep.number, 'anna')).rejects.toThrow(/itself/);
    await expect(service().merge(keep.number, remove.number, 'anna')).rejects.toMatchObject({
      code: 'PARTNER_MERGED',
    });
    await expect(service().setStatus(remove.number, 'Released', 'anna')).rejects.toMatchObject({
      code: 'PARTNER_MERGED',
    });

    // A later import through the moved link updates the survivor.
    await rest.change(customer.id, (c) => ({ ...c, lastname: 'Merged-Later' }));
    const later = await runImport(deps(), lastTransfer('second'));
    expect(later.counts).toMatchObject({ updated: 1, created: 0 });
    expect((await service().get(keep.number))?.lastName).toBe('Merged-Later');
    expect((await service().get(remove.number))?.lastName).toBe(remove.lastName);
    expect(await service().history(keep.number)).toContainEqual(
      expect.objectContaining({ field: 'lastName', to: 'Merged-Later', run: later.id }),
    );
  });

  it('refuses to merge a B2B partner with a B2C partner', async () => {
    await addMagentoChannel(getDb(), sim, 'b2c', { type: 'b2c' });
    await addMagentoChannel(getDb(), sim, 'b2b', { type: 'b2b' });
    await runImport(deps(), anytime('b2c'));
    await runImport(deps(), anytime('b2b'));
    const [b2c] = await listPartners(getDb(), { channel: 'b2c' });
    const [b2b] = await listPartners(getDb(), { channel: 'b2b' });
    await expect(service().merge(b2c!.number, b2b!.number, 'anna')).rejects.toMatchObject({
      code: 'MERGE_TYPE_MISMATCH',
    });
    expect((await service().get(b2b!.number))?.links).toHaveLength(1);
    expect(await service().merges()).toEqual([]);
  });

  it('records a link by a user', async () => {
    await addMagentoChannel(getDb(), sim, 'shop');
    await runImport(deps(), anytime('shop'));
    const [partner] = await listPartners(getDb(), { channel: 'shop' });
    expect(
      await recordUserLink(getDb(), {
        partnerNumber: partner!.number,
        channel: 'shop',
        externalId: 'x-1',
        by: 'anna',
      }),
    ).toBe(true);
    expect(
      await recordUserLink(getDb(), { partnerNumber: '999', channel: 'shop', externalId: 'x', by: 'a' }),
    ).toBe(false);
    expect((await service().history(partner!.number)).at(-1)).toMatchObject({
      action: 'link',
      by: 'anna',
      field: 'link',
      from: null,
      to: { channel: 'shop', externalId: 'x-1' },
    });
  });
});
