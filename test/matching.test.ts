/**
 * Matching with existing partners end to end (docs/import-rules.md "Matching"), on both databases: customers
 * of a second channel are linked to the partners that the first channel (or a user) created when they match by
 * the channel's rules after normalisation; several candidates wait for review (records link, create-new).
 */
import { beforeEach, expect, it } from 'vitest';
import type { ChannelCustomer } from '../src/domain/channel-customer.ts';
import type { Partner } from '../src/domain/partner.ts';
import { runImport } from '../src/import/import-service.ts';
import { mergeByNumber } from '../src/partners/partner-merge.ts';
import { createServices, type Services } from '../src/services.ts';
import type { Db } from '../src/storage/db.ts';
import { getRunLog } from '../src/storage/import-run-store.ts';
import { partnerHistory } from '../src/storage/partner-history-store.ts';
import { listPartners } from '../src/storage/partner-read-store.ts';
import { channelAddress, channelCustomer } from './support/channel-customers.ts';
import { createChannel, importRequest } from './support/import-fixtures.ts';
import { type ScriptedShops, scriptedShops } from './support/scripted-adapter.ts';
import { describeEachDb } from './support/test-databases.ts';

const A = 'http://shop-a.test';
const B = 'http://shop-b.test';
const T = '2026-01-02T03:04:05.000Z';

function customer(externalId: string, fields: Partial<ChannelCustomer>): ChannelCustomer {
  return channelCustomer({
    externalId,
    updatedAt: T,
    firstName: 'Anna',
    lastName: `Kunde ${externalId}`,
    addresses: [
      channelAddress({ street: 'Hauptstraße 1', postalCode: '10115', city: 'Berlin', country: 'DE' }),
    ],
    ...fields,
  });
}

describeEachDb('Matching with existing partners', (getDb) => {
  let shops: ScriptedShops;
  let db: Db;
  let services: Services;

  beforeEach(() => {
    shops = scriptedShops();
    db = getDb();
    services = createServices(db, shops.adapters);
  });

  async function channel(name: string, url: string, type: 'b2c' | 'b2b' | 'b2b-b2c', matchRules: string[]) {
    await createChannel(db, shops.adapters, {
      name,
      adapter: 'magento',
      type,
      url,
      settings: { token: 'x' },
      matchRules,
    });
  }

  const run = (name: string) =>
    runImport({ db, adapters: shops.adapters }, importRequest(name, { confirmAllWarnings: false }));

  const partners = () => listPartners(db, {});
  const linksOf = (partner: Partner | undefined) =>
    (partner?.links ?? []).map((link) => `${link.channel}:${link.externalId}`).sort();

  it('links the customers two channels share by tax id and by e-mail to one partner each', async () => {
    await channel('a', A, 'b2b', []);
    await channel('b', B, 'b2b', ['tax-id', 'email']);
    shops.set(A, [
      customer('1', { company: 'Müller GmbH', taxId: 'DE123456789', email: 'einkauf@mueller.example' }),
      customer('2', { company: 'Schmidt AG', taxId: null, email: 'Info@Schmidt.example' }),
      customer('3', {
        company: 'Wien GmbH',
        taxId: '123456780',
        email: 'office@wien.example',
        addresses: [channelAddress({ street: 'Ring 1', postalCode: '1010', city: 'Wien', country: 'AT' })],
      }),
    ]);
    shops.set(B, [
      // The same company: its tax id formatted otherwise, without the prefix (the address is in DE).
      customer('b-1', {
        company: 'Müller GmbH (B)',
        taxId: 'de 123 456 789',
        email: 'other@mueller.example',
      }),
      // No tax id: matched by e-mail, whatever its case.
      customer('b-2', { company: 'Schmidt AG', taxId: null, email: 'INFO@schmidt.EXAMPLE' }),
      // The same digits with a German address: the tax id of another country does not match.
      customer('b-3', { company: 'Wien GmbH', taxId: '123456780', email: 'vienna@wien.example' }),
    ]);
    // (Format warnings of the made-up tax ids confirmed: they are not what this test is about.)
    const confirming = (name: string) =>
      runImport({ db, adapters: shops.adapters }, importRequest(name, { confirmAllWarnings: true }));
    expect((await confirming('a')).counts).toMatchObject({ created: 3 });
    // The preview plans the matches as the run does (and writes nothing).
    const preview = await services.previews.all({
      ...importRequest('b', { confirmAllWarnings: true }),
      timestamp: null,
    });
    expect(preview.counts).toMatchObject({ create: 1, update: 2, awaiting: 0 });
    expect(preview.records.filter((r) => r.action === 'update').map((r) => r.externalId)).toEqual([
      'b-1',
      'b-2',
    ]);
    expect(await partners()).toHaveLength(3);
    const second = await confirming('b');
    expect(second.counts).toMatchObject({ created: 1, updated: 2, awaiting: 0 });

    const all = await partners();
    expect(all).toHaveLength(4);
    const byNumber = new Map(all.map((partner) => [partner.number, partner]));
    const mueller = all.find((partner) => partner.links.some((link) => link.externalId === '1'));
    const schmidt = all.find((partner) => partner.links.some((link) => link.externalId === '2'));
    expect(linksOf(mueller)).toEqual(['a:1', 'b:b-1']);
    expect(linksOf(schmidt)).toEqual(['a:2', 'b:b-2']);
    // A match is an update: the partner has the data of the customer imported last.
    expect(byNumber.get(mueller?.number ?? '')?.name).toBe('Müller GmbH (B)');
    const wien = all.filter((partner) => partner.company === 'Wien GmbH');
    expect(wien.map(linksOf).sort()).toEqual([['a:3'], ['b:b-3']]);

    const log = await getRunLog(db, second.id);
    const matched = log.filter((line) => line.code === 'MATCHED_EXISTING');
    expect(matched.map((line) => [line.externalId, line.level])).toEqual([
      ['b-1', 'info'],
      ['b-2', 'info'],
    ]);
    expect(matched[0]?.message).toContain(`partner ${mueller?.number}: the same tax id`);
    expect(matched[1]?.message).toContain('the same e-mail');

    // Imported again: the links hold, nothing is matched or created again.
    const again = await confirming('b');
    expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });

  it('matches formatted phone numbers and partners created by hand, never across B2B and B2C', async () => {
    await channel('b', B, 'b2b-b2c', ['phone']);
    // Partners of the ERP entered by hand (no channel; no keys computed yet).
    await db.query(
      `insert into partner (number, partner_type, status, name, email, phones)
       values ('H-1', 'B2C', 'Released', 'Anna Hand', null, array['030 1234567']),
              ('H-2', 'B2B', 'Blocked', 'Hand GmbH', null, array['+49 (40) 765-4321'])`,
    );
    await db.query(
      `insert into partner_address (partner_id, position, country, default_billing)
       select id, 0, 'DE', true from partner where number in ('H-1', 'H-2')`,
    );
    shops.set(B, [
      customer('c-1', { phones: ['+49 (30) 123-4567'] }),
      customer('c-2', { company: 'Hand GmbH', phones: ['040 7654321'] }),
      // A B2C customer with the B2B partner's number: no match across types.
      customer('c-3', { phones: ['040/765 43 21'] }),
    ]);
    const result = await run('b');
    expect(result.counts).toMatchObject({ created: 1, updated: 2 });
    const all = await partners();
    const byNumber = new Map(all.map((partner) => [partner.number, partner]));
    expect(linksOf(byNumber.get('H-1'))).toEqual(['b:c-1']);
    expect(linksOf(byNumber.get('H-2'))).toEqual(['b:c-2']);
    expect(all).toHaveLength(3);
  });

  it('never gives two customers of one channel the same partner', async () => {
    await channel('a', A, 'b2c', []);
    await channel('b', B, 'b2c', ['email']);
    shops.set(A, [customer('1', { email: 'anna@example.com' })]);
    await run('a');
    // Two customers of page b with the partner's e-mail: only the first is linked.
    shops.set(B, [
      customer('x', { email: 'ANNA@example.com' }),
      customer('y', { email: 'anna@example.com' }),
    ]);
    const result = await run('b');
    expect(result.counts).toMatchObject({ updated: 1 });
    const linked = (await partners()).find((partner) => partner.number === '100001');
    expect(linksOf(linked)).toEqual(['a:1', 'b:x']);
    // y was not linked to it: it waits as a duplicate e-mail, as without matching.
    const open = (await services.records.list({ channel: 'b', state: 'open' })).records;
    expect(open.map((record) => [record.externalId, record.codes])).toEqual([['y', ['DUPLICATE_EMAIL']]]);
  });

  it('holds an ambiguous match for review; records link imports it onto the chosen partner', async () => {
    await channel('a', A, 'b2c', []);
    await channel('b', B, 'b2c', ['email']);
    shops.set(A, [
      customer('1', { email: 'same@example.com' }),
      customer('2', { email: 'Same@example.com' }),
    ]);
    await runImport({ db, adapters: shops.adapters }, importRequest('a', { confirmAllWarnings: true }));
    const [first, second] = (await partners()).map((partner) => partner.number);
    shops.set(B, [customer('z', { email: 'same@example.com' })]);
    // Also with "Confirm all warnings": the choice is a user's.
    const result = await runImport(
      { db, adapters: shops.adapters },
      importRequest('b', { confirmAllWarnings: true }),
    );
    expect(result.counts).toMatchObject({ awaiting: 1, created: 0, updated: 0 });
    const [kept] = (await services.records.list({ channel: 'b', state: 'open' })).records;
    expect(kept).toMatchObject({ externalId: 'z', level: 'warning', codes: ['MATCH_AMBIGUOUS'] });
    expect(kept?.candidates).toEqual([first, second]);
    expect(kept?.message).toContain(`${first}, ${second}`);
    const log = await getRunLog(db, result.id);
    expect(log.find((line) => line.code === 'MATCH_AMBIGUOUS')).toMatchObject({ level: 'awaiting' });

    // Confirm is no answer to it; a partner of the other type or linked in the channel is refused.
    const confirmed = await services.records.confirm({ channel: 'b', externalIds: ['z'], by: 'anna' });
    expect(confirmed.failed[0]?.message).toMatch(/waits for a decision/);
    await expect(
      services.records.link({ channel: 'b', externalIds: ['z'], partner: 'nope', by: 'anna' }),
    ).rejects.toThrow(/no partner with number nope/);

    const linked = await services.records.link({
      channel: 'b',
      externalIds: ['z'],
      partner: second as string,
      by: 'anna',
    });
    expect(linked).toMatchObject({ handled: ['z'], failed: [] });
    const target = (await partners()).find((partner) => partner.number === second);
    expect(linksOf(target)).toEqual(['a:2', 'b:z']);
    expect((await services.records.list({ channel: 'b' })).records[0]).toMatchObject({
      state: 'confirmed',
      resolvedBy: 'anna',
    });
    const actionLog = await getRunLog(db, linked.runId as number);
    expect(actionLog.find((line) => line.code === 'LINKED_BY_USER')?.message).toContain(`partner ${second}`);
    // The user's link is in the partner's history, with who.
    const history = await partnerHistory(db, second as string);
    expect(history).toContainEqual(
      expect.objectContaining({ by: 'anna', field: 'link', to: { channel: 'b', externalId: 'z' } }),
    );
    expect(await partners()).toHaveLength(2);

    // Another customer with the same e-mail: the partner linked in b is no candidate any more.
    shops.set(B, [
      customer('z', { email: 'same@example.com' }),
      customer('w', { email: 'same@example.com' }),
    ]);
    const third = await run('b');
    expect(third.counts).toMatchObject({ created: 0 });
    expect(linksOf((await partners()).find((partner) => partner.number === first))).toEqual(['a:1', 'b:w']);
  });

  it('a merged partner is no candidate, and records link refuses it', async () => {
    await channel('a', A, 'b2c', []);
    await channel('b', B, 'b2c', ['email']);
    shops.set(A, [
      customer('1', { email: 'm@example.com' }),
      customer('2', { email: 'other@example.com' }),
      customer('3', { email: 'm@example.com' }),
    ]);
    await runImport({ db, adapters: shops.adapters }, importRequest('a', { confirmAllWarnings: true }));
    const [kept, removed, third] = (await partners()).map((partner) => partner.number) as string[];
    await mergeByNumber(db, kept as string, removed as string, 'anna');
    // The removed partner's e-mail matches no more; the survivor and partner 3 share m@: ambiguous.
    shops.set(B, [customer('y', { email: 'other@example.com' }), customer('z', { email: 'm@example.com' })]);
    const result = await run('b');
    expect(result.counts).toMatchObject({ created: 1, updated: 0, awaiting: 1 });
    const [open] = (await services.records.list({ channel: 'b', state: 'open' })).records;
    expect(open).toMatchObject({ externalId: 'z', codes: ['MATCH_AMBIGUOUS'], candidates: [kept, third] });
    await expect(
      services.records.link({ channel: 'b', externalIds: ['z'], partner: removed as string, by: 'anna' }),
    ).rejects.toThrow(`Partner ${removed} was merged into partner ${kept}`);
  });

  it('refuses to link to a partner of the other type or one the channel links already', async () => {
    await channel('a', A, 'b2b-b2c', []);
    await channel('b', B, 'b2c', ['email']);
    shops.set(A, [
      customer('1', { email: 'p@example.com' }),
      customer('2', { email: 'p@example.com' }),
      customer('3', { company: 'Firma', email: 'firma@example.com' }),
    ]);
    await runImport({ db, adapters: shops.adapters }, importRequest('a', { confirmAllWarnings: true }));
    shops.set(B, [customer('z', { email: 'p@example.com' }), customer('k', { email: 'k@example.com' })]);
    await run('b');
    const all = await partners();
    const b2b = all.find((partner) => partner.type === 'B2B')?.number as string;
    await expect(
      services.records.link({ channel: 'b', externalIds: ['z'], partner: b2b, by: 'anna' }),
    ).rejects.toThrow(/is B2B, but customer z .* is B2C: a match never crosses B2B and B2C/);
    const kPartner = (await partners()).find((partner) => partner.links.some((l) => l.externalId === 'k'));
    await expect(
      services.records.link({
        channel: 'b',
        externalIds: ['z'],
        partner: kPartner?.number ?? '',
        by: 'anna',
      }),
    ).rejects.toThrow(/linked to sales channel "b" already \(customer k\)/);
  });

  it('records create-new imports an ambiguous record as a new partner', async () => {
    await channel('a', A, 'b2c', []);
    await channel('b', B, 'b2c', ['email']);
    shops.set(A, [
      customer('1', { email: 'same@example.com' }),
      customer('2', { email: 'same@example.com' }),
    ]);
    await runImport({ db, adapters: shops.adapters }, importRequest('a', { confirmAllWarnings: true }));
    shops.set(B, [customer('z', { email: 'same@example.com' })]);
    await run('b');
    const created = await services.records.createNew({ channel: 'b', externalIds: ['z'], by: 'anna' });
    expect(created).toMatchObject({ handled: ['z'], failed: [] });
    const all = await partners();
    expect(all).toHaveLength(3);
    expect(linksOf(all.find((partner) => partner.links.some((l) => l.channel === 'b')))).toEqual(['b:z']);
    // Not open any more: a second decision is refused.
    const again = await services.records.createNew({ channel: 'b', externalIds: ['z'], by: 'anna' });
    expect(again.failed[0]?.message).toMatch(/confirmed, not open/);
  });

  it('without matching rules creates a partner, as before', async () => {
    await channel('a', A, 'b2c', []);
    await channel('b', B, 'b2c', []);
    shops.set(A, [customer('1', { email: 'anna@example.com' })]);
    shops.set(B, [customer('1', { email: 'anna@example.com' })]);
    await run('a');
    const result = await runImport(
      { db, adapters: shops.adapters },
      importRequest('b', { confirmAllWarnings: true }),
    );
    expect(result.counts).toMatchObject({ created: 1, warnings: 1 });
    expect(await partners()).toHaveLength(2);
  });
});
