import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseBackends, TEST_PG_URL } from '../../test/support/test-databases.ts';
import {
  createTestDatabase,
  type TestDatabase,
  withDatabase,
} from '../../test/support/test-postgres-template.ts';
import type { Db } from './db.ts';
import { openPostgresDb } from './postgres-db.ts';
import { describePostgresUrl } from './postgres-errors.ts';

describe('PostgreSQL URLs', () => {
  it('describes a server without password or query', () => {
    expect(
      describePostgresUrl('postgres://kontor:s3cret@db.example.com:6432/erp?sslmode=require&password=x'),
    ).toBe('postgres://kontor@db.example.com:6432/erp');
    expect(describePostgresUrl('postgresql://db/erp')).toBe('postgres://db/erp');
  });

  it('refuses what is not a postgres URL without repeating it', async () => {
    await expect(openPostgresDb('postgres://kontor:s3cret@[bad')).rejects.toMatchObject({
      code: 'DB_URL_INVALID',
      message: expect.not.stringContaining('s3cret'),
    });
  });

  it('reports an unreachable server as transient, without the password', async () => {
    const error = await openPostgresDb('postgres://kontor:s3cret@127.0.0.1:1/erp', {
      connectionTimeoutMs: 2_000,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DB_UNAVAILABLE', kind: 'transient' });
    expect((error as Error).message).toContain('postgres://kontor@127.0.0.1:1/erp');
    expect((error as Error).message).not.toContain('s3cret');
  });
});

const postgres = databaseBackends().find((b) => b.name === 'postgres')!;

describe.skipIf(!postgres.available)(
  `PostgreSQL server${postgres.available ? '' : ` (skipped: ${postgres.skipReason})`}`,
  () => {
    let database: TestDatabase;
    let db: Db | null = null;
    beforeEach(async () => {
      database = await createTestDatabase(TEST_PG_URL, 'template0');
    });
    afterEach(async () => {
      await db?.close();
      db = null;
      await database.drop();
    });

    it('reports a missing database as a configuration error', async () => {
      await expect(openPostgresDb(withDatabase(TEST_PG_URL, 'kontor_no_such_db'))).rejects.toMatchObject({
        code: 'DB_NOT_FOUND',
        kind: 'config',
      });
    });

    it('sets its type parsers on its own pool only, never on pg globally', async () => {
      db = await openPostgresDb(database.url, { allowExitOnIdle: true });
      expect((await db.query('SELECT 5::int8 AS big')).rows).toEqual([{ big: '5' }]);
      expect(pg.types.getTypeParser(1184, 'text')('2024-01-02 00:00:00+00')).toEqual(
        new Date('2024-01-02T00:00:00Z'),
      );
      expect(pg.types.getTypeParser(1082, 'text')('2024-01-02')).toBeInstanceOf(Date); // pg's default, untouched
      const plain = new pg.Client({ connectionString: database.url });
      await plain.connect();
      try {
        expect((await plain.query(`SELECT '2024-01-02'::date AS d`)).rows[0].d).toBeInstanceOf(Date);
      } finally {
        await plain.end();
      }
    });

    it('names its sessions kontor and kontor-listen', async () => {
      db = await openPostgresDb(database.url, { allowExitOnIdle: true });
      await db.listen('wake', () => undefined);
      const { rows } = await db.query<{ name: string }>(
        `SELECT DISTINCT application_name AS name FROM pg_stat_activity WHERE datname = current_database() ORDER BY 1`,
      );
      expect(rows.map((r) => r.name)).toEqual(['kontor', 'kontor-listen']);
    });

    it('listens again after its LISTEN connection was killed', async () => {
      db = await openPostgresDb(database.url, { allowExitOnIdle: true });
      const received: string[] = [];
      await db.listen('wake', (payload) => received.push(payload));
      await db.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = 'kontor-listen'`,
      );
      for (let i = 0; i < 100 && received.length === 0; i++) {
        await db.query(`SELECT pg_notify('wake', 'again')`);
        await sleep(100);
      }
      expect(received[0]).toBe('again');
    });
  },
);
