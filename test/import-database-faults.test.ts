/**
 * The database fails under a running import (PostgreSQL only: PGlite runs in the process): every Kontor
 * connection that is inside a transaction is terminated, four times a second apart while pages are committed,
 * as in server restarts or failovers. The process stays up, each page is committed again, and the run ends
 * finished with every customer imported exactly once.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { runImport } from '../src/import/import-service.ts';
import { startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import type { Db } from '../src/storage/db.ts';
import { warningLines } from './support/capture-logger.ts';
import { addMagentoChannel, anytime, testAdapters } from './support/import-fixtures.ts';
import { databaseBackends, openTestDb, TEST_PG_URL } from './support/test-databases.ts';

const postgres = databaseBackends().find((backend) => backend.name === 'postgres');

describe.skipIf(!postgres?.available)(
  `import with its database connections killed${postgres?.available ? '' : ` (skipped: ${postgres?.skipReason})`}`,
  () => {
    let db: Db | null = null;
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    afterEach(async () => {
      process.off('uncaughtException', onUncaught);
      await db?.close();
      db = null;
    });

    it('commits each page again after its connection died, and imports every customer once', async () => {
      process.on('uncaughtException', onUncaught);
      db = await openTestDb('postgres');
      const database = new URL(db.location).pathname.slice(1);
      const sim = await startMagentoSimulator({ customers: 400, seed: 3, brokenShare: 0, latencyMs: 5 });
      const admin = new pg.Client({ connectionString: TEST_PG_URL });
      await admin.connect();
      try {
        await addMagentoChannel(db, sim, 'shop', { settings: { token: sim.token, pageSize: '20' } });
        let killed = 0;
        let importing = true;
        const killer = (async () => {
          // Four faults, a second apart (each a restart or failover the run has to ride out).
          while (importing && killed < 4) {
            const { rows } = await admin.query(
              `select pg_terminate_backend(pid) from pg_stat_activity
                where datname = $1 and application_name = 'kontor' and xact_start is not null
                  and pid <> pg_backend_pid()`,
              [database],
            );
            killed += rows.length;
            await sleep(rows.length > 0 ? 1000 : 5);
          }
        })();
        const lines: string[] = [];
        const run = await runImport(
          { db, adapters: testAdapters, logger: warningLines(lines) },
          { ...anytime('shop'), confirmAllWarnings: true },
        ).finally(() => {
          importing = false;
        });
        await killer;

        expect(uncaught).toEqual([]);
        expect(killed).toBeGreaterThan(0);
        expect(run).toMatchObject({ state: 'finished', error: null });
        const { rows } = await db.query<{ links: string; partners: string; ids: string }>(
          `select count(*) as links, count(distinct partner_id) as partners, count(distinct external_id) as ids
             from channel_link`,
        );
        expect(rows[0]).toEqual({ links: '400', partners: '400', ids: '400' });
      } finally {
        await admin.end();
        await sim.close();
      }
    });
  },
);
