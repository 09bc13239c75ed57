/**
 * `kontor partners show --history --json`, `release|block`, `merge`, `merges` and `list --run|--merged`
 * (DESIGN.md 5): the JSON of the contract and the exit codes, on a PGlite folder and on a PostgreSQL database.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import { kontor } from './support/cli-runner.ts';
import { databaseBackends, TEST_PG_URL } from './support/test-databases.ts';
import { createTestDatabase, postgresTemplate, type TestDatabase } from './support/test-postgres-template.ts';

interface Partner {
  number: string;
  status: string;
  mergedInto: string | null;
  links: Array<{ channel: string; externalId: string }>;
  history?: Array<Record<string, unknown>>;
}

for (const backend of databaseBackends()) {
  describe.skipIf(!backend.available)(`kontor partners history, status, merge (${backend.name})`, () => {
    let sim: MagentoSimulator;
    let folder: string;
    let pg: TestDatabase | null = null;
    let db: string;

    beforeAll(async () => {
      sim = await startMagentoSimulator({ customers: 3, seed: 5, brokenShare: 0 });
      folder = await mkdtemp(join(tmpdir(), 'kontor-partners-'));
      if (backend.name === 'postgres') {
        pg = await createTestDatabase(TEST_PG_URL, await postgresTemplate(TEST_PG_URL));
        db = pg.url;
      } else db = join(folder, 'db');
      for (const name of ['shop', 'outlet']) {
        const added = await kontor(
          ...[db, 'channel', 'add', name, '--adapter', 'magento', '--type', 'b2b', '--url', sim.url],
          ...['--setting', `token=${sim.token}`],
        );
        expect(added.code).toBe(0);
      }
    });
    afterAll(async () => {
      await sim?.close();
      await pg?.drop();
      await rm(folder, { recursive: true, force: true });
    });

    const partners = async (...args: string[]) =>
      JSON.parse((await kontor(db, 'partners', 'list', ...args, '--json')).stdout) as Partner[];

    it('shows the history with the run, releases and blocks with who, merges and lists merges', async () => {
      for (const channel of ['shop', 'outlet']) {
        const run = await kontor(
          db,
          'import-customers',
          '--channel',
          channel,
          '--wait',
          '--confirm-all-warnings',
        );
        expect(run.code).toBe(0);
      }
      const shop = await partners('--channel', 'shop');
      const outlet = await partners('--channel', 'outlet');
      const keep = shop[0]!;
      const remove = outlet.find((p) => p.links[0]?.externalId === keep.links[0]?.externalId)!;

      const shown = await kontor(db, 'partners', 'show', keep.number, '--history', '--json');
      expect(shown.code).toBe(0);
      const partner = JSON.parse(shown.stdout) as Partner;
      expect(partner).toMatchObject({ number: keep.number });
      expect(partner).not.toHaveProperty('mergedInto'); // only a merged partner has it
      expect(partner.history!.length).toBeGreaterThan(0);
      for (const entry of partner.history!) {
        expect(entry).toEqual(
          expect.objectContaining({
            at: expect.any(String),
            run: expect.any(Number),
            field: expect.any(String),
          }),
        );
        expect(entry).toHaveProperty('by');
        expect(entry).toHaveProperty('from', null);
        expect(entry).toHaveProperty('to');
      }
      const run = partner.history![0]!.run as number;
      expect((await partners('--run', String(run))).map((p) => p.number).sort()).toEqual(
        shop.map((p) => p.number).sort(),
      );
      // Without --history the JSON is the partner JSON as before.
      expect(
        JSON.parse((await kontor(db, 'partners', 'show', keep.number, '--json')).stdout),
      ).not.toHaveProperty('history');

      expect((await kontor(db, 'partners', 'release', keep.number, '--user', 'anna')).code).toBe(0);
      expect((await kontor(db, 'partners', 'block', keep.number, '--user', 'ben', '--json')).code).toBe(0);
      const statuses = (
        JSON.parse(
          (await kontor(db, 'partners', 'show', keep.number, '--history', '--json')).stdout,
        ) as Partner
      ).history!.filter((entry) => entry.field === 'status');
      expect(statuses).toEqual([
        expect.objectContaining({ by: 'anna', from: 'Blocked', to: 'Released' }),
        expect.objectContaining({ by: 'ben', from: 'Released', to: 'Blocked' }),
      ]);
      const text = await kontor(db, 'partners', 'show', keep.number, '--history');
      expect(text.stdout).toMatch(/status anna: status Blocked -> Released/);

      const self = await kontor(db, 'partners', 'merge', keep.number, keep.number);
      expect(self.code).toBe(2);
      expect(self.stderr).toContain('cannot be merged with itself');
      expect((await kontor(db, 'partners', 'merge', keep.number, '999999')).code).toBe(2);
      const merged = await kontor(
        db,
        'partners',
        'merge',
        keep.number,
        remove.number,
        '--user',
        'anna',
        '--json',
      );
      expect(merged.code).toBe(0);
      expect(JSON.parse(merged.stdout)).toMatchObject({
        kept: keep.number,
        removed: remove.number,
        by: 'anna',
      });
      const again = await kontor(db, 'partners', 'merge', keep.number, remove.number);
      expect(again.code).toBe(2);
      expect(again.stderr).toContain(`already merged into partner ${keep.number}`);
      expect(JSON.parse((await kontor(db, 'partners', 'merges', '--json')).stdout)).toEqual([
        JSON.parse(merged.stdout),
      ]);
      expect((await kontor(db, 'partners', 'merges')).stdout).toContain(remove.number);

      expect((await partners()).map((p) => p.number)).not.toContain(remove.number);
      expect((await partners('--merged', 'only')).map((p) => [p.number, p.mergedInto])).toEqual([
        [remove.number, keep.number],
      ]);
      const survivor = JSON.parse(
        (await kontor(db, 'partners', 'show', keep.number, '--json')).stdout,
      ) as Partner;
      expect(survivor.links.map((l) => l.channel).sort()).toEqual(['outlet', 'shop']);
    });
  });
}
