import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { collect, idsOf, read, useRunning } from '../../../test/support/adapter-test-helpers.ts';
import { type OxidSimulator, startOxidSimulator } from '../../simulators/oxid/simulator.ts';
import { changeTimeOf } from '../../simulators/oxid/simulator-store.ts';
import type { RetryEvent } from '../http/http-client.ts';
import { createOxidAdapter, MAX_EMAILS, oxidAdapter } from './adapter.ts';
import { shopTimeToIso } from './shop-time.ts';

const start = useRunning(startOxidSimulator, { customers: 57, seed: 9, brokenShare: 0 });
const retries: RetryEvent[] = [];
const adapter = createOxidAdapter({
  http: {
    retry: { retries: 2, backoffBaseMs: 1, retryAfterMaxMs: 20 },
    timeoutMs: 2_000,
    onRetry: (event) => retries.push(event),
  },
});

const connection = (sim: OxidSimulator, settings: Record<string, string> = {}) => ({
  url: sim.url,
  settings: { apiKey: sim.apiKey, pageSize: '10', ...settings },
});
const userRequests = (sim: OxidSimulator) => sim.requests.filter((r) => r.query.includes('fnc=users'));
const listed = (sim: OxidSimulator) => sim.store.customers();

describe('reading users', () => {
  it('reads every listed user once, in change-time order, keyset-paged through the connector controller', async () => {
    const sim = await start({ brokenShare: 0.05 });
    const pages = await collect(adapter.readCustomers(connection(sim), read()));
    const ids = idsOf(pages);
    const rejected = pages.flatMap((page) => page.rejected);
    expect(ids.length + rejected.length).toBe(listed(sim).length);
    expect(new Set([...ids, ...rejected.map((r) => r.externalId)])).toEqual(
      new Set(listed(sim).map((u) => u.columns.OXID)),
    );
    // The admin and newsletter-only subscribers are oxuser rows too, but no customers.
    expect(ids).not.toContain('oxdefaultadmin');
    expect(listed(sim).length).toBeLessThan(sim.store.size);
    const times = pages.flatMap((page) => page.customers.map((c) => c.updatedAt));
    expect(times).toEqual([...times].sort());
    const requests = userRequests(sim);
    expect(requests.length).toBe(pages.length);
    expect(requests[0]?.path).toBe('/index.php');
    expect(requests[0]?.query).toBe('cl=kontor_connector&fnc=users&shp=1&limit=10');
    expect(requests[1]?.query).toContain(`&after=${pages[0]?.cursor?.replace('oxid:v1|', '')}`);
    // Countries are read once per read, before the first users are mapped.
    expect(sim.requests.filter((r) => r.query.includes('fnc=countries'))).toHaveLength(1);
  });

  it('sends the API key in X-Kontor-Api-Key and names no key in errors', async () => {
    const sim = await start();
    const error = await collect(
      adapter.readCustomers(connection(sim, { apiKey: 'wrong-key-1234' }), read()),
    ).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'CHANNEL_AUTH_FAILED', kind: 'auth' });
    expect((error as Error).message).toContain('Missing or invalid API key.');
    expect((error as Error).message).not.toContain('wrong-key-1234');
  });

  it('reads only users changed since the given instant (inclusive), converting the shop zone', async () => {
    const sim = await start({ timeZone: 'America/New_York' });
    const all = listed(sim);
    const cut = all.map(changeTimeOf).sort((a, b) => a - b)[Math.floor(all.length / 2)] as number;
    const pages = await collect(adapter.readCustomers(connection(sim), read({ since: new Date(cut) })));
    const expected = all.filter((user) => changeTimeOf(user) >= cut).map((user) => user.columns.OXID);
    expect(new Set(idsOf(pages))).toEqual(new Set(expected));
    expect(userRequests(sim)[0]?.query).toContain(`changedSince=${new Date(cut).toISOString()}`);
    for (const customer of pages.flatMap((page) => page.customers))
      expect(Date.parse(customer.updatedAt)).toBeGreaterThanOrEqual(cut);
  });

  it('picks up a changed delivery address (which OXID does not stamp on the user) and a deleted one', async () => {
    let now = new Date('2025-08-01T10:00:00Z');
    const sim = await start({ clock: () => now });
    const owner = listed(sim).find((user) => user.addresses.length > 0)!;
    const address = owner.addresses[0]!;
    now = new Date('2025-08-02T10:00:00Z');
    sim.store.changeAddress(address.columns.OXID, (row) => (row.OXCITY = 'Hamburg'));
    expect(sim.store.get(owner.columns.OXID)?.timestamp).toBe(owner.timestamp);
    const since = new Date('2025-08-02T09:59:00Z');
    const [changed] = (await collect(adapter.readCustomers(connection(sim), read({ since })))).flatMap(
      (page) => page.customers,
    );
    expect(changed?.externalId).toBe(owner.columns.OXID);
    expect(changed?.updatedAt).toBe('2025-08-02T10:00:00.000Z');
    expect(changed?.addresses.map((a) => a.city)).toContain('Hamburg');

    now = new Date('2025-08-03T10:00:00Z');
    sim.store.deleteAddress(address.columns.OXID);
    const later = (
      await collect(adapter.readCustomers(connection(sim), read({ since: new Date('2025-08-03T09:59:00Z') })))
    ).flatMap((page) => page.customers);
    expect(later.map((c) => c.externalId)).toEqual([owner.columns.OXID]);
    expect(later[0]?.addresses.map((a) => a.city)).not.toContain('Hamburg');
  });

  it('delivers tombstones of deleted users in the change-time stream', async () => {
    let now = new Date('2025-08-01T10:00:00Z');
    const sim = await start({ clock: () => now });
    const [first, second] = listed(sim);
    sim.store.deleteUser(first!.columns.OXID);
    now = new Date('2025-08-01T10:00:05Z');
    sim.store.changeUser(second!.columns.OXID, (row) => (row.OXFON = '+49 40 999999'));
    const pages = await collect(
      adapter.readCustomers(connection(sim), read({ since: new Date('2025-08-01T09:00:00Z') })),
    );
    expect(pages.flatMap((page) => page.deleted)).toEqual([
      { externalId: first!.columns.OXID, deletedAt: '2025-08-01T10:00:00.000Z' },
    ]);
    expect(idsOf(pages)).toEqual([second!.columns.OXID]);
    // Anytime also brings the tombstones the module kept from before.
    const everything = await collect(adapter.readCustomers(connection(sim), read()));
    expect(everything.flatMap((page) => page.deleted).length).toBeGreaterThan(1);
  });

  it('selects users by e-mail, ignoring case, accents of the comparison and repeats', async () => {
    const sim = await start();
    const [a, b] = listed(sim).slice(-2);
    const emails = [a!.columns.OXUSERNAME.toUpperCase(), ` ${b!.columns.OXUSERNAME} `, b!.columns.OXUSERNAME];
    const pages = await collect(adapter.readCustomers(connection(sim), read({ emails })));
    expect(idsOf(pages).sort()).toEqual([a!.columns.OXID, b!.columns.OXID].sort());
    expect(pages.flatMap((page) => page.deleted)).toEqual([]);
    expect(userRequests(sim)[0]?.query).toContain(`emails[0]=${a!.columns.OXUSERNAME.toUpperCase()}`);
    expect(userRequests(sim)[0]?.query).toContain('emails[1]=');
    expect(userRequests(sim)[0]?.query).not.toContain('emails[2]=');

    const tooMany = Array.from({ length: MAX_EMAILS + 1 }, (_, n) => `kunde${n}@example.de`);
    await expect(
      collect(adapter.readCustomers(connection(sim), read({ emails: tooMany }))),
    ).rejects.toMatchObject({
      code: 'OXID_TOO_MANY_EMAILS',
    });
    expect(await collect(adapter.readCustomers(connection(sim), read({ emails: [' '] })))).toEqual([]);
  });

  it('resumes from a cursor and refuses a cursor of another adapter', async () => {
    const sim = await start();
    const all = await collect(adapter.readCustomers(connection(sim), read()));
    const rest = await collect(adapter.readCustomers(connection(sim), read({ cursor: all[1]!.cursor })));
    expect([...idsOf(all.slice(0, 2)), ...idsOf(rest)]).toEqual(idsOf(all));
    await expect(
      collect(adapter.readCustomers(connection(sim), read({ cursor: 'magento:v1|2024-01-01 00:00:00|4' }))),
    ).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
  });

  it('misses no user while the shop changes users during the read', async () => {
    let now = new Date('2025-08-01T10:00:00Z');
    const sim = await start({ customers: 40, clock: () => now });
    const seen = new Map<string, number>();
    let page = 0;
    for await (const current of adapter.readCustomers(connection(sim), read())) {
      for (const customer of current.customers)
        seen.set(customer.externalId, (seen.get(customer.externalId) ?? 0) + 1);
      if (++page === 2) {
        now = new Date(now.getTime() + 1_000);
        const unread = listed(sim).filter((user) => !seen.has(user.columns.OXID));
        for (const user of unread.slice(0, 3))
          sim.store.changeUser(user.columns.OXID, (row) => (row.OXFNAME += 'x'));
        sim.store.createUser({ OXUSERNAME: 'neu@example.de', OXFNAME: 'Neu', OXLNAME: 'Kunde' });
      }
    }
    expect(new Set(seen.keys())).toEqual(new Set(listed(sim).map((user) => user.columns.OXID)));
  });
});

describe('failures', () => {
  it('says that the connector module is missing when the shop answers with its start page', async () => {
    const sim = await start({ moduleActive: false });
    await expect(adapter.check(connection(sim))).rejects.toMatchObject({
      code: 'OXID_CONNECTOR_MISSING',
      kind: 'config',
      message: expect.stringContaining('Kontor connector module is installed and active'),
    });
  });

  it('reports a wrong URL (OXID 404 page), a wrong shop id and a time zone it does not know', async () => {
    const sim = await start();
    await expect(adapter.check({ ...connection(sim), url: `${sim.url}/shop` })).rejects.toMatchObject({
      code: 'CHANNEL_NOT_FOUND',
    });
    await expect(adapter.check(connection(sim, { shopId: '7' }))).rejects.toMatchObject({
      code: 'CHANNEL_BAD_REQUEST',
      message: expect.stringContaining('There is no shop 7.'),
    });
    const lost = await start({ timeZone: 'Mitteleuropa' });
    await expect(adapter.check(connection(lost))).rejects.toMatchObject({ code: 'OXID_TIME_ZONE_UNKNOWN' });
  });

  it('retries an offline shop (503) and goes on', async () => {
    const sim = await start({ failures: [{ path: 'fnc=users', times: 2, status: 503 }] });
    retries.length = 0;
    const pages = await collect(adapter.readCustomers(connection(sim), read()));
    expect(idsOf(pages).length).toBe(listed(sim).length);
    expect(retries.map((event) => event.error.code)).toEqual([
      'CHANNEL_SERVER_ERROR',
      'CHANNEL_SERVER_ERROR',
    ]);
  });

  it('stops with OXID_PAGING_STUCK when the connector names no next page or the same one again', async () => {
    for (const next of ['tok-1', null]) {
      const tombstone = { OXID: 'u1', OXDELETED: '2025-01-01 10:00:00' };
      const server = createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ timeZone: 'Europe/Berlin', users: [], deleted: [tombstone], next }));
      });
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      try {
        const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        const pages: unknown[] = [];
        const error = await (async () => {
          for await (const page of adapter.readCustomers(
            { url, settings: { apiKey: 'k', pageSize: '1' } },
            read(),
          ))
            pages.push(page);
        })().catch((caught: unknown) => caught);
        expect(error, String(next)).toMatchObject({ code: 'OXID_PAGING_STUCK', kind: 'bug' });
        // A repeated token: the first page is read, the repeat is refused; no token at all: nothing is read.
        expect(pages, String(next)).toHaveLength(next === null ? 0 : 1);
      } finally {
        server.closeAllConnections();
        server.close();
      }
    }
  });
});

describe('check and settings', () => {
  it('connects, names the shop, its time zone and the number of users', async () => {
    const sim = await start();
    const result = await adapter.check({ ...connection(sim), url: `${sim.url}/index.php?cl=start` });
    expect(result).toEqual({
      ok: true,
      message: `Connected to ${new URL(sim.url).host} (OXID eShop Simulator, CE 7.1.0; shop 1; time zone Europe/Berlin): ${listed(sim).length} users.`,
      customerCount: listed(sim).length,
    });
  });

  it('declares its capabilities and validates its settings', () => {
    expect(oxidAdapter.capabilities).toMatchObject({
      changedSince: true,
      byEmail: true,
      deletions: 'tombstones',
      channelTypes: ['b2c', 'b2b', 'b2b-b2c'],
      alwaysBlocked: true,
    });
    expect(() => oxidAdapter.validateSettings({})).toThrow(
      expect.objectContaining({ code: 'SETTING_MISSING' }),
    );
    expect(() => oxidAdapter.validateSettings({ apiKey: 'k', pageSize: '5000' })).toThrow(
      expect.objectContaining({ code: 'SETTING_INVALID', message: expect.stringContaining('"pageSize"') }),
    );
    expect(() => oxidAdapter.validateSettings({ apiKey: 'k', shopId: '0' })).toThrow(
      expect.objectContaining({ code: 'SETTING_INVALID' }),
    );
    expect(() => oxidAdapter.validateSettings({ apiKey: 'k', shopId: '2', pageSize: '100' })).not.toThrow();
  });

  it('reads the change time in the zone of the shop (sanity check of the simulator rendering)', async () => {
    const sim = await start({ timeZone: 'Europe/Berlin' });
    const response = await fetch(`${sim.url}/index.php?cl=kontor_connector&fnc=users&limit=1`, {
      headers: { 'x-kontor-api-key': sim.apiKey },
    });
    const body = (await response.json()) as { users: Array<{ OXID: string; changed: string }> };
    const user = sim.store.get(body.users[0]!.OXID)!;
    expect(Math.min(...listed(sim).map(changeTimeOf))).toBe(changeTimeOf(user));
    expect(shopTimeToIso(body.users[0]!.changed, 'Europe/Berlin')).toBe(
      new Date(changeTimeOf(user)).toISOString(),
    );
  });
});
