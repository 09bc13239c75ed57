import { expect, it } from 'vitest';
import { describeEachDb } from '../../test/support/test-databases.ts';
import { defaultAdapters } from '../adapters/registry.ts';
import { InvalidInputError } from '../domain/errors.ts';
import { setWatermark } from '../storage/channel-store.ts';
import type { Db } from '../storage/db.ts';
import { type ChannelInput, ChannelService } from './channel-service.ts';

const SECRET = 'shopware-secret-value-123';

const shopware = (overrides: Partial<ChannelInput> = {}): ChannelInput => ({
  name: 'shop',
  adapter: 'shopware',
  type: 'b2b-b2c',
  url: 'https://shop.example.com/',
  settings: { clientId: 'SWIA1', clientSecret: SECRET, salesChannelId: 'a'.repeat(32) },
  customerApproval: false,
  pseudoPartnerNumber: null,
  ...overrides,
});

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** The settings as stored, secrets opened (the row holds them sealed: channel-secrets.test.ts). */
async function storedSettings(db: Db, name: string): Promise<Record<string, string> | undefined> {
  return (await new ChannelService(db, defaultAdapters).find(name))?.settings;
}

describeEachDb('ChannelService', (getDb) => {
  const service = () => new ChannelService(getDb(), defaultAdapters);

  it.each([
    [{ name: ' ' }, 'name'],
    [{ adapter: 'nosuch' }, 'adapter'],
    [{ type: 'b2x' }, 'type'],
    [{ url: 'ftp://shop' }, 'url'],
    [{ url: 'https://user:pw@shop.example.com' }, 'url'],
    [{ type: 'b2b', pseudoPartnerNumber: 'P1' }, 'pseudoPartnerNumber'],
    [{ pseudoPartnerNumber: 'not a number!' }, 'pseudoPartnerNumber'],
    [{ settings: { clientSecret: SECRET } }, 'settings.clientId'],
    [{ settings: { clientId: 'x', clientSecret: SECRET, colour: 'blue' } }, 'settings.colour'],
    [{ settings: { clientId: 'x', clientSecret: SECRET, pageSize: 'many' } }, 'settings.pageSize'],
    // Refused by the adapter's own check (a range), not by the schema.
    [{ settings: { clientId: 'x', clientSecret: SECRET, pageSize: '5000' } }, 'settings.pageSize'],
  ] as Array<[Partial<ChannelInput>, string]>)(
    'add refuses %j naming the field %s',
    async (overrides, field) => {
      const error = await caught(service().add(shopware(overrides)));
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error).toMatchObject({ code: 'INVALID_INPUT', field });
      expect(await service().list()).toEqual([]);
    },
  );

  it('add refuses a taken name with NAME_TAKEN; the channel shows its adapter label, never its secrets', async () => {
    const created = await service().add(shopware());
    expect(created).toMatchObject({
      name: 'shop',
      adapter: 'shopware',
      adapterLabel: 'Shopware 6',
      url: 'https://shop.example.com',
      settings: { clientId: 'SWIA1', pageSize: '100', salesChannelId: 'a'.repeat(32) },
      secretsSet: ['clientSecret'],
    });
    expect(await caught(service().add(shopware()))).toMatchObject({ code: 'NAME_TAKEN', kind: 'config' });
    const shown = await service().getPublic('shop');
    expect(shown).toEqual(created);
    expect(JSON.stringify([created, shown, await service().list()])).not.toContain(SECRET);
    expect(await caught(service().getPublic('nope'))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('edit keeps a secret that is absent or empty, replaces it when given, and unsets absent non-secrets', async () => {
    const { adapter: _adapter, ...input } = shopware();
    await service().add(shopware());
    // A new path on the same origin (a new host needs the secret again: origin-change tests).
    const kept = await service().update('shop', {
      ...input,
      url: 'https://shop.example.com/moved',
      settings: { clientId: 'SWIA2', clientSecret: '' },
      customerApproval: true,
    });
    expect(kept).toMatchObject({
      url: 'https://shop.example.com/moved',
      settings: { clientId: 'SWIA2', pageSize: '100' },
      secretsSet: ['clientSecret'],
      customerApproval: true,
    });
    expect(JSON.stringify(kept)).not.toContain(SECRET);
    // salesChannelId was not given: unset; pageSize was not given: its default.
    const stored = { clientId: 'SWIA2', clientSecret: SECRET, pageSize: '100' };
    expect(await storedSettings(getDb(), 'shop')).toEqual(stored);

    await service().update('shop', { ...input, settings: { clientId: 'SWIA2' } });
    expect(await storedSettings(getDb(), 'shop')).toEqual(stored);

    const replaced = await service().update('shop', {
      ...input,
      settings: { clientId: 'SWIA2', clientSecret: 'new-secret-456' },
    });
    expect(JSON.stringify(replaced)).not.toContain('new-secret-456');
    expect((await storedSettings(getDb(), 'shop'))?.clientSecret).toBe('new-secret-456');

    // A required non-secret setting that is absent is unset, and so refused; nothing is written.
    const error = await caught(service().update('shop', { ...input, settings: {} }));
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'settings.clientId' });
    expect((await storedSettings(getDb(), 'shop'))?.clientId).toBe('SWIA2');
  });

  it('edit clears secret settings listed in clearSecrets: a Retail POS channel switches from API key to user and password', async () => {
    const pos: ChannelInput = {
      name: 'pos',
      adapter: 'retail-pos',
      type: 'b2c',
      url: 'https://pos.example.com',
      settings: { apiKey: 'pos-api-key-789' },
      customerApproval: false,
      pseudoPartnerNumber: null,
    };
    const { adapter: _adapter, ...input } = pos;
    await service().add(pos);
    const basic = { username: 'head-office', password: 'pos-password-1' };
    // Without clearing, the stored API key stays and the adapter refuses both kinds of credentials at once.
    const both = await caught(service().update('pos', { ...input, settings: basic }));
    expect(both).toMatchObject({ code: 'INVALID_INPUT', field: 'settings.apiKey' });
    const switched = await service().update('pos', { ...input, settings: basic, clearSecrets: ['apiKey'] });
    expect(switched.secretsSet).toEqual(['password']);
    expect(await storedSettings(getDb(), 'pos')).toEqual({
      ...basic,
      pageSize: '200',
      requestsPerSecond: '4',
    });

    for (const clearSecrets of [['username'], ['colour'], ['password']]) {
      const error = await caught(service().update('pos', { ...input, settings: basic, clearSecrets }));
      expect(error, clearSecrets[0]).toMatchObject({ code: 'INVALID_INPUT', field: 'clearSecrets' });
    }
    // Clearing the password alone leaves a user name without password: refused by the adapter.
    const noPassword = await caught(
      service().update('pos', {
        ...input,
        settings: { username: 'head-office' },
        clearSecrets: ['password'],
      }),
    );
    expect(noPassword).toMatchObject({ code: 'INVALID_INPUT', field: 'settings.password' });
    expect((await storedSettings(getDb(), 'pos'))?.password).toBe('pos-password-1');
  });

  it('edit validates like add, naming the field, and changes nothing on bad input', async () => {
    const { adapter: _adapter, ...input } = shopware();
    await service().add(shopware());
    const before = await service().getPublic('shop');
    for (const [change, field] of [
      [{ type: 'b2x' }, 'type'],
      [{ url: 'nope' }, 'url'],
      [{ name: '' }, 'name'],
      [{ settings: { clientId: 'x', pageSize: '0' } }, 'settings.pageSize'],
    ] as const) {
      expect(await caught(service().update('shop', { ...input, ...change }))).toMatchObject({ field });
    }
    expect(await service().getPublic('shop')).toEqual(before);
    expect(await caught(service().update('nope', input))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('renames, keeping the watermark and the links, and refuses a name that is taken', async () => {
    const db = getDb();
    const { adapter: _adapter, ...input } = shopware();
    const shop = await service().add(shopware());
    await service().add(shopware({ name: 'other' }));
    await setWatermark(db, shop.id, '2026-03-01T00:00:00.000Z');
    await db.query(
      `insert into partner (number, partner_type, status, name) values ('100001', 'B2C', 'Released', 'Ann')`,
    );
    await db.query(
      `insert into channel_link (channel_id, external_id, partner_id, imported_at, fingerprint)
       select $1, 'c-1', id, now(), 'f' from partner`,
      [shop.id],
    );

    const taken = await caught(service().update('shop', { ...input, name: 'other' }));
    expect(taken).toMatchObject({ code: 'NAME_TAKEN', kind: 'config' });
    expect((await service().getPublic('shop')).name).toBe('shop');

    const renamed = await service().update('shop', { ...input, name: 'shop-de' });
    expect(renamed).toMatchObject({ id: shop.id, name: 'shop-de', watermark: '2026-03-01T00:00:00.000Z' });
    expect(await caught(service().getPublic('shop'))).toMatchObject({ code: 'NOT_FOUND' });
    const links = await db.query<{ name: string }>(
      'select c.name from channel_link l join sales_channel c on c.id = l.channel_id',
    );
    expect(links.rows).toEqual([{ name: 'shop-de' }]);
  });

  it('a rename follows into the Import customers jobs that have not ended, not into ended ones nor those of another OLTP database', async () => {
    const db = getDb();
    const { adapter: _adapter, ...input } = shopware();
    await service().add(shopware());
    for (const state of ['planned', 'released', 'ready', 'active', 'finished', 'canceled', 'other']) {
      await db.query(
        `insert into batch_job (name, application, settings, user_name, oltp_database, content_language,
           queue_id, start_mode, time_zone, notification, release_immediately, state, lease_token)
         select $1, 'import-customers', $2::jsonb, 'anna', case when $1 = 'other' then 'TEST' else 'default' end,
           'en', id, 'external', 'UTC', 'none', false, case when $1 = 'other' then 'planned' else $1 end,
           case when $1 = 'active' then 'lease' end
         from processing_queue where name = 'default'`,
        [state, JSON.stringify({ channel: 'shop', changedSince: 'last-transfer' })],
      );
    }
    await service().update('shop', { ...input, name: 'shop-de' });
    const jobs = await db.query<{ name: string; channel: string }>(
      `select name, settings ->> 'channel' as channel from batch_job order by id`,
    );
    expect(Object.fromEntries(jobs.rows.map((row) => [row.name, row.channel]))).toEqual({
      planned: 'shop-de',
      released: 'shop-de',
      ready: 'shop-de',
      active: 'shop-de',
      finished: 'shop',
      canceled: 'shop',
      other: 'shop',
    });
  });
});
