/**
 * Sealed channel secrets end to end: Test connection and the import reach the shop with the opened secret while
 * the row holds it sealed; a process without the key says so and starts no run; `kontor secrets rotate` re-seals
 * and the import goes on with the new key; `PUT /api/channels/:name` to another host needs the secret again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ChannelService } from '../src/channels/channel-service.ts';
import { main } from '../src/cli/main.ts';
import { runImport } from '../src/import/import-service.ts';
import { ChannelSecrets } from '../src/secrets/channel-secrets.ts';
import { readKeyFile } from '../src/secrets/key-file.ts';
import { keySourceFrom } from '../src/secrets/key-source.ts';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import { testApi } from './support/api-fixtures.ts';
import { addMagentoChannel, anytime, testAdapters } from './support/import-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

describeEachDb('sealed channel secrets in use', (getDb) => {
  let sim: MagentoSimulator;
  let folder: string;
  beforeAll(async () => {
    sim = await startMagentoSimulator({ customers: 15, seed: 11, brokenShare: 0 });
  });
  afterAll(async () => {
    await sim?.close();
  });
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'kontor-secrets-e2e-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const secretsIn = (path: string) => new ChannelSecrets(keySourceFrom({ KONTOR_SECRET_KEY_FILE: path }));

  async function rowText(name: string): Promise<string> {
    const result = await getDb().query<{ row: string }>(
      'select settings::text || secrets::text as row from sales_channel where name = $1',
      [name],
    );
    return result.rows[0]?.row ?? '';
  }

  it('tests the connection and imports with the opened secret; the row holds it sealed', async () => {
    await addMagentoChannel(getDb(), sim, 'shop');
    expect(await rowText('shop')).not.toContain(sim.token);
    expect(await rowText('shop')).toMatch(/"token": "v1\./);
    const channels = new ChannelService(getDb(), testAdapters);
    expect(await channels.test('shop')).toMatchObject({ ok: true });
    const run = await runImport({ db: getDb(), adapters: testAdapters }, anytime('shop'));
    expect(run).toMatchObject({ state: 'finished', counts: { read: 15, created: 15 } });

    const elsewhere = secretsIn(join(folder, 'no-key'));
    const refused = runImport({ db: getDb(), adapters: testAdapters, secrets: elsewhere }, anytime('shop'));
    await expect(refused).rejects.toMatchObject({ code: 'SECRET_KEY_MISSING' });
    await expect(refused).rejects.toThrow(/"shop"/);
    const runs = await getDb().query<{ n: number }>('select count(*)::int as n from import_run');
    expect(runs.rows[0]?.n).toBe(1);
  });

  it('PUT /api/channels/:name to another host keeps no secret: refused without it, taken with it', async () => {
    await addMagentoChannel(getDb(), sim, 'shop');
    const api = testApi(getDb());
    await api.addUser('alice', 'administrator');
    const alice = await api.as('alice');
    const edit = (url: string, settings: Record<string, string>) =>
      alice.put('/api/channels/shop', {
        name: 'shop',
        type: 'b2b-b2c',
        url,
        settings,
        customerApproval: false,
        pseudoPartnerNumber: null,
      });
    const theirs = sim.url.replace('127.0.0.1', 'localhost');
    const refused = await edit(theirs, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'INVALID_INPUT', field: 'settings.token' });
    expect(refused.json().message).toContain("Enter the secret again: the URL's host changed");
    expect((await alice.get('/api/channels/shop')).json().url).toBe(sim.url);

    const samePlace = await edit(`${sim.url}/`, {});
    expect(samePlace.statusCode).toBe(200);
    expect((await alice.post('/api/channels/shop/test')).statusCode).toBe(200);

    const moved = await edit(theirs, { token: sim.token });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ url: theirs, secretsSet: ['token'] });
    expect((await alice.post('/api/channels/shop/test')).statusCode).toBe(200);
    expect(await rowText('shop')).not.toContain(sim.token);

    // Sealed with a key this server does not have: Test connection says so (422), the list still shows it.
    const {
      id: _id,
      watermark: _w,
      createdAt: _c,
      adapterLabel: _l,
      secretsSet: _s,
      usePseudoPartner: _u,
      ...input
    } = moved.json();
    await new ChannelService(getDb(), testAdapters, secretsIn(join(folder, 'other-key'))).update('shop', {
      ...input,
      settings: { ...input.settings, token: sim.token },
    });
    const test = await alice.post('/api/channels/shop/test');
    expect(test.statusCode).toBe(422);
    expect(test.json()).toMatchObject({ code: 'SECRET_KEY_MISMATCH' });
    expect(test.json().message).toContain('"shop"');
    expect((await alice.get('/api/channels')).json()).toMatchObject([
      { name: 'shop', secretsSet: ['token'] },
    ]);
  });
});

// The CLI on its own PGlite folder (the same on both backends: run once).
describe('kontor secrets rotate', () => {
  let sim: MagentoSimulator;
  let folder: string;
  beforeAll(async () => {
    sim = await startMagentoSimulator({ customers: 15, seed: 11, brokenShare: 0 });
    folder = mkdtempSync(join(tmpdir(), 'kontor-secrets-cli-'));
  });
  afterAll(async () => {
    await sim?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('kontor secrets rotate re-seals every channel, prints how many, and the import goes on', async () => {
    const keyFile = join(folder, 'secret-key');
    const secrets = new ChannelSecrets(keySourceFrom({ KONTOR_SECRET_KEY_FILE: keyFile }));
    const dbFolder = join(folder, 'db');
    const lines: string[] = [];
    const kontor = (...args: string[]) =>
      main(
        ['node', 'kontor', '--db', dbFolder, ...args],
        { out: (text) => lines.push(text), err: (text) => lines.push(`ERR ${text}`) },
        { adapters: testAdapters, secrets },
      );
    for (const name of ['a', 'b'])
      expect(
        await kontor(
          'channel',
          'add',
          name,
          '--adapter',
          'magento',
          '--type',
          'b2c',
          '--url',
          sim.url,
          '--setting',
          `token=${sim.token}`,
        ),
      ).toBe(0);
    expect(await kontor('user', 'add', userInfo().username)).toBe(0); // files the import below
    const before = readKeyFile(keyFile)?.[0]?.id;
    lines.length = 0;
    expect(await kontor('secrets', 'rotate')).toBe(0);
    const after = readKeyFile(keyFile)?.[0]?.id;
    expect(after).not.toBe(before);
    expect(lines).toEqual([
      `Re-sealed the secrets of 2 sales channel(s) with key ${after} (${keyFile}).`,
      `Key(s) ${before} removed from the key file; backups made before now need them.`,
    ]);
    lines.length = 0;
    expect(await kontor('import-customers', '--channel', 'b', '--confirm-all-warnings', '--wait')).toBe(0);
    expect(lines.join('\n')).not.toContain('ERR');
  });
});
