/**
 * `kontor import-customers --preview --json` on a PGlite folder and on PostgreSQL: the preview contract
 * (counts, per record action / changes / codes), nothing stored (the database dump is the same before and
 * after), and the import that follows counts what the preview said.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import type { Db } from '../src/storage/db.ts';
import { oltpSearchPath } from '../src/storage/oltp-schema.ts';
import { openDb } from '../src/storage/open-db.ts';
import { dumpDb } from './support/db-dump.ts';
import { databaseBackends, openTestDb } from './support/test-databases.ts';

async function kontor(dbSpec: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'kontor', '--db', dbSpec, ...args], {
    out: (text) => {
      stdout += `${text}\n`;
    },
    err: (text) => {
      stderr += `${text}\n`;
    },
  });
  return { code, stdout, stderr };
}

for (const backend of databaseBackends()) {
  describe.skipIf(!backend.available)(`kontor import-customers --preview (${backend.name})`, () => {
    let sim: MagentoSimulator;
    let folder: string;
    let spec: string;
    let pg: Db | null = null;
    /** The database as the CLI left it (PGlite: the folder opened again, once the CLI has closed it). */
    const dump = async () => {
      if (pg) return await dumpDb(pg);
      const db = (await openDb(spec)).withSearchPath(oltpSearchPath('default')); // the OLTP database the CLI works on
      try {
        return await dumpDb(db);
      } finally {
        await db.close();
      }
    };

    beforeAll(async () => {
      sim = await startMagentoSimulator({ customers: 30, seed: 71, brokenShare: 0.2 });
      folder = await mkdtemp(join(tmpdir(), 'kontor-cli-preview-'));
      if (backend.name === 'postgres') {
        pg = await openTestDb('postgres');
        spec = pg.location;
      } else spec = join(folder, 'db');
    });
    afterAll(async () => {
      await sim?.close();
      await pg?.close();
      await rm(folder, { recursive: true, force: true });
    });

    it('prints the preview contract, stores nothing, and the import counts the same', async () => {
      const add = await kontor(
        spec,
        ...['channel', 'add', 'demo', '--adapter', 'magento', '--type', 'b2c', '--url', sim.url],
        ...['--setting', `token=${sim.token}`, '--setting', 'pageSize=8'],
      );
      expect(add).toMatchObject({ code: 0, stderr: '' });
      const args = ['import-customers', '--channel', 'demo', '--changed-since', 'anytime'];

      const before = await dump();
      const preview = await kontor(spec, ...args, '--preview', '--json');
      expect(preview).toMatchObject({ code: 0, stderr: '' });
      expect(await dump()).toBe(before);
      const parsed = JSON.parse(preview.stdout);
      expect(Object.keys(parsed.counts).sort()).toEqual(
        ['awaiting', 'create', 'errors', 'read', 'skipped', 'unchanged', 'update'].sort(),
      );
      expect(parsed.counts.read).toBe(30);
      expect(parsed.counts.errors + parsed.counts.awaiting).toBeGreaterThan(0);
      expect(parsed.records).toHaveLength(30);
      for (const record of parsed.records) {
        expect(['create', 'update', 'unchanged', 'skipped', 'awaiting', 'error']).toContain(record.action);
        if (record.action === 'error' || record.action === 'awaiting')
          expect(record.codes.length).toBeGreaterThan(0);
      }

      const run = await kontor(spec, ...args, '--wait', '--json');
      const counts = JSON.parse(run.stdout).counts;
      expect({
        read: counts.read,
        create: counts.created,
        update: counts.updated,
        unchanged: counts.unchanged,
        awaiting: counts.awaiting,
        errors: counts.errors,
        skipped: counts.skipped,
      }).toEqual(parsed.counts);

      // Read again after the import: every imported record is unchanged.
      const again = JSON.parse((await kontor(spec, ...args, '--preview', '--json')).stdout);
      expect(again.counts).toMatchObject({ create: 0, update: 0, unchanged: counts.created });

      const text = await kontor(spec, ...args, '--preview');
      expect(text.stdout).toMatch(/^Preview \(nothing imported\): read 30, create 0, update 0/);
    });

    it('refuses --preview with --wait (exit 2)', async () => {
      const result = await kontor(spec, 'import-customers', '--channel', 'demo', '--preview', '--wait');
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/--preview/);
    });
  });
}
