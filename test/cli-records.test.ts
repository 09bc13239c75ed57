/**
 * `kontor records list|confirm|ignore|retry` (DESIGN.md 5): the JSON of the contract, the filters and the exit
 * codes (0 every record handled, 1 some not, 2 invalid input), on a PGlite folder and on a PostgreSQL database.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import { kontor } from './support/cli-runner.ts';
import { databaseBackends, TEST_PG_URL } from './support/test-databases.ts';
import { createTestDatabase, postgresTemplate, type TestDatabase } from './support/test-postgres-template.ts';

const CONTRACT_KEYS = [
  'channel',
  'codes',
  'email',
  'externalId',
  'firstSeenAt',
  'lastSeenAt',
  'level',
  'message',
  'runId',
  'state',
];

for (const backend of databaseBackends()) {
  describe.skipIf(!backend.available)(`kontor records (${backend.name})`, () => {
    let sim: MagentoSimulator;
    let folder: string;
    let pg: TestDatabase | null = null;
    let db: string;
    let zero: string;

    beforeAll(async () => {
      sim = await startMagentoSimulator({ customers: 20, seed: 5, brokenShare: 0 });
      const broken = sim.store.get(6)!;
      sim.store.load({
        customers: [{ ...broken, updated_at: '0000-00-00 00:00:00' }],
        companies: [],
        broken: new Map(),
      });
      zero = String(broken.id);
      folder = await mkdtemp(join(tmpdir(), 'kontor-records-'));
      if (backend.name === 'postgres') {
        pg = await createTestDatabase(TEST_PG_URL, await postgresTemplate(TEST_PG_URL));
        db = pg.url;
      } else db = join(folder, 'db');
      const add = await kontor(db, 'channel', 'add', 'shop', '--adapter', 'magento', '--type', 'b2c');
      expect(add.code).toBe(2); // --url is required: invalid input
      const added = await kontor(
        ...[db, 'channel', 'add', 'shop', '--adapter', 'magento', '--type', 'b2c', '--url', sim.url],
        ...['--setting', `token=${sim.token}`],
      );
      expect(added.code).toBe(0);
    });
    afterAll(async () => {
      await sim?.close();
      await pg?.drop();
      await rm(folder, { recursive: true, force: true });
    });

    it('lists the records a run did not import with the fields of the contract, filtered', async () => {
      // The seed has customers 3, 16 (and more) without an address: they await confirmation.
      const run = await kontor(db, 'import-customers', '--channel', 'shop', '--wait', '--json');
      expect(run.code).toBe(1); // finished with an error (the zero date)
      const all = await kontor(db, 'records', 'list', '--json');
      expect(all.code).toBe(0);
      const records = JSON.parse(all.stdout) as Array<Record<string, unknown>>;
      expect(records.length).toBeGreaterThan(1);
      for (const record of records) expect(Object.keys(record).sort()).toEqual(CONTRACT_KEYS);
      expect(records.find((record) => record.externalId === zero)).toMatchObject({
        channel: 'shop',
        level: 'error',
        codes: ['INVALID_DATE'],
        state: 'open',
        runId: expect.any(Number),
      });
      const awaiting = JSON.parse(
        (await kontor(db, 'records', 'list', '--channel', 'shop', '--code', 'NO_ADDRESS', '--json')).stdout,
      ) as Array<{ externalId: string; level: string }>;
      expect(awaiting.length).toBeGreaterThan(0);
      expect(awaiting.every((record) => record.level === 'warning')).toBe(true);
      expect(awaiting.length + 1).toBe(records.length);

      const table = await kontor(db, 'records', 'list', '--state', 'open');
      expect(table.stdout).toContain('INVALID_DATE');
      expect(table.stdout).toContain(`${records.length} record(s).`);
      expect((await kontor(db, 'records', 'list', '--state', 'imported')).stdout).toContain(
        'No records match.',
      );

      const channels = JSON.parse((await kontor(db, 'channel', 'list', '--json')).stdout);
      expect(channels[0]).toMatchObject({ name: 'shop', openRecords: records.length });
      expect((await kontor(db, 'channel', 'list')).stdout).toContain('Open records');
    });

    it('confirm, ignore and retry exit 0 when every record was handled, 1 naming those that were not', async () => {
      const open = JSON.parse(
        (await kontor(db, 'records', 'list', '--code', 'NO_ADDRESS', '--state', 'open', '--json')).stdout,
      ) as Array<{ externalId: string }>;
      const first = open[0]!.externalId;

      const partly = await kontor(db, 'records', 'confirm', '--channel', 'shop', first, zero, '404');
      expect(partly.code).toBe(1);
      expect(partly.stdout).toContain('Confirmed 1 of 3 record(s)');
      expect(partly.stderr).toContain(`kontor: ${zero}: Customer ${zero} has errors (INVALID_DATE)`);
      expect(partly.stderr).toContain('kontor: 404: No record with external id 404');
      const partners = JSON.parse((await kontor(db, 'partners', 'list', '--json')).stdout) as Array<{
        links: Array<{ externalId: string }>;
      }>;
      expect(partners.some((p) => p.links.some((l) => l.externalId === first))).toBe(true);

      const rest = open.slice(1).map((record) => record.externalId);
      if (rest.length > 0) {
        const confirmed = await kontor(db, 'records', 'confirm', '--channel', 'shop', ...rest, '--json');
        expect(confirmed.code).toBe(0);
        expect(JSON.parse(confirmed.stdout)).toMatchObject({ handled: rest, failed: [] });
      }

      const retry = await kontor(db, 'records', 'retry', '--channel', 'shop', zero);
      expect(retry.code).toBe(1);
      expect(retry.stderr).toContain('still not importable: INVALID_DATE');

      const ignore = await kontor(db, 'records', 'ignore', '--channel', 'shop', zero, '--user', 'dora');
      expect(ignore).toMatchObject({ code: 0, stderr: '' });
      const ignored = JSON.parse(
        (await kontor(db, 'records', 'list', '--state', 'ignored', '--json')).stdout,
      ) as Array<{ externalId: string }>;
      expect(ignored.map((record) => record.externalId)).toEqual([zero]);
      expect((await kontor(db, 'records', 'list', '--state', 'ignored')).stdout).toContain('dora');
      const channels = JSON.parse((await kontor(db, 'channel', 'list', '--json')).stdout);
      expect(channels[0].openRecords).toBe(0);

      // Fixed in the shop: retry reads it by id and imports it.
      sim.store.change(Number(zero), () => {});
      expect((await kontor(db, 'records', 'retry', '--channel', 'shop', zero)).code).toBe(0);
      const states = JSON.parse((await kontor(db, 'records', 'list', '--json')).stdout) as Array<{
        externalId: string;
        state: string;
      }>;
      expect(states.find((record) => record.externalId === zero)?.state).toBe('imported');
    });

    it('exits 2 on invalid input', async () => {
      const cases = [
        ['records', 'confirm', '--channel', 'shop'],
        ['records', 'ignore', '1'],
        ['records', 'retry', '--channel', 'nowhere', '1'],
        ['records', 'list', '--state', 'done'],
        ['records', 'confirm', '--channel', 'shop', ' '],
      ];
      for (const args of cases) {
        const result = await kontor(db, ...args);
        expect(result.code, args.join(' ')).toBe(2);
        expect(result.stderr.trim().split('\n').length, args.join(' ')).toBeGreaterThan(0);
      }
    });
  });
}
