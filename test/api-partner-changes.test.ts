/**
 * /api/partners (docs/api.md "Cockpit: Sales channel partners"): history, release and block by any user, merge
 * by an administrator, the list of merges, and the search by run, job and merged, paged by offset or after.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runImport } from '../src/import/import-service.ts';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import { listPartners } from '../src/storage/partner-read-store.ts';
import { testApi } from './support/api-fixtures.ts';
import { addMagentoChannel, anytime, byExternalId, testAdapters } from './support/import-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

describeEachDb('HTTP API: partner history, status and merge', (getDb) => {
  let sim: MagentoSimulator;
  beforeAll(async () => {
    sim = await startMagentoSimulator({ customers: 4, seed: 5, brokenShare: 0 });
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('releases, blocks, merges and lists with the right role, and answers the history', async () => {
    const db = getDb();
    await addMagentoChannel(db, sim, 'shop', { type: 'b2b' });
    await addMagentoChannel(db, sim, 'other', { type: 'b2b' });
    const run = await runImport({ db, adapters: testAdapters }, anytime('shop'));
    await runImport({ db, adapters: testAdapters }, anytime('other'));
    const partners = await listPartners(db);
    const [id] = [...byExternalId(partners, 'shop').keys()];
    const keep = byExternalId(partners, 'shop').get(id!)!;
    const remove = byExternalId(partners, 'other').get(id!)!;

    const api = testApi(db);
    await api.addUser('bob');
    await api.addUser('root', 'administrator');
    const bob = await api.as('bob');
    const root = await api.as('root');

    const released = await bob.post(`/api/partners/${keep.number}/release`);
    expect(released.statusCode).toBe(200);
    expect(released.json()).toMatchObject({ number: keep.number, status: 'Released', mergedInto: null });
    expect((await bob.post(`/api/partners/999999/block`)).statusCode).toBe(404);
    const history = await bob.get(`/api/partners/${keep.number}/history`);
    expect(history.statusCode).toBe(200);
    const entries = (history.json() as { history: Array<Record<string, unknown>> }).history;
    expect(entries[0]).toMatchObject({ action: 'import', run: run.id, from: null });
    expect(entries.at(-1)).toMatchObject({ action: 'status', by: 'bob', from: 'Blocked', to: 'Released' });
    expect(entries.at(-1)).not.toHaveProperty('run');

    const body = { keep: keep.number, remove: remove.number };
    expect((await bob.post('/api/partners/merges', body)).statusCode).toBe(403);
    expect((await api.anonymous().post('/api/partners/merges', body)).statusCode).toBe(401);
    const self = await root.post('/api/partners/merges', { keep: keep.number, remove: keep.number });
    expect(self.statusCode).toBe(400);
    const merged = await root.post('/api/partners/merges', body);
    expect(merged.statusCode).toBe(201);
    expect(merged.json()).toMatchObject({ kept: keep.number, removed: remove.number, by: 'root' });
    const again = await root.post('/api/partners/merges', body);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'PARTNER_MERGED' });
    expect((await bob.get('/api/partners/merges')).json()).toEqual([merged.json()]);
    expect((await bob.post(`/api/partners/${remove.number}/release`)).json()).toMatchObject({
      code: 'PARTNER_MERGED',
    });

    const numbers = (url: string) =>
      bob.get(url).then((r) => (r.json() as { items: Array<{ number: string }> }).items.map((p) => p.number));
    expect(await numbers('/api/partners')).not.toContain(remove.number);
    expect(await numbers('/api/partners?merged=only')).toEqual([remove.number]);
    expect(await numbers(`/api/partners?run=${run.id}`)).toContain(keep.number);
    expect((await bob.get('/api/partners?merged=maybe')).statusCode).toBe(400);

    // Keyset paging: after = the previous page's next, the same pages as by offset; refused naming the field.
    const byOffset = await numbers('/api/partners?merged=include&limit=500');
    const byAfter: string[] = [];
    for (let next: string | null = null, first = true; first || next !== null; first = false) {
      const page = await bob.get(
        `/api/partners?merged=include&limit=3${next ? `&after=${encodeURIComponent(next)}` : ''}`,
      );
      expect(page.statusCode).toBe(200);
      const body = page.json() as { total: number; items: Array<{ number: string }>; next: string | null };
      expect(body.total).toBe(byOffset.length - byAfter.length);
      byAfter.push(...body.items.map((p) => p.number));
      next = body.next;
    }
    expect(byAfter).toEqual(byOffset);
    expect(byOffset.length).toBeGreaterThan(3);
    for (const [query, field] of [
      ['after=', 'after'],
      [`after=${'9'.repeat(41)}`, 'after'],
      ['after=%00', 'after'],
      [`after=${byOffset[0]}&offset=0`, 'offset'],
    ]) {
      const refused = await bob.get(`/api/partners?${query}`);
      expect(refused.statusCode, query).toBe(400);
      expect(refused.json(), query).toMatchObject({ code: 'INVALID_INPUT', field });
    }
    const shown = await bob.get(`/api/partners/${remove.number}`);
    expect(shown.json()).toMatchObject({ mergedInto: keep.number, links: [] });
  });
});
