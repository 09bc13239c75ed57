import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBackends, TEST_PG_URL } from '../../test/support/test-databases.ts';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-postgres-template.ts';
import type { Db } from './db.ts';
import { openPostgresDb } from './postgres-db.ts';

const postgres = databaseBackends().find((b) => b.name === 'postgres')!;

describe.skipIf(!postgres.available)(
  `PostgreSQL connection dropped in a transaction${postgres.available ? '' : ` (skipped: ${postgres.skipReason})`}`,
  () => {
    let database: TestDatabase;
    let db: Db | null = null;
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    beforeEach(async () => {
      database = await createTestDatabase(TEST_PG_URL, 'template0');
      uncaught.length = 0;
      process.on('uncaughtException', onUncaught);
    });
    afterEach(async () => {
      process.off('uncaughtException', onUncaught);
      await db?.close();
      db = null;
      await database.drop();
    });

    async function terminateTransactions(url: string): Promise<number> {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        const { rows } = await admin.query(
          `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
            WHERE datname = current_database() AND application_name = 'kontor' AND xact_start IS NOT NULL`,
        );
        return rows.length;
      } finally {
        await admin.end();
      }
    }

    it('rejects the transaction as transient when its backend is terminated, and stays usable', async () => {
      db = await openPostgresDb(database.url, { allowExitOnIdle: true });
      const url = database.url;
      const error = await db
        .transaction(async (tx) => {
          await tx.query('SELECT 1');
          expect(await terminateTransactions(url)).toBe(1);
          await sleep(300); // the socket closes while no statement runs: an 'error' event on the client
          await tx.query('SELECT 2');
        })
        .catch((e: unknown) => e);
      expect(uncaught).toEqual([]);
      expect(error).toMatchObject({ kind: 'transient', code: 'DB_UNAVAILABLE' });
      expect((await db.query<{ n: number }>('SELECT 3 AS n')).rows).toEqual([{ n: 3 }]);
      expect(
        await db.transaction(async (tx) => (await tx.query<{ n: number }>('SELECT 4 AS n')).rows),
      ).toEqual([{ n: 4 }]);
    });

    it('rejects as transient when the backend is terminated during a statement', async () => {
      db = await openPostgresDb(database.url, { allowExitOnIdle: true });
      const url = database.url;
      const error = await db
        .transaction(async (tx) => {
          await tx.query('SELECT 1');
          const slow = tx.query('SELECT pg_sleep(5)');
          slow.catch(() => undefined); // awaited below; it rejects before that
          await sleep(200);
          await terminateTransactions(url);
          await slow;
        })
        .catch((e: unknown) => e);
      await sleep(100);
      expect(uncaught).toEqual([]);
      expect(error).toMatchObject({ kind: 'transient' });
      expect((await db.query<{ n: number }>('SELECT 3 AS n')).rows).toEqual([{ n: 3 }]);
    });
  },
);
